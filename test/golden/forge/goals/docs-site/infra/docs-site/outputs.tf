# Rendered by Infracrew Forge from PlanSpec plan-docs-site-f5c1faf6b5c2. Change the goal, not this file.

output "cdn_distribution_id" {
  description = "The ID of the cdn distribution."
  value       = module.cdn.cloudfront_distribution_id
}

output "cdn_domain_name" {
  description = "The domain name cdn serves on (https://<this>/)."
  value       = module.cdn.cloudfront_distribution_domain_name
}

output "site_bucket" {
  description = "The name of the site bucket."
  value       = module.site.s3_bucket_id
}
