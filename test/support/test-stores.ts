import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { pgClient } from "../../app/store/pg-client.js";
import { pgliteClient } from "../../app/store/pglite-client.js";
import type { SqlClient } from "../../app/store/sql-client.js";
import { sqlStore } from "../../app/store/sql-store.js";
import type { Store } from "../../app/store/store.js";

export type StoreKind = "postgresql" | "pglite";

/** Both stores: the same tests run against each. */
export const STORE_KINDS: readonly StoreKind[] = ["postgresql", "pglite"];

/** The PostgreSQL the test set-up started (test/setup/postgres.ts). */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

/** A fresh database on the test PostgreSQL, migrated (a copy of the set-up's template); drop() removes it. */
export async function freshDatabase(options: { readonly empty?: boolean } = {}): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const admin = testDatabaseUrl();
  const name = `infracrew_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(
    options.empty
      ? `CREATE DATABASE ${name}`
      : `CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`,
  );
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh, migrated store of the kind; close() releases it (and drops its PostgreSQL database). */
export async function testStore(kind: StoreKind): Promise<Store & { reset(): Promise<void> }> {
  let client: SqlClient;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === "pglite") {
    const image = new Blob([readFileSync(inject("pgliteImage"))]);
    client = await pgliteClient({ loadDataDir: image });
  } else {
    const db = await freshDatabase();
    client = pgClient(db.url, { max: 20 });
    drop = db.drop;
  }
  const store = sqlStore(client);
  return {
    ...store,
    async reset() {
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
      );
      await client.exec(`TRUNCATE ${tables.map((t) => t.tablename).join(", ")} RESTART IDENTITY`);
    },
    async close() {
      await store.close();
      await drop();
    },
  };
}

/** One store of the kind for a test file, emptied before each test. */
export function useTestStore(kind: StoreKind): () => Store {
  let store: (Store & { reset(): Promise<void> }) | undefined;
  beforeAll(async () => {
    store = await testStore(kind);
  });
  beforeEach(async () => {
    await store!.reset();
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => store!;
}
