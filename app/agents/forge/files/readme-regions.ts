/**
 * The README section of a two-region stack: which region each part runs in, how Route 53 moves traffic between
 * them, and what happens to the data (the Aurora global database's failover, the DynamoDB global table).
 */
import type { Component } from "../../../contracts/generated/plan-spec.js";
import { globalPair } from "../components/database-global-refs.js";
import { API_ERROR_ALARM } from "../components/api-health-alarm.js";
import { HEALTH_CHECK } from "../components/domain-regions.js";
import type { StackContext } from "../stack/context.js";
import { componentRegion, stackRegions } from "../stack/regions.js";
import { escapeMarkdown as md, table } from "./markdown.js";

const code = (text: string): string => `\`${text.replace(/`/g, "")}\``;

function traffic(ctx: StackContext): string[] {
  const domain = ctx.ofKind("domain").find((d) => d.params.targets.length > 1);
  if (!domain)
    return ["No domain spans both regions: the secondary takes traffic only once its own name points at it."];
  const [primary, secondary] = domain.params.targets.map(code);
  const apis = domain.params.targets.some(
    (id) => ctx.spec.components.find((c) => c.id === id)?.kind === "http-api",
  );
  const check = apis
    ? `a CloudWatch alarm per region on the share of 5xx answers, unhealthy at ${API_ERROR_ALARM.percent} % or more for ${API_ERROR_ALARM.minutes} minutes`
    : `HTTPS GET ${md(domain.params.healthCheckPath ?? "/")} every ${HEALTH_CHECK.request_interval} s, unhealthy after ${HEALTH_CHECK.failure_threshold} failures in a row`;
  return ctx.spec.multiRegion?.mode === "active-active"
    ? [
        `Route 53 answers ${md(domain.params.name)} with the region of lower latency for each client (latency records), among the regions whose health check passes (${check}): ${primary} and ${secondary} both serve.`,
      ]
    : [
        `Route 53 answers ${md(domain.params.name)} with ${primary} while its health check passes (${check}), and with ${secondary} when it fails (failover records, PRIMARY and SECONDARY): traffic moves in about ${apis ? `${API_ERROR_ALARM.minutes} minutes` : `${HEALTH_CHECK.request_interval * HEALTH_CHECK.failure_threshold} s`} plus the time resolvers keep the old answer.`,
      ];
}

function data(ctx: StackContext): string[] {
  const lines: string[] = [];
  for (const db of ctx.ofKind("database")) {
    const pair = globalPair(db, ctx);
    if (!pair || pair.primary !== db) continue;
    const [from, to] = [pair.primary, pair.secondary].map((c) => componentRegion(ctx.spec, c));
    lines.push(
      `${code(db.id)} is the writer of an Aurora Global Database; ${code(pair.secondary.id)} in ${to} replicates it (typically under a second behind) and is read-only. ` +
        `Route 53 does not promote it: when ${from} is lost, run a managed failover (\`aws rds failover-global-cluster --allow-data-loss\`) to make ${code(pair.secondary.id)} the writer; for a planned move, a switchover loses nothing.` +
        (ctx.spec.multiRegion?.mode === "active-active"
          ? ` Until then the services in ${to} read locally and cannot write.`
          : ""),
    );
  }
  for (const table of ctx.ofKind("key-value-store")) {
    const replicas = table.params.replicaRegions ?? [];
    if (replicas.length)
      lines.push(
        `${code(table.id)} is a DynamoDB global table with a replica in ${replicas.join(", ")}: both regions read and write it, and a conflicting write is settled by the last writer.`,
      );
  }
  return lines;
}

export function regionsSection(ctx: StackContext): string | undefined {
  if (!ctx.spec.regions) return undefined;
  const [primary] = stackRegions(ctx.spec);
  const where = (c: Component): string =>
    c.kind === "domain" || c.kind === "cdn" ? "global" : componentRegion(ctx.spec, c);
  return [
    "## Regions",
    "",
    table(
      ["Region", "Role", "Components"],
      [
        ...stackRegions(ctx.spec).map((region) => [
          region,
          region === primary ? "primary" : "secondary (provider `aws.secondary`)",
          ctx.spec.components
            .filter((c) => where(c) === region)
            .map((c) => code(c.id))
            .join(", "),
        ]),
        [
          "global",
          "Route 53",
          ctx.spec.components
            .filter((c) => where(c) === "global")
            .map((c) => code(c.id))
            .join(", "),
        ],
      ],
    ),
    "",
    ...[...traffic(ctx), ...data(ctx)].map((l) => `- ${l}`),
  ].join("\n");
}
