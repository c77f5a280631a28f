/** Who is whose pair in an Aurora Global Database, and where its master user secret is in each region. */
import type { DatabaseComponent } from "../../../contracts/generated/plan-spec.js";
import { ref, type Expr } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";
import { componentRegion, inRegion } from "../stack/regions.js";

/** The database's global pair, when it is the primary or the secondary of an Aurora Global Database. */
export function globalPair(
  db: DatabaseComponent,
  ctx: StackContext,
): { primary: DatabaseComponent; secondary: DatabaseComponent } | undefined {
  const all = ctx.spec.components.filter((c): c is DatabaseComponent => c.kind === "database");
  const primary = db.params.replicaOf ? all.find((c) => c.id === db.params.replicaOf) : db;
  const secondary = all.find((c) => c.params.replicaOf !== undefined && c.params.replicaOf === primary?.id);
  return primary && secondary ? { primary, secondary } : undefined;
}

export const masterLabel = (primary: DatabaseComponent, ctx: StackContext): string =>
  `${ctx.label(primary)}_master`;

/** The master user secret's ARN in the database's own region (the secondary reads the replica). */
export function globalSecretArn(db: DatabaseComponent, ctx: StackContext): Expr | undefined {
  const pair = globalPair(db, ctx);
  if (!pair) return undefined;
  const arn = ref(`aws_secretsmanager_secret.${masterLabel(pair.primary, ctx)}.arn`);
  return inRegion(arn, componentRegion(ctx.spec, pair.primary), { region: componentRegion(ctx.spec, db) });
}
