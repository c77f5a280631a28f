/**
 * cache → the ElastiCache module: a Redis replication group in the cache subnets, encrypted at rest with the stack
 * key and in transit, reachable only from the services linked to it, with daily snapshots kept a week.
 */
import type { CacheComponent } from "../../../contracts/generated/plan-spec.js";
import { CACHE_ENGINES } from "../catalog/engines.js";
import { logRetention } from "../catalog/retention.js";
import { attr, attrs, blank, ref } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { cacheRefs } from "./data-store-refs.js";

export function renderCache(cache: CacheComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(cache);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const engine = CACHE_ENGINES[cache.params.engine];
  const failover = cache.params.multiAz && cache.params.nodes > 1;
  const clients = ctx.linked(cache, "container-service");
  const inputs = [
    ...attrs({
      replication_group_id: ctx.awsName(cache, 40),
      description: `${ctx.spec.name} ${cache.id}`,
    }),
    blank,
    ...attrs({
      engine: engine.engine,
      engine_version: cache.params.engineVersion ?? engine.defaultVersion,
      node_type: cache.params.nodeType,
      num_cache_clusters: cache.params.nodes,
      port: engine.port,
      automatic_failover_enabled: failover,
      multi_az_enabled: failover,
      auto_minor_version_upgrade: true,
    }),
    blank,
    ...attrs({
      at_rest_encryption_enabled: true,
      kms_key_arn: ctx.keyArn,
      transit_encryption_enabled: true,
      snapshot_retention_limit: 7,
    }),
    blank,
    ...attrs({
      vpc_id: ref(`module.${network}.vpc_id`),
      create_subnet_group: false,
      subnet_group_name: ref(`module.${network}.elasticache_subnet_group_name`),
      security_group_rules: Object.fromEntries(
        clients.map((s) => [
          `from_${ctx.label(s)}`,
          {
            type: "ingress",
            from_port: engine.port,
            to_port: engine.port,
            ip_protocol: "tcp",
            referenced_security_group_id: ref(`module.${ctx.label(s)}.security_group_id`),
            description: `From ${s.id}`,
          },
        ]),
      ),
    }),
    blank,
    attr("log_delivery_configuration", {
      "slow-log": {
        destination_type: "cloudwatch-logs",
        log_format: "json",
        cloudwatch_log_group_retention_in_days: logRetention(undefined),
        cloudwatch_log_group_kms_key_id: ctx.keyArn,
      },
    }),
  ];
  return {
    body: moduleCall(label, MODULES.elasticache, inputs),
    outputs: [
      {
        name: `${label}_endpoint`,
        description: `The primary endpoint of ${cache.id} (TLS on port ${engine.port}).`,
        value: cacheRefs(cache, ctx).host,
      },
    ],
  };
}
