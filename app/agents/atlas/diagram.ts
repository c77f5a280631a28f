import { clusterDiagram } from "./cluster-plan.js";
import { functionDiagram } from "./serverless-plan.js";
import type { Design } from "./design.js";
import { jobDiagram } from "./job-diagram.js";
import { streamDiagram } from "./stream-diagram.js";

/** Mermaid node ids: letters, digits and underscores. */
function node(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, "_");
}

/** The name's DNS answer beside the callers and the front door it points them at, when the goal has a domain. */
function domainLines(d: Design, callers: string, front: string): string[] {
  const name = d.ctx.goal.workload.domain;
  if (!name) return [];
  return [
    `  domain["domain: ${name}, Route 53 alias + ACM certificate"]`,
    `  ${callers} -.->|DNS| domain`,
    `  domain -.->|alias| ${front}`,
  ];
}

function staticSite(d: Design): string[] {
  const lines = [
    "flowchart LR",
    '  users(["Visitors"])',
    `  cdn["cdn: CloudFront${d.waf ? " + WAF" : ""}, HTTPS at the edge"]`,
    `  subgraph region["AWS ${d.ctx.region}"]`,
    '    site[("site: S3 bucket, private")]',
    ...d.buckets.map((b) => `    ${node(`bucket-${b}`)}[("bucket-${b}: S3")]`),
    "  end",
    "  users -->|HTTPS| cdn",
    "  cdn -->|origin access control| site",
    ...domainLines(d, "users", "cdn"),
  ];
  return lines;
}

interface AzNodes {
  readonly lines: string[];
  readonly flows: string[];
}

function zone(d: Design, az: number): AzNodes {
  const s = d.service!;
  const lines: string[] = [`    subgraph az${az}["AZ ${az}"]`];
  const flows: string[] = [];
  const natHere = d.natGateways >= az;
  if (natHere) lines.push(`      nat${az}["NAT gateway ${az}"]`);
  const tasksHere = s.minTasksPerAz > 0 || az === 1;
  const svc = `${node(s.id)}_az${az}`;
  if (tasksHere) {
    const count = s.minTasksPerAz > 0 ? `≥ ${s.minTasksPerAz}` : "1";
    const runsOn = s.gpu ? `GPU tasks on ${s.gpu.instanceType}` : "Fargate tasks";
    lines.push(`      ${svc}["${s.id}: ${runsOn} (${count})"]`);
    const nat = d.natGateways > 1 ? az : 1;
    flows.push(`  ${svc} -->|egress| nat${nat}`);
    if (d.ctx.pattern === "web-api") flows.push(`  lb --> ${svc}`);
    else flows.push(`  queue -->|poll| ${svc}`);
    if (d.database) flows.push(`  ${svc} -->|SQL| database_az1`);
    if (d.cache) flows.push(`  ${svc} -->|Redis| cache_az1`);
    for (const b of d.buckets) flows.push(`  ${svc} --> ${node(`bucket-${b}`)}`);
    flows.push(`  ${svc} -.->|logs| logs`);
  }
  const db = d.database;
  if (db && az === 1)
    lines.push(
      `      database_az1[("database: ${db.flavor === "aurora" ? "Aurora writer" : "primary"} ${db.choice.spec.name}")]`,
    );
  if (db && az === 2 && db.multiAz)
    lines.push(`      database_az2[("database: ${db.flavor === "aurora" ? "Aurora reader" : "standby"}")]`);
  const c = d.cache;
  if (c && az === 1) lines.push(`      cache_az1[("cache: Redis primary ${c.choice.spec.name}")]`);
  if (c && az === 2 && c.multiAz) lines.push(`      cache_az2[("cache: Redis replica")]`);
  lines.push("    end");
  return { lines, flows };
}

function compute(d: Design): string[] {
  const zones = Array.from({ length: d.azCount }, (_, i) => zone(d, i + 1));
  const allowed = d.ctx.goal.workload.allowedCidrs ?? [];
  const callers = d.internal
    ? `Corporate network: ${allowed.length ? allowed.join(", ") : "VPN, peered VPCs"}`
    : allowed.length
      ? `Users from ${allowed.join(", ")}`
      : "Users";
  const entry =
    d.ctx.pattern === "web-api"
      ? [`  users(["${callers}"])`, `  users -->|HTTPS${d.internal ? ", private" : ""}| lb`]
      : ['  producers(["Producers"])', "  producers -->|SendMessage| queue"];
  const edge =
    d.ctx.pattern === "web-api"
      ? `    lb["load-balancer: ${d.internal ? "internal ALB, private subnets" : "ALB"}${d.waf ? " + WAF" : ""}"]`
      : '    queue["queue: SQS + dead-letter queue"]';
  const lines = [
    "flowchart TB",
    entry[0]!,
    '  internet(["Internet: image registry, outside APIs"])',
    `  subgraph region["AWS ${d.ctx.region}"]`,
    edge,
    `    subgraph vpc["network: VPC over ${d.azCount} AZs"]`,
    ...zones.flatMap((z) => z.lines.map((l) => `  ${l}`)),
    "    end",
    `    logs["logs: CloudWatch Logs, ${d.logRetentionDays} days"]`,
    ...d.buckets.map((b) => `    ${node(`bucket-${b}`)}[("bucket-${b}: S3")]`),
    "  end",
    entry[1]!,
    ...(d.ctx.pattern === "web-api" ? domainLines(d, "users", "lb") : []),
    ...zones.flatMap((z) => z.flows),
  ];
  for (let az = 1; az <= d.natGateways; az++) lines.push(`  nat${az} --> internet`);
  if (d.database?.multiAz)
    lines.push(
      `  database_az1 -.->|${d.database.flavor === "aurora" ? "replication" : "sync replication"}| database_az2`,
    );
  if (d.cache?.multiAz) lines.push("  cache_az1 -.->|replication| cache_az2");
  return lines;
}

/** A Mermaid flowchart of the components, their AZ placement and the data flows. */
export function diagram(d: Design): string {
  if (d.job) return `${jobDiagram(d, d.job).join("\n")}\n`;
  if (d.stream) return `${streamDiagram(d, d.stream).join("\n")}\n`;
  const lines = d.fn
    ? functionDiagram(d)
    : d.cluster
      ? clusterDiagram(d, d.cluster)
      : d.ctx.pattern === "static-site"
        ? staticSite(d)
        : compute(d);
  return `${lines.join("\n")}\n`;
}
