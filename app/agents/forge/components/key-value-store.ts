/**
 * key-value-store → the DynamoDB table module: on-demand capacity, point-in-time recovery, encrypted with the stack
 * key, deletion protection unless the PlanSpec turns it off.
 */
import type { KeyValueStoreComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, comment, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** DynamoDB table names may be 255 characters; the stack keeps them as short as its other names. */
const TABLE_NAME_LENGTH = 64;

/**
 * A DynamoDB global table: a replica in each of replicaRegions, encrypted with that region's key, with point-in-time
 * recovery and the table's tags; global tables replicate through the table's stream of new and old images.
 */
function globalTable(table: KeyValueStoreComponent, ctx: StackContext): Body {
  const regions = table.params.replicaRegions ?? [];
  if (regions.length === 0) return [];
  return [
    blank,
    comment("A global table: every replica takes reads and writes; the last writer wins a conflict."),
    ...attrs({
      stream_enabled: true,
      stream_view_type: "NEW_AND_OLD_IMAGES",
      replica_regions: regions.map((region) => ({
        region_name: region,
        kms_key_arn: ctx.inRegion(region).keyArn,
        point_in_time_recovery: table.params.pointInTimeRecovery !== false,
        propagate_tags: true,
      })),
    }),
  ];
}

export function renderKeyValueStore(table: KeyValueStoreComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(table);
  const p = table.params;
  const keys = [p.partitionKey, ...(p.sortKey ? [p.sortKey] : [])];
  const inputs = [
    ...attrs({
      name: ctx.awsName(table, TABLE_NAME_LENGTH),
      billing_mode: "PAY_PER_REQUEST",
      hash_key: p.partitionKey.name,
      range_key: p.sortKey?.name,
      attributes: keys.map((k) => ({ name: k.name, type: k.type })),
    }),
    blank,
    ...attrs({
      point_in_time_recovery_enabled: p.pointInTimeRecovery !== false,
      deletion_protection_enabled: p.deletionProtection !== false,
      ttl_enabled: p.ttlAttribute !== undefined ? true : undefined,
      ttl_attribute_name: p.ttlAttribute,
    }),
    blank,
    ...attrs({
      server_side_encryption_enabled: true,
      server_side_encryption_kms_key_arn: ctx.keyArn,
    }),
    ...globalTable(table, ctx),
  ];
  return {
    body: moduleCall(label, MODULES.dynamodbTable, inputs),
    outputs: [
      {
        name: `${label}_table_name`,
        description: `The name of the ${table.id} DynamoDB table.`,
        value: ref(`module.${label}.dynamodb_table_id`),
      },
    ],
  };
}
