# Rendered by Infracrew Forge from PlanSpec plan-brand-site-9ff00130eaee. Change the goal, not this file.

output "cdn_distribution_id" {
  description = "The ID of the cdn distribution."
  value       = module.cdn.cloudfront_distribution_id
}

output "cdn_domain_name" {
  description = "The domain name cdn serves on (https://<this>/)."
  value       = module.cdn.cloudfront_distribution_domain_name
}

output "domain_certificate_arn" {
  description = "The ACM certificate for www.example.com."
  value       = module.domain.acm_certificate_arn
}

output "site_bucket" {
  description = "The name of the site bucket."
  value       = module.site.s3_bucket_id
}
