/**
 * vitest globalSetup: a real PostgreSQL for the tests. INFRACREW_TEST_DATABASE_URL names one to use; otherwise a
 * throwaway server is started (test/support/postgres-server.ts) and removed at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../app/store/migrate.js";
import { pgClient } from "../../app/store/pg-client.js";
import { pgliteClientOf } from "../../app/store/pglite-client.js";
import { startThrowawayPostgres } from "../support/postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test PostgreSQL's admin database: tests create their own databases there. */
    databaseUrl: string;
    /** A migrated database to copy (CREATE DATABASE … TEMPLATE): much faster than migrating each one. */
    templateDatabase: string;
    /** A migrated PGlite image (its data directory, dumped), loaded by each embedded store. */
    pgliteImage: string;
  }
}

const TEMPLATE = "infracrew_template";

/** The migrated database tests copy, and the migrated PGlite image they load; both made once per run. */
async function prepareTemplates(project: TestProject, databaseUrl: string, dir: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${TEMPLATE}`;
  const client = pgClient(url.toString(), { max: 1 });
  await migrate(client);
  await client.close();
  project.provide("templateDatabase", TEMPLATE);

  const db = await PGlite.create();
  await migrate(pgliteClientOf(db));
  const image = path.join(dir, "pglite-image.tar");
  writeFileSync(image, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
  await db.close();
  project.provide("pgliteImage", image);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.INFRACREW_TEST_DATABASE_URL;
  if (given) {
    const dir = mkdtempSync(path.join(tmpdir(), "infracrew-pg-"));
    project.provide("databaseUrl", given);
    await prepareTemplates(project, given, dir);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await startThrowawayPostgres();
  project.provide("databaseUrl", server.url);
  await prepareTemplates(project, server.url, server.dir);
  return () => server.stop();
}
