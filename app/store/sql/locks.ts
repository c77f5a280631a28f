import type { SqlQuery } from "../sql-client.js";
import type { LockAttempt } from "../store.js";
import { iso } from "./time.js";

interface LockRow extends Record<string, unknown> {
  pr: number;
  sha: string;
  acquired_at: Date;
}

/** Takes the stack's lock: only the insert of its one row wins; a concurrent insert waits, then finds it taken. */
export async function tryLock(
  q: SqlQuery,
  repo: string,
  stack: string,
  holder: { pr: number; sha: string },
  at: Date,
): Promise<LockAttempt> {
  const won = await q.query(
    `INSERT INTO locks (repo, stack, pr, sha, acquired_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (repo, stack) DO NOTHING RETURNING pr`,
    [repo, stack, holder.pr, holder.sha, at],
  );
  if (won.length > 0) return { acquired: true };
  const lock = await getLock(q, repo, stack);
  // Released between the insert and the read: the caller may try again; report the lock as held meanwhile.
  return { acquired: false, holder: lock ?? { pr: holder.pr, sha: holder.sha, at: iso(at) } };
}

export async function getLock(
  q: SqlQuery,
  repo: string,
  stack: string,
): Promise<{ pr: number; sha: string; at: string } | undefined> {
  const [row] = await q.query<LockRow>(
    "SELECT pr, sha, acquired_at FROM locks WHERE repo = $1 AND stack = $2",
    [repo, stack],
  );
  return row ? { pr: row.pr, sha: row.sha, at: iso(row.acquired_at) } : undefined;
}

export async function releaseLock(q: SqlQuery, repo: string, stack: string, pr?: number): Promise<boolean> {
  const rows = await q.query(
    "DELETE FROM locks WHERE repo = $1 AND stack = $2 AND ($3::int IS NULL OR pr = $3) RETURNING pr",
    [repo, stack, pr ?? null],
  );
  return rows.length > 0;
}

export async function appliedSha(q: SqlQuery, repo: string, stack: string): Promise<string | null> {
  const [row] = await q.query<{ sha: string | null }>(
    "SELECT sha FROM applied WHERE repo = $1 AND stack = $2 ORDER BY id DESC LIMIT 1",
    [repo, stack],
  );
  return row?.sha ?? null;
}

export async function recordApplied(
  q: SqlQuery,
  repo: string,
  stack: string,
  sha: string | null,
  pr: number,
  at: Date,
): Promise<void> {
  await q.query("INSERT INTO applied (repo, stack, sha, pr, at) VALUES ($1, $2, $3, $4, $5)", [
    repo,
    stack,
    sha,
    pr,
    at,
  ]);
}
