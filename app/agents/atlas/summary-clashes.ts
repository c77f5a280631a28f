import type { GoalStatement } from "../../contracts/generated/index.js";
import { PATTERNS } from "./catalog/patterns.js";
import type { DesignContext, Pattern } from "./context.js";
import type { Clash } from "./policy-check.js";
import { summaryAsks, type AskKind, type SummaryAsk } from "./summary-asks.js";

type Regime = NonNullable<GoalStatement["compliance"]>[number];

/** The regimes `compliance` takes: Atlas designs for those the goal lists there. */
const REGIMES: readonly Regime[] = ["pci", "hipaa", "gdpr", "soc2", "iso27001"];

const REGIME_NAMES: Readonly<Record<string, string>> = {
  pci: "PCI DSS",
  hipaa: "HIPAA",
  gdpr: "GDPR",
  soc2: "SOC 2",
  iso27001: "ISO 27001",
  fedramp: "FedRAMP",
  sox: "SOX",
  hitrust: "HITRUST",
  fisma: "FISMA",
  cjis: "CJIS",
  itar: "ITAR",
};

const DESIGNS: Readonly<Record<Pattern, string>> = {
  "web-api": "an ECS service on Fargate behind a load balancer",
  worker: "an ECS queue worker on Fargate",
  "static-site": "an S3 site behind CloudFront",
  "serverless-api": "an HTTP API in front of a Lambda function",
  "scheduled-job": "a Fargate task EventBridge Scheduler starts on a schedule",
  "stream-processor": "a stream and a Fargate consumer",
  kubernetes: "an EKS cluster with managed node groups",
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

/** A shape the catalog lacks: what Atlas would design instead, and the field that would express the ask. */
interface Missing {
  readonly what: string;
  readonly field: string;
  readonly shape: string;
  readonly detail?: string;
}

/** Asks a workload type meets: the type, and what the ask is in words. */
const BY_TYPE: Readonly<Partial<Record<AskKind, { readonly type: Pattern; readonly what: string }>>> = {
  kubernetes: { type: "kubernetes", what: "a Kubernetes (EKS) cluster" },
  serverless: { type: "serverless-api", what: "serverless functions" },
  schedule: { type: "scheduled-job", what: "a job that runs on a schedule" },
  stream: { type: "stream-processor", what: "a stream (Kafka or Kinesis)" },
};

function missing(ctx: DesignContext, m: Missing): Stance {
  return {
    what: m.what,
    field: m.field,
    gap: `Atlas would design ${DESIGNS[ctx.pattern]} without it. The catalog has no ${m.shape} yet${m.detail ? ` (${m.detail})` : ""}; ${m.field} would express it`,
  };
}

/** An ask a workload type meets: met by that type, else the type is the fix. */
function byType(ctx: DesignContext, type: Pattern, what: string): Stance | undefined {
  if (ctx.pattern === type) return undefined;
  return {
    what,
    field: "workload.type",
    gap: `Atlas would design ${DESIGNS[ctx.pattern]}; workload.type ${type} designs ${DESIGNS[type]}`,
    fix: { message: `set workload.type to ${type}`, value: type },
  };
}

/** GPUs are workload.gpu, on a web API or a worker: their tasks then run on EC2 GPU instances. */
function gpu(ctx: DesignContext): Stance | undefined {
  if (ctx.goal.workload.gpu !== undefined) return undefined;
  return {
    what: "GPUs",
    field: "workload.gpu",
    gap: `Atlas would design ${DESIGNS[ctx.pattern]} with no GPU; workload.gpu (the GPU type and the count per task, on a web-api or worker) runs the tasks on EC2 GPU instances`,
  };
}

/** Several regions are the goal's regions: a web-api with a domain is designed in both, other types say what the pair would give. */
function regions(ctx: DesignContext): Stance | undefined {
  if (ctx.goal.regions !== undefined) return undefined;
  return {
    what: "more than one region",
    field: "regions",
    gap: "the design is in one region; regions [primary, secondary] asks for two: a web-api with workload.domain is designed in both behind Route 53 failover, and for other types Atlas says what the pair would reach and cost",
  };
}

function exposedInternally(workload: GoalStatement["workload"]): boolean {
  return workload.exposure === "internal";
}

function privateNetwork(ctx: DesignContext): Stance | undefined {
  const what = "a service reachable only from a private network";
  if (ctx.pattern === "worker" || ctx.pattern === "stream-processor") return undefined;
  if (exposedInternally(ctx.goal.workload)) return undefined;
  if (ctx.pattern === "static-site") {
    return missing(ctx, {
      what,
      field: "workload.exposure",
      shape: "private static site",
      detail: "CloudFront serves the internet",
    });
  }
  if (ctx.pattern === "serverless-api") {
    return missing(ctx, {
      what,
      field: "workload.exposure",
      shape: "private serverless API",
      detail: "the HTTP API's endpoint is public; a private REST API behind a VPC endpoint would be",
    });
  }
  return {
    what,
    field: "workload.exposure",
    gap: "a web-api's load balancer is internet-facing unless workload.exposure is internal, which puts it in private subnets, reachable from the VPC and workload.allowedCidrs",
    fix: { message: "set workload.exposure to internal", value: "internal" },
  };
}

function compliance(ctx: DesignContext, regime: string): Stance | undefined {
  const known = REGIMES.find((r) => r === regime);
  if (known && ctx.compliance.includes(known)) return undefined;
  const name = REGIME_NAMES[regime] ?? regime;
  if (!known) {
    return {
      what: `${name} compliance`,
      field: "compliance",
      gap: `compliance takes ${REGIMES.join(", ")}; the catalog has no ${name} controls yet`,
    };
  }
  return {
    what: `${name} compliance`,
    field: "compliance",
    gap: `the goal's compliance, where Atlas reads the regimes it designs for, does not list ${known}`,
    fix: { message: `add ${known} to compliance`, value: known },
  };
}

/**
 * A name in the summary: met by workload.domain when the pattern takes one and the summary names no other host.
 * Without workload.domain the design answers on its AWS host name.
 */
function domain(ctx: DesignContext, ask: SummaryAsk): Stance | undefined {
  if (!PATTERNS[ctx.pattern]?.domain) {
    return missing(ctx, {
      what: "a domain name",
      field: "workload.domain",
      shape: `domain for a ${ctx.pattern}`,
      detail: "workload.domain names a web-api's, a serverless-api's or a static site's",
    });
  }
  const host = ask.phrase.includes(".") ? ask.phrase.replace(/^https?:\/\//i, "").toLowerCase() : undefined;
  const name = ctx.goal.workload.domain;
  if (name !== undefined && (host === undefined || host === name)) return undefined;
  const internal =
    ctx.pattern === "web-api" &&
    (exposedInternally(ctx.goal.workload) ||
      summaryAsks(ctx.goal.summary).some((a) => a.kind === "private-network"));
  if (internal) {
    return {
      what: host ? `the name ${host}` : "a domain name",
      field: "workload.domain",
      gap: "an internal API's name belongs in a private hosted zone associated with the VPC, which Atlas does not design yet (workload.domain takes names in the policy's public zones)",
    };
  }
  return {
    what: host ? `the name ${host}` : "a domain name",
    field: "workload.domain",
    gap: name
      ? `workload.domain is ${name}, the one name the design serves`
      : "the design answers on its AWS host name unless workload.domain names one (in a hosted zone of policy.dns.hostedZones)",
    ...(host ? { fix: { message: `set workload.domain to ${host}`, value: host } } : {}),
  };
}

/** Engines a stream ask names, and the data.stream.engine that meets it (Flink: none). */
const STREAM_ENGINES: readonly [RegExp, "kinesis" | "kafka" | undefined][] = [
  [/kafka|msk/i, "kafka"],
  [/kinesis|firehose/i, "kinesis"],
  [/flink/i, undefined],
];

/** On a stream-processor, a stream ask is met unless it names another engine than data.stream.engine. */
function streamEngine(ctx: DesignContext, ask: SummaryAsk): Stance | undefined {
  const engine = ctx.goal.data?.stream?.engine;
  const named = STREAM_ENGINES.find(([re]) => re.test(ask.phrase));
  if (!named || named[1] === engine) return undefined;
  const design = engine === "kafka" ? "an MSK Serverless (Kafka) cluster" : "a Kinesis data stream";
  if (named[1] === undefined) {
    return {
      what: "Apache Flink",
      field: "data.stream.engine",
      gap: `Atlas designs ${design} read by a Fargate consumer; it has no Managed Service for Apache Flink design`,
    };
  }
  return {
    what: named[1] === "kafka" ? "Kafka" : "Kinesis",
    field: "data.stream.engine",
    gap: `data.stream.engine is ${engine ?? "not set"}, so Atlas would design ${design}`,
    fix: { message: `set data.stream.engine to ${named[1]}`, value: named[1] },
  };
}

/** The asks a pattern's own design meets: a scheduled job runs on a schedule, with Step Functions. */
function metByPattern(ctx: DesignContext, ask: SummaryAsk): boolean {
  if (ctx.pattern !== "scheduled-job") return false;
  return (
    ask.kind === "schedule" ||
    ask.kind === "private-network" ||
    (ask.kind === "serverless" && /step functions/i.test(ask.phrase))
  );
}

function stance(ctx: DesignContext, ask: SummaryAsk): Stance | undefined {
  if (metByPattern(ctx, ask)) return undefined;
  if (ask.kind === "stream" && ctx.pattern === "stream-processor") return streamEngine(ctx, ask);
  const typed = BY_TYPE[ask.kind];
  if (typed) return byType(ctx, typed.type, typed.what);
  if (ask.kind === "private-network") return privateNetwork(ctx);
  if (ask.kind === "domain") return domain(ctx, ask);
  if (ask.kind === "multi-region") return regions(ctx);
  if (ask.kind === "gpu") return gpu(ctx);
  return compliance(ctx, ask.regime ?? "");
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
    const s = stance(ctx, asks[0]!);
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
              message: `take ${phrases} out of the summary if ${DESIGNS[ctx.pattern]} will do`,
              field: "summary",
            },
      ],
    });
  }
  return clashes;
}
