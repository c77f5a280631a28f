import path from "node:path";
import { migrate } from "./migrate.js";
import { pgClient } from "./pg-client.js";
import { pgliteClient } from "./pglite-client.js";
import type { SqlClient } from "./sql-client.js";
import { sqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL. */
  readonly databaseUrl?: string;
  /** Where the embedded store keeps its files when there is no database URL (default ./.infracrew). */
  readonly dataDir?: string;
}

/** Reads the store's configuration from the environment: DATABASE_URL, else INFRACREW_DATA_DIR. */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): StoreConfig {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.INFRACREW_DATA_DIR || ".infracrew",
  };
}

/** Describes where the store lives, without the password. */
export function describeStore(config: StoreConfig): string {
  if (!config.databaseUrl) return `embedded (PGlite) in ${path.resolve(config.dataDir ?? ".infracrew")}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

/**
 * Opens the store chosen by the configuration, once at start, and brings its schema up to date (a reader such as
 * `infracrew audit` passes `migrate: false`: it changes nothing).
 */
export async function openStore(
  config: StoreConfig,
  options: { readonly migrate?: boolean } = {},
): Promise<Store> {
  let client: SqlClient;
  if (config.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl))
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    client = pgClient(config.databaseUrl);
  } else {
    client = await pgliteClient({ dataDir: path.resolve(config.dataDir ?? ".infracrew") });
  }
  try {
    if (options.migrate !== false) await migrate(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return sqlStore(client);
}
