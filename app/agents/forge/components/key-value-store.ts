/**
 * key-value-store → the DynamoDB table module: on-demand capacity, point-in-time recovery, encrypted with the stack
 * key, deletion protection unless the PlanSpec turns it off.
 */
import type { KeyValueStoreComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, ref } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** DynamoDB table names may be 255 characters; the stack keeps them as short as its other names. */
const TABLE_NAME_LENGTH = 64;

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
