# Rendered by Infracrew Forge from PlanSpec plan-admin-console-c09b2de3f05f. Change the goal, not this file.

variable "acm_certificate_arn" {
  description = "ARN of the ACM certificate load-balancer serves on HTTPS 443, in eu-west-1. The goal names no domain (workload.domain), so the certificate is an input."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.acm_certificate_arn))
    error_message = "acm_certificate_arn must be the ARN of an ACM certificate."
  }
}
