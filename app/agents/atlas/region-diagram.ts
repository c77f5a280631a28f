import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";

function label(c: Component): string {
  switch (c.kind) {
    case "network":
      return `VPC over ${c.params.azCount} AZs, ${c.params.natGateways} NAT gateway${c.params.natGateways === 1 ? "" : "s"}`;
    case "load-balancer":
      return `ALB${c.params.waf ? " + WAF" : ""}`;
    case "container-service":
      return `Fargate tasks (${c.params.minCount}–${c.params.maxCount})`;
    case "database":
      return `${c.params.flavor === "aurora" ? "Aurora" : "RDS"} ${c.params.engine}, ${c.params.instances} × ${c.params.instanceClass}${c.params.replicaOf ? ", read-only until failover" : ", writer"}`;
    case "cache":
      return `Redis ${c.params.nodes} × ${c.params.nodeType}`;
    case "log-group":
      return `CloudWatch Logs, ${c.params.retentionDays} days`;
    case "object-storage":
      return `S3 ${c.params.bucket}`;
    case "http-api":
      return "API Gateway HTTP API";
    case "function":
      return `Lambda, ${c.params.memoryMb} MB, ${c.params.reservedConcurrency ?? "no"} reserved`;
    case "key-value-store":
      return `DynamoDB${c.params.replicaRegions ? ` global table, replica in ${c.params.replicaRegions.join(", ")}` : ""}`;
    default:
      return c.kind;
  }
}

const DATA_KINDS: ReadonlySet<string> = new Set(["database", "cache", "object-storage", "key-value-store"]);
/** The components whose requests flow to their dependencies: the drawn edges start there. */
const CALLERS: ReadonlySet<string> = new Set(["container-service", "function", "http-api"]);

/** A global table serves both regions: drawn between them, not in either. */
function isShared(c: Component): boolean {
  return c.kind === "key-value-store" && c.params.replicaRegions !== undefined;
}
const node = (id: string) => id.replace(/-/g, "_");

function shape(c: Component): string {
  const text = `"${c.id}: ${label(c)}"`;
  return DATA_KINDS.has(c.kind) ? `[(${text})]` : `[${text}]`;
}

/** One region's subgraph and the flows inside it. */
function region(spec: PlanSpec, where: string, role: string): { nodes: string[]; edges: string[] } {
  const mine = spec.components.filter(
    (c) => c.kind !== "domain" && !isShared(c) && (c.region ?? spec.region) === where,
  );
  const reachable = [...mine, ...spec.components.filter(isShared)];
  const nodes = [
    `  subgraph ${node(where)}["AWS ${where} (${role})"]`,
    ...mine.map((c) => `    ${node(c.id)}${shape(c)}`),
    "  end",
  ];
  const edges = mine.flatMap((c) =>
    !CALLERS.has(c.kind)
      ? []
      : c.dependsOn.flatMap((dep) => {
          const target = reachable.find((m) => m.id === dep);
          if (!target) return [];
          if (target.kind === "load-balancer") return [`  ${node(dep)} --> ${node(c.id)}`];
          if (target.kind === "log-group") return [`  ${node(c.id)} -.->|logs| ${node(dep)}`];
          if (target.kind === "network") return [`  ${node(c.id)} -->|egress| ${node(dep)}`];
          return [`  ${node(c.id)} --> ${node(dep)}`];
        }),
  );
  return { nodes, edges };
}

/** The two-region design: Route 53 in front, each region a subgraph, the database replicating across. */
export function pairDiagram(spec: PlanSpec, mode: "active-passive" | "active-active"): string {
  const [p, s] = spec.regions!;
  const domain = spec.components.find((c) => c.kind === "domain");
  const targets = domain?.kind === "domain" ? domain.params.targets : [];
  const replicas = spec.components.filter((c) => c.kind === "database" && c.params.replicaOf);
  const first = region(spec, p!, mode === "active-passive" ? "primary, serving" : "active");
  const second = region(spec, s!, mode === "active-passive" ? "secondary, standby" : "active");
  return [
    "flowchart TB",
    '  users(["Users"])',
    `  domain{{"domain: ${domain?.kind === "domain" ? domain.params.name : ""}, Route 53 ${mode === "active-passive" ? "failover" : "latency"} records"}}`,
    ...first.nodes,
    ...second.nodes,
    ...spec.components.filter(isShared).map((c) => `  ${node(c.id)}${shape(c)}`),
    "  users -->|HTTPS| domain",
    ...(targets[0]
      ? [
          `  domain -->|${mode === "active-passive" ? "primary while healthy" : "nearer"}| ${node(targets[0])}`,
        ]
      : []),
    ...(targets[1]
      ? [`  domain -.->|${mode === "active-passive" ? "failover" : "nearer"}| ${node(targets[1])}`]
      : []),
    ...first.edges,
    ...second.edges,
    ...replicas.map((r) =>
      r.kind === "database"
        ? `  ${node(r.params.replicaOf!)} -.->|Aurora global replication| ${node(r.id)}`
        : "",
    ),
  ].join("\n");
}
