# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

variable "handler_package_bucket" {
  description = "The S3 bucket holding handler's zip package (nodejs22.x)."
  type        = string
}

variable "handler_package_key" {
  description = "The S3 key of handler's zip package; a new key deploys a new version."
  type        = string
}
