/**
 * How other components reach a data store: its endpoint, port, security group and secret, by kind and flavour.
 * The container service reads these to wire itself to what it depends on.
 */
import type { CacheComponent, Component, DatabaseComponent } from "../../../contracts/generated/plan-spec.js";
import { defaultDatabaseName } from "../catalog/database-names.js";
import { CACHE_ENGINES, DATABASE_ENGINES } from "../catalog/engines.js";
import { ref, template, type Expr } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";
import { twinId } from "../stack/regions.js";
import { globalSecretArn } from "./database-global-refs.js";

export interface DataStoreRefs {
  readonly host: Expr;
  readonly port: number;
  /** The security group the store accepts connections into. */
  readonly securityGroup: Expr;
}

export function databaseRefs(
  db: DatabaseComponent,
  ctx: StackContext,
): DataStoreRefs & { secretArn: Expr; name: string } {
  const label = ctx.label(db);
  const aurora = db.params.flavor === "aurora";
  return {
    host: ref(aurora ? `module.${label}.cluster_endpoint` : `module.${label}.db_instance_address`),
    port: DATABASE_ENGINES[db.params.flavor][db.params.engine].port,
    securityGroup: ref(
      aurora ? `module.${label}.security_group_id` : `module.${label}_security_group.security_group_id`,
    ),
    secretArn:
      globalSecretArn(db, ctx) ??
      ref(
        aurora
          ? `module.${label}.cluster_master_user_secret[0].secret_arn`
          : `module.${label}.db_instance_master_user_secret_arn`,
      ),
    name: databaseName(db, ctx),
  };
}

/** The database created inside the instance or cluster: the PlanSpec's name, else one made from the stack's name. */
export function databaseName(db: DatabaseComponent, ctx: StackContext): string {
  return db.params.databaseName ?? defaultDatabaseName(ctx.spec.name, db.params.engine);
}

export function cacheRefs(cache: CacheComponent, ctx: StackContext): DataStoreRefs {
  const label = ctx.label(cache);
  return {
    host: ref(`module.${label}.replication_group_primary_endpoint_address`),
    port: CACHE_ENGINES[cache.params.engine].port,
    securityGroup: ref(`module.${label}.security_group_id`),
  };
}

/** A Secrets Manager JSON key reference for a container secret: `<secret arn>:<key>::`. */
export function secretKey(secretArn: Expr, key: string): Expr {
  return template(secretArn, `:${key}::`);
}

/** The environment variable prefix a linked component gives the code: its primary twin's in the secondary. */
export function envPrefixOf(c: Component, ctx: StackContext): string {
  return envPrefix(twinId(ctx.spec, c));
}

/** The environment variable prefix for a component: its id in capitals, dashes as underscores (DB, INVOICE_PDFS). */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/-/g, "_");
}
