# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

variable "handler_package_bucket" {
  description = "The S3 bucket holding handler's zip package (python3.13)."
  type        = string
}

variable "handler_package_key" {
  description = "The S3 key of handler's zip package; a new key deploys a new version."
  type        = string
}
