import { MIGRATIONS, type Migration } from "./migrations.js";
import type { SqlClient } from "./sql-client.js";

/** A lock id shared by every replica, so two starting at once do not migrate together. */
const MIGRATION_LOCK = 7_310_552_012;

/**
 * Brings the database to the newest version: each missing migration in its own transaction, recorded in
 * schema_migrations. Replicas starting together wait on an advisory lock; the second finds nothing to do.
 * Returns the versions it applied.
 */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known)
      throw new Error(
        `the database is at schema version ${newest}, newer than this Infracrew knows (${known}): upgrade Infracrew`,
      );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
