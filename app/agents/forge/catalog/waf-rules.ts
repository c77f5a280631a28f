/** The AWS managed rule groups every web ACL Forge writes holds, before its per-IP rate limit. */
export const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
] as const;

/** The rules AWS WAF bills per month: each managed rule group, and the rate limit. */
export const WEB_ACL_RULE_COUNT = MANAGED_RULE_GROUPS.length + 1;
