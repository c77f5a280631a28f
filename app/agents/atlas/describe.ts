import { clusterWords } from "./cluster-plan.js";
import { functionWords } from "./serverless-plan.js";
import type { Design } from "./design.js";

const NAT_WORDS = {
  none: "no NAT",
  one: "one shared NAT gateway",
  "per-az": "one NAT gateway per AZ",
} as const;

function databaseWords(d: Design): string | undefined {
  const db = d.database;
  if (!db) return undefined;
  if (db.flavor === "aurora") return `Aurora writer + reader (${db.choice.spec.name})`;
  return `RDS ${db.multiAz ? "Multi-AZ" : "Single-AZ"} ${db.choice.spec.name}`;
}

function cacheWords(d: Design): string | undefined {
  const c = d.cache;
  return c ? `Redis ${c.nodes === 2 ? "primary + replica" : "single node"} ${c.choice.spec.name}` : undefined;
}

function serviceWords(d: Design): string | undefined {
  const s = d.service;
  if (!s) return undefined;
  const arch = s.arch === "ARM64" ? "Graviton" : "x86_64";
  const on = s.gpu ? ` on ${s.gpu.instanceType}` : "";
  return `${s.minCount}–${s.maxCount} tasks of ${s.plan.cpu} vCPU (${arch})${on} over ${d.azCount} AZs`;
}

function jobWords(d: Design): string | undefined {
  const j = d.job;
  if (!j) return undefined;
  const arch = j.arch === "ARM64" ? "Graviton" : "x86_64";
  return `a ${j.cpu} vCPU (${arch}) Fargate task ${j.schedule.expression}`;
}

function perAz(tasks: number): string {
  return `at least ${tasks} task${tasks === 1 ? "" : "s"} per AZ`;
}

/** A one-line summary of a design, for attempts and relaxations. */
function wafWords(d: Design): string {
  return d.waf ? "a WAF web ACL" : "no WAF web ACL";
}

export function describeDesign(d: Design): string {
  if (d.ctx.pattern === "static-site") return `S3 origin behind CloudFront, ${wafWords(d)}`;
  return [
    d.fn && functionWords(d.fn),
    serviceWords(d),
    jobWords(d),
    clusterWords(d),
    NAT_WORDS[d.topology.nat],
    databaseWords(d),
    cacheWords(d),
  ]
    .filter((w): w is string => w !== undefined)
    .join(", ");
}

/** What a relaxed retry changed, item by item ("one NAT gateway per AZ → one shared NAT gateway"). */
export function describeChanges(before: Design, after: Design): string[] {
  const pairs: [string | undefined, string | undefined][] = [
    [`${before.azCount} AZs`, `${after.azCount} AZs`],
    [NAT_WORDS[before.topology.nat], NAT_WORDS[after.topology.nat]],
    [
      before.service && perAz(before.service.minTasksPerAz),
      after.service && perAz(after.service.minTasksPerAz),
    ],
    [
      before.service?.arch === "ARM64" ? "Graviton tasks" : "x86_64 tasks",
      after.service?.arch === "ARM64" ? "Graviton tasks" : "x86_64 tasks",
    ],
    [databaseWords(before), databaseWords(after)],
    [cacheWords(before), cacheWords(after)],
    [wafWords(before), wafWords(after)],
  ];
  return pairs.filter(([a, b]) => a !== b && b !== undefined).map(([a, b]) => `${a ?? "none"} → ${b}`);
}
