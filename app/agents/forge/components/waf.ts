/**
 * A WAFv2 web ACL with AWS managed rules and a per-IP rate limit, for a CloudFront distribution or an ALB. No
 * terraform-aws-modules module covers WAFv2, so this is the one raw resource type Forge writes.
 */
import { MANAGED_RULE_GROUPS } from "../catalog/waf-rules.js";
import { attr, blank, block, ref, type Body, type BodyItem } from "../hcl/ast.js";

/** Requests one client IP may make in 5 minutes before it is blocked. */
const RATE_LIMIT = 2000;

function visibility(metric: string): BodyItem {
  return block(
    "visibility_config",
    [],
    [
      attr("cloudwatch_metrics_enabled", true),
      attr("metric_name", metric),
      attr("sampled_requests_enabled", true),
    ],
  );
}

export interface WebAclOptions {
  readonly label: string;
  readonly name: string;
  readonly description: string;
  readonly scope: "CLOUDFRONT" | "REGIONAL";
  /** `aws.us_east_1` for CloudFront, which only takes web ACLs made in us-east-1. */
  readonly provider?: string;
}

export function webAcl(options: WebAclOptions): Body {
  const managed = MANAGED_RULE_GROUPS.map((group, i) =>
    block(
      "rule",
      [],
      [
        attr("name", group),
        attr("priority", (i + 1) * 10),
        blank,
        block("override_action", [], [block("none", [], [])]),
        blank,
        block(
          "statement",
          [],
          [block("managed_rule_group_statement", [], [attr("name", group), attr("vendor_name", "AWS")])],
        ),
        blank,
        visibility(`${options.name}-${group}`),
      ],
    ),
  );
  const rateLimit = block(
    "rule",
    [],
    [
      attr("name", "rate-limit-per-ip"),
      attr("priority", (MANAGED_RULE_GROUPS.length + 1) * 10),
      blank,
      block("action", [], [block("block", [], [])]),
      blank,
      block(
        "statement",
        [],
        [block("rate_based_statement", [], [attr("limit", RATE_LIMIT), attr("aggregate_key_type", "IP")])],
      ),
      blank,
      visibility(`${options.name}-rate-limit`),
    ],
  );
  return [
    block(
      "resource",
      ["aws_wafv2_web_acl", options.label],
      [
        ...(options.provider ? [attr("provider", ref(options.provider)), blank] : []),
        attr("name", options.name),
        attr("description", options.description),
        attr("scope", options.scope),
        blank,
        block("default_action", [], [block("allow", [], [])]),
        blank,
        ...managed.flatMap((rule) => [rule, blank]),
        rateLimit,
        blank,
        visibility(options.name),
      ],
    ),
  ];
}
