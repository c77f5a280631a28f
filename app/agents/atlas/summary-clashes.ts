import type { GoalStatement } from "../../contracts/generated/index.js";
import type { DesignContext, Pattern } from "./context.js";
import type { Clash } from "./policy-check.js";
import { summaryAsks, type AskKind, type SummaryAsk } from "./summary-asks.js";

type Regime = NonNullable<GoalStatement["compliance"]>[number];

/** The regimes `compliance` takes; the design applies their controls (WAF, log and backup retention). */
const REGIMES: readonly Regime[] = ["pci", "hipaa", "gdpr", "soc2", "iso27001"];

const DESIGNS: Readonly<Record<Pattern, string>> = {
  "web-api": "an ECS service on Fargate behind an internet-facing load balancer",
  worker: "an ECS queue worker on Fargate",
  "static-site": "an S3 site behind CloudFront",
};

/** How the catalog stands on one kind of ask. */
interface Stance {
  /** The ask, in words. */
  readonly what: string;
  /** The goal field that expresses it, or would once the catalog has the shape. */
  readonly field: string;
  /** Why the design would not give it, and what would. */
  readonly gap: string;
  /** The change that unblocks; without one, the summary must drop the ask. */
  readonly fix?: { readonly message: string; readonly value: string };
}

/** Not yet in the catalog: the design would be something else, and the field that would express it is named. */
function missing(ctx: DesignContext, what: string, field: string, shape: string): Stance {
  return {
    what,
    field,
    gap: `Atlas would design ${DESIGNS[ctx.pattern]} without it. The catalog has no ${shape} yet; \`${field}\` would express it when it has`,
  };
}

function privateNetwork(ctx: DesignContext): Stance | undefined {
  const what = "a service reachable only from a private network";
  if (ctx.pattern === "worker") return undefined;
  if (ctx.pattern === "static-site") {
    return missing(ctx, what, "workload.exposure", "private static site (CloudFront serves the internet)");
  }
  return {
    what,
    field: "workload.exposure",
    gap: "a web-api's load balancer is internet-facing unless `workload.exposure` is internal, which puts it in private subnets, reachable from the VPC and `workload.allowedCidrs`",
    fix: { message: "set workload.exposure to internal", value: "internal" },
  };
}

function compliance(ctx: DesignContext, regime: string): Stance | undefined {
  const known = REGIMES.find((r) => r === regime);
  if (known && ctx.compliance.includes(known)) return undefined;
  const what = `${regime.toUpperCase()} compliance`;
  if (!known) {
    return {
      what,
      field: "compliance",
      gap: `\`compliance\` takes ${REGIMES.join(", ")}; the catalog has no ${regime.toUpperCase()} controls yet`,
    };
  }
  return {
    what,
    field: "compliance",
    gap: `the goal's \`compliance\` does not list ${known}, so the design leaves out its controls`,
    fix: { message: `add ${known} to compliance`, value: known },
  };
}

function stance(ctx: DesignContext, kind: AskKind, regime: string | undefined): Stance | undefined {
  switch (kind) {
    case "private-network":
      return privateNetwork(ctx);
    case "compliance":
      return compliance(ctx, regime ?? "");
    case "kubernetes":
      return missing(ctx, "a Kubernetes (EKS) cluster", "workload.type", "Kubernetes cluster type");
    case "gpu":
      return missing(ctx, "GPUs", "workload.gpu", "GPU capacity (Fargate tasks have none)");
    case "serverless":
      return missing(ctx, "serverless functions (Lambda)", "workload.type", "function type (AWS Lambda)");
    case "schedule":
      return missing(
        ctx,
        "a job that runs on a schedule",
        "workload.schedule",
        "scheduled job (a cron expression run by EventBridge Scheduler); a worker takes its work from a queue as it comes",
      );
    case "stream":
      return missing(
        ctx,
        "a stream (Kafka or Kinesis)",
        "data.stream",
        "stream (a worker reads an SQS queue)",
      );
    case "multi-region":
      return missing(
        ctx,
        "more than one region",
        "region",
        "multi-region design (`region` names one region; a list with failover between them)",
      );
    case "domain":
      return missing(
        ctx,
        "a domain name",
        "workload.domain",
        "domain (a Route 53 record and an ACM certificate; the service answers on its AWS host name)",
      );
  }
}

function groups(asks: readonly SummaryAsk[]): Map<string, SummaryAsk[]> {
  const byKey = new Map<string, SummaryAsk[]>();
  for (const ask of asks) {
    const key = `${ask.kind}:${ask.regime ?? ""}`;
    byKey.set(key, [...(byKey.get(key) ?? []), ask]);
  }
  return byKey;
}

/**
 * The asks in the goal's summary that the design would not meet: one clash each, naming the field that expresses
 * the ask, or saying that the catalog has no such shape yet. Asks the goal's fields already express are no clash.
 */
export function summaryClashes(ctx: DesignContext): Clash[] {
  const clashes: Clash[] = [];
  for (const asks of groups(summaryAsks(ctx.goal.summary)).values()) {
    const first = asks[0]!;
    const s = stance(ctx, first.kind, first.regime);
    if (!s) continue;
    const phrases = [...new Set(asks.map((a) => `"${a.phrase}"`))].join(", ");
    clashes.push({
      reason: {
        code: "summary-ask-unmet",
        message: `the summary asks for ${s.what} (${phrases}), which the design would not give: ${s.gap}`,
        field: s.field,
      },
      suggestions: [
        s.fix
          ? { message: s.fix.message, field: s.field, value: s.fix.value }
          : {
              message: `take ${phrases} out of summary if ${DESIGNS[ctx.pattern]} will do`,
              field: "summary",
            },
      ],
    });
  }
  return clashes;
}
