/**
 * Aurora Global Database: the global cluster, made in the primary region beside the primary cluster, and the
 * secondary cluster that joins it in the secondary region (read-only until a failover). RDS cannot manage the master
 * password in Secrets Manager for a global database, so the stack writes it: a random password that never reaches
 * the state (an ephemeral resource and write-only arguments), kept in a secret replicated to the secondary region.
 */
import type { DatabaseComponent } from "../../../contracts/generated/plan-spec.js";
import { DATABASE_ENGINES, DATABASE_MASTER_USERNAME } from "../catalog/engines.js";
import { attr, attrs, blank, block, call, comment, ref, type Body, type Value } from "../hcl/ast.js";
import { fitName, type StackContext } from "../stack/context.js";
import { componentRegion } from "../stack/regions.js";
import { databaseName } from "./data-store-refs.js";
import { globalPair, masterLabel } from "./database-global-refs.js";

/** The version of the written master password: raise it to set a new one. */
const PASSWORD_VERSION = 1;

/** The module inputs that make a cluster part of the global database, replacing the RDS-managed password. */
export function globalInputs(db: DatabaseComponent, ctx: StackContext): Record<string, Value | undefined> {
  const pair = globalPair(db, ctx)!;
  const global = ref(`aws_rds_global_cluster.${ctx.label(pair.primary)}_global.id`);
  if (db === pair.primary) {
    return {
      global_cluster_identifier: global,
      is_primary_cluster: true,
      manage_master_user_password: false,
      master_password_wo: ref(
        `ephemeral.aws_secretsmanager_random_password.${masterLabel(db, ctx)}.random_password`,
      ),
      master_password_wo_version: PASSWORD_VERSION,
    };
  }
  return {
    global_cluster_identifier: global,
    is_primary_cluster: false,
    source_region: componentRegion(ctx.spec, pair.primary),
    manage_master_user_password: false,
  };
}

/** The global cluster and the master password's secret, written in the primary's file. */
export function globalClusterBlocks(db: DatabaseComponent, ctx: StackContext): Body {
  const pair = globalPair(db, ctx);
  if (!pair || db !== pair.primary) return [];
  const label = ctx.label(db);
  const master = masterLabel(db, ctx);
  const engine = DATABASE_ENGINES.aurora[db.params.engine];
  const secondary = ctx.inRegion(componentRegion(ctx.spec, pair.secondary));
  const password = ref(`ephemeral.aws_secretsmanager_random_password.${master}.random_password`);
  return [
    comment(`The global database: written in ${ctx.region}, replicated to ${secondary.region}.`),
    block(
      "resource",
      ["aws_rds_global_cluster", `${label}_global`],
      [
        ...attrs({
          global_cluster_identifier: fitName(`${ctx.spec.name}-${db.id}-global`, 63),
          engine: engine.engine,
          engine_version: db.params.engineVersion ?? engine.defaultVersion,
          engine_lifecycle_support: "open-source-rds-extended-support-disabled",
          database_name: databaseName(db, ctx),
          storage_encrypted: true,
          deletion_protection: db.params.deletionProtection ?? true,
        }),
      ],
    ),
    blank,
    comment(
      "RDS does not manage the password of a global database: a random one, never written to the state.",
    ),
    block(
      "ephemeral",
      ["aws_secretsmanager_random_password", master],
      [...attrs({ password_length: 32, exclude_punctuation: true })],
    ),
    blank,
    block(
      "resource",
      ["aws_secretsmanager_secret", master],
      [
        ...attrs({
          name_prefix: fitName(`${ctx.spec.name}-${db.id}-master-`, 200),
          description: `${db.id}'s master user credentials, replicated to ${secondary.region} for ${pair.secondary.id}`,
          kms_key_id: ctx.keyArn,
          recovery_window_in_days: 30,
        }),
        blank,
        block("replica", [], [...attrs({ region: secondary.region, kms_key_id: secondary.keyArn })]),
      ],
    ),
    blank,
    block(
      "resource",
      ["aws_secretsmanager_secret_version", master],
      [
        ...attrs({
          secret_id: ref(`aws_secretsmanager_secret.${master}.id`),
          secret_string_wo: call("jsonencode", { username: DATABASE_MASTER_USERNAME, password }),
          secret_string_wo_version: PASSWORD_VERSION,
        }),
      ],
    ),
    blank,
  ];
}

/** The secondary cluster joins after the primary exists. */
export function globalDependsOn(db: DatabaseComponent, ctx: StackContext): Body {
  const pair = globalPair(db, ctx);
  if (!pair || db === pair.primary) return [];
  return [blank, attr("depends_on", [ref(`module.${ctx.label(pair.primary)}`)])];
}
