/**
 * The stack's README.md, built from small sections: what it is and where it came from, its diagram, components,
 * cost, inputs, outputs and the scanner exceptions it takes. Every PlanSpec string is escaped on the way in.
 */
import { SCANNER_EXCEPTIONS, type ScannerException } from "../catalog/scanner-exceptions.js";
import { globalPair } from "../components/database-global-refs.js";
import { isGpuService } from "../components/gpu-capacity.js";
import { regionsSection } from "./readme-regions.js";
import type { StackContext } from "../stack/context.js";
import type { OutputSpec, VariableSpec } from "../stack/rendered.js";
import { formatPercent, formatUsd } from "../../../format/money.js";
import { costLineLabel } from "../../../format/cost-line-label.js";
import { freeTierWords } from "../../../format/free-tier.js";
import { escapeMarkdown as md, fence, table } from "./markdown.js";

const code = (text: string): string => `\`${text.replace(/`/g, "")}\``;

function header(ctx: StackContext): string {
  const { spec } = ctx;
  const issue = spec.goalRef.issue
    ? `, filed as ${md(spec.goalRef.issue.repo)}#${spec.goalRef.issue.number}`
    : "";
  return [
    `# ${spec.name}`,
    "",
    md(spec.summary),
    "",
    `Infracrew Forge rendered this Terraform from the PlanSpec ${code(spec.id)} for the goal ${code(spec.goalRef.name)} ` +
      `(${code(spec.goalRef.hash)}${issue}). Pattern **${spec.pattern}**, **${spec.environment}** in **${spec.region}**. ` +
      "Do not edit it by hand: change the goal and let Infracrew render it again.",
  ].join("\n");
}

function components(ctx: StackContext): string {
  return [
    "## Components",
    "",
    table(
      ["Component", "Kind", "File", "Why"],
      ctx.spec.components.map((c) => [code(c.id), c.kind, code(`${c.id}.tf`), md(c.rationale)]),
    ),
    "",
    ctx.spec.regions
      ? "`main.tf` holds what each region shares: its KMS key, which encrypts its data stores and log groups" +
        (ctx.ofKind("container-service").length ? ", and its ECS cluster." : ".")
      : "`main.tf` holds what they share: the KMS key that encrypts every data store and log group" +
        (ctx.ofKind("container-service").length ? ", and the ECS cluster." : "."),
  ].join("\n");
}

function cost(ctx: StackContext): string {
  const { cost } = ctx.spec;
  const brake = cost.brakeRatio ?? ctx.policy.policy.budgetBrakeRatio;
  return [
    "## Cost",
    "",
    table(
      ["Component", "USD per month", "Basis"],
      [
        ...cost.lines.map((l) => [md(costLineLabel(l)), formatUsd(l.monthlyUsd), md(l.basis)]),
        [
          "**Total**",
          `**${formatUsd(cost.monthlyUsd)}**`,
          `${formatPercent(cost.ratio)} of the ${formatUsd(cost.budgetMonthlyUsd)} budget; the brake is at ${formatPercent(brake)}`,
        ],
        ...(cost.monthlyUsdWithoutFreeTier === undefined
          ? []
          : [
              [
                "Total without the free tier",
                formatUsd(cost.monthlyUsdWithoutFreeTier),
                `if other stacks in the account already use ${freeTierWords(cost)}`,
              ],
            ]),
      ],
    ),
    "",
    `Prices: ${md(cost.priceSource)}, ${md(cost.priceDate)}${cost.confidence ? `, confidence ${cost.confidence}` : ""}.`,
  ].join("\n");
}

function inputs(variables: readonly VariableSpec[]): string {
  if (variables.length === 0) return "## Inputs\n\nNone.";
  return [
    "## Inputs",
    "",
    table(
      ["Variable", "Description"],
      variables.map((v) => [code(v.name), md(v.description)]),
    ),
  ].join("\n");
}

function outputs(list: readonly OutputSpec[]): string {
  return [
    "## Outputs",
    "",
    table(
      ["Output", "Description"],
      list.map((o) => [code(o.name), md(o.description)]),
    ),
  ].join("\n");
}

/** The deliberate scanner exceptions this stack's code carries. */
export function stackExceptions(ctx: StackContext): ScannerException[] {
  const out: ScannerException[] = [];
  if (ctx.ofKind("load-balancer").some((lb) => lb.params.scheme === "internet-facing")) {
    out.push(SCANNER_EXCEPTIONS.publicLoadBalancer, SCANNER_EXCEPTIONS.httpRedirect);
  }
  if (ctx.ofKind("container-service").length > 0 || ctx.ofKind("scheduled-task").length > 0)
    out.push(SCANNER_EXCEPTIONS.taskHttpsEgress);
  if (ctx.ofKind("stream").some((st) => st.params.delivery))
    out.push(SCANNER_EXCEPTIONS.firehoseSourceEncrypted, SCANNER_EXCEPTIONS.firehoseSourceKey);
  const functions = ctx.ofKind("function");
  if (functions.length > 0)
    out.push(SCANNER_EXCEPTIONS.functionOutsideVpc, SCANNER_EXCEPTIONS.functionCodeSigning);
  if (functions.some((fn) => ctx.linked(fn, "http-api").length > 0))
    out.push(SCANNER_EXCEPTIONS.functionSynchronous);
  if (ctx.ofKind("http-api").some((api) => api.params.auth === "none"))
    out.push(SCANNER_EXCEPTIONS.publicHttpApi);
  return out;
}

/** What the stack's code does for security, one line per kind of thing it holds. */
function securityDefaults(ctx: StackContext): string[] {
  const lines = [
    ctx.spec.regions
      ? "Everything that stores data or logs is encrypted at rest with its region's KMS key, rotated yearly."
      : "Everything that stores data or logs is encrypted at rest with the stack's KMS key, rotated yearly.",
  ];
  const publicLb = ctx.ofKind("load-balancer").some((lb) => lb.params.scheme === "internet-facing");
  lines.push(
    publicLb
      ? "Only the load balancer takes traffic from the internet, on 80 (redirected) and 443 (TLS 1.2 or 1.3); tasks and data stores accept connections only from the security groups of what they serve."
      : ctx.ofKind("http-api").length
        ? "Only the HTTP API takes traffic from the internet, over HTTPS; functions and tables have no endpoint of their own and answer only to IAM."
        : ctx.ofKind("cdn").length
          ? "Only CloudFront takes traffic from the internet; the bucket has no public endpoint and answers only to the distribution."
          : "Nothing takes traffic from the internet; tasks and data stores accept connections only from the security groups of what they serve.",
  );
  if (ctx.ofKind("object-storage").length)
    lines.push("S3 buckets block every public access, disable ACLs and refuse requests without TLS 1.2.");
  if (ctx.ofKind("cdn").length)
    lines.push(
      "CloudFront serves HTTPS only, reads its bucket through origin access control, and sits behind a WAF.",
    );
  for (const db of ctx.ofKind("database")) {
    const protection = db.params.deletionProtection === false ? "off (the PlanSpec turns it off)" : "on";
    const password = globalPair(db, ctx)
      ? "password generated at apply and written only to a Secrets Manager secret replicated to the secondary region (never to the state)"
      : "password kept by RDS in Secrets Manager";
    lines.push(
      `${code(db.id)}: ${password}, TLS required, deletion protection ${protection}, a final snapshot on delete.`,
    );
  }
  if (ctx.ofKind("container-service").length)
    lines.push(
      "Containers run without public IPs, with a read-only root file system, and get only the IAM actions on what they are linked to.",
    );
  for (const service of ctx.ofKind("container-service").filter(isGpuService))
    lines.push(
      `${code(service.id)}: GPU instances in private subnets with IMDSv2 only (one hop), encrypted root volumes, no ingress and HTTPS egress only.`,
    );
  for (const task of ctx.ofKind("scheduled-task"))
    lines.push(
      `${code(task.id)}: runs on Fargate without a public IP, is stopped after ${task.params.timeoutMinutes} minutes, and raises an alarm when a run fails or cannot start.`,
    );
  for (const cluster of ctx.ofKind("kubernetes-cluster")) {
    const endpoint = cluster.params.publicAccessCidrs?.length
      ? `reachable from ${cluster.params.publicAccessCidrs.map(code).join(", ")} and the VPC`
      : "private to the VPC";
    lines.push(
      `${code(cluster.id)}: API endpoint ${endpoint}; secrets and control-plane logs encrypted; nodes in private subnets with IMDSv2 only; add-on roles bound to their service accounts (IRSA).`,
    );
  }
  for (const stream of ctx.ofKind("stream")) {
    lines.push(
      stream.params.engine === "kinesis"
        ? `${code(stream.id)}: Kinesis stream encrypted with the stack key${stream.params.delivery ? "; Firehose delivers it to the bucket compressed and encrypted with the key" : ""}.`
        : `${code(stream.id)}: MSK Serverless with IAM authentication and TLS only, reachable on 9098 from its linked services alone.`,
    );
  }
  if (ctx.ofKind("function").length)
    lines.push(
      "Functions trace with X-Ray, keep their environment encrypted with the stack key, run under a concurrency cap when the PlanSpec sets one, and get only the IAM actions on the tables they are linked to.",
    );
  for (const api of ctx.ofKind("http-api")) {
    const auth = {
      jwt: "a JWT authorizer",
      iam: "IAM (SigV4) authorization",
      none: "no authorization (the PlanSpec asks for a public API)",
    }[api.params.auth];
    lines.push(`${code(api.id)}: HTTP API with ${auth}, throttled, with access logs.`);
  }
  if (ctx.ofKind("key-value-store").length)
    lines.push(
      "DynamoDB tables have point-in-time recovery and deletion protection unless the PlanSpec turns them off.",
    );
  for (const domain of ctx.ofKind("domain"))
    lines.push(
      `${code(domain.id)}: ${md(domain.params.name)} serves TLS 1.2 with an ACM certificate ${domain.params.targets.length > 1 ? "in each region, " : ""}validated by DNS.`,
    );
  for (const network of ctx.ofKind("network")) {
    lines.push(
      network.params.flowLogs
        ? "VPC flow logs go to CloudWatch Logs."
        : "VPC flow logs are off: the PlanSpec turns them off.",
    );
  }
  lines.push("Every log group has a retention period.");
  return [...new Set(lines)].map((l) => `- ${l}`);
}

function security(ctx: StackContext): string {
  const exceptions = stackExceptions(ctx);
  const lines = ["## Security", "", ...securityDefaults(ctx)];
  if (exceptions.length === 0) return lines.join("\n");
  return [
    ...lines,
    "",
    "Deliberate scanner exceptions, each marked in the code with its reason:",
    "",
    table(
      ["Rule", "Why"],
      exceptions.map((e) => [
        [e.trivy, e.tfsec, e.checkov]
          .filter(Boolean)
          .map((id) => code(id!))
          .join(", "),
        e.reason,
      ]),
    ),
  ].join("\n");
}

export function renderReadme(
  ctx: StackContext,
  variables: readonly VariableSpec[],
  outputList: readonly OutputSpec[],
): string {
  const sorted = <T extends { name: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => (a.name < b.name ? -1 : 1));
  return `${[
    header(ctx),
    `## Architecture\n\n${fence("mermaid", ctx.spec.diagram.mermaid)}`,
    components(ctx),
    ...(regionsSection(ctx) === undefined ? [] : [regionsSection(ctx)!]),
    cost(ctx),
    inputs(sorted(variables)),
    outputs(sorted(outputList)),
    security(ctx),
  ].join("\n\n")}\n`;
}
