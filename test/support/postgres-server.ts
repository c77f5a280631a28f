import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeLoopbackPort } from "./prometheus.js";

export const SETUP_HINT =
  "PostgreSQL is needed: run `scripts/setup-test-machine.sh` (it installs Debian's postgresql, chromium and " +
  "prometheus), or set INFRACREW_TEST_DATABASE_URL to a database the tests may create databases in.";

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

export interface ThrowawayPostgres {
  /** The admin database's URL (postgres://postgres@127.0.0.1:<port>/postgres). */
  readonly url: string;
  /** A directory that lives as long as the server, for other throwaway files. */
  readonly dir: string;
  stop(): void;
}

/**
 * A throwaway PostgreSQL made with the machine's initdb and pg_ctl (Debian's postgresql package, or the binaries in
 * /usr/local/bin) in a temporary directory, on a free loopback port; stop() removes it. As root it runs as the
 * `postgres` user, which initdb requires. Tests turn fsync off (`durable: false`); a benchmark keeps PostgreSQL's
 * defaults, so a commit waits for its WAL flush as in production.
 */
export async function startThrowawayPostgres(
  options: { readonly durable?: boolean } = {},
): Promise<ThrowawayPostgres> {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) throw new Error(SETUP_HINT);
  const root = process.getuid?.() === 0;
  if (root && spawnSync("id", ["postgres"]).status !== 0)
    throw new Error(`This runs as root and there is no postgres user for initdb. ${SETUP_HINT}`);
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
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${options.durable ? "" : " -c fsync=off"}`,
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`Could not start a PostgreSQL: ${stderr}\n${SETUP_HINT}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      try {
        as(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
