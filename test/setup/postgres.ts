/**
 * vitest globalSetup: a real PostgreSQL for the tests. INFRACREW_TEST_DATABASE_URL names one to use; otherwise a
 * throwaway cluster is made with the machine's initdb and pg_ctl (Debian's postgresql package, or the binaries in
 * /usr/local/bin) in a temporary directory, listening on a free loopback port, and removed at the end. As root it
 * runs as the `postgres` user, which initdb requires.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../app/store/migrate.js";
import { pgClient } from "../../app/store/pg-client.js";
import { pgliteClientOf } from "../../app/store/pglite-client.js";
import { freeLoopbackPort } from "../support/prometheus.js";

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

const SETUP_HINT =
  "PostgreSQL is needed for the tests: run `sudo scripts/setup-test-machine.sh` (it installs Debian's postgresql, " +
  "chromium and prometheus), or set INFRACREW_TEST_DATABASE_URL to a database the tests may create databases in.";

function findBin(name: string): string | undefined {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return undefined;
  for (const version of readdirSync(debian).sort().reverse()) {
    const bin = path.join(debian, version, "bin", name);
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.INFRACREW_TEST_DATABASE_URL;
  if (given) {
    const dir = mkdtempSync(path.join(tmpdir(), "infracrew-pg-"));
    project.provide("databaseUrl", given);
    await prepareTemplates(project, given, dir);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) throw new Error(SETUP_HINT);
  const root = process.getuid?.() === 0;
  if (root && spawnSync("id", ["postgres"]).status !== 0)
    throw new Error(`The tests run as root and there is no postgres user for initdb. ${SETUP_HINT}`);
  const dir = mkdtempSync(path.join(tmpdir(), "infracrew-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freeLoopbackPort();
  const as = (bin: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "pipe" })
      : execFileSync(bin, args, { stdio: "pipe" });
  try {
    as(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    as(pgCtl, [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`Could not start a PostgreSQL for the tests: ${stderr}\n${SETUP_HINT}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  project.provide("databaseUrl", url);
  await prepareTemplates(project, url, dir);
  return () => {
    try {
      as(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
