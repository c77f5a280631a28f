import type { TimerKind } from "../../conductor/timers.js";
import type { SqlQuery } from "../sql-client.js";
import type { PrKey, TimerRow } from "../store.js";

export async function setTimers(
  q: SqlQuery,
  key: PrKey,
  timers: readonly { readonly kind: TimerKind; readonly dueAt: Date }[],
): Promise<void> {
  await q.query("DELETE FROM timers WHERE repo = $1 AND pr = $2 AND NOT (kind = ANY($3::text[]))", [
    key.repo,
    key.pr,
    timers.map((t) => t.kind),
  ]);
  for (const t of timers) {
    await q.query(
      `INSERT INTO timers (repo, pr, kind, due_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (repo, pr, kind) DO UPDATE SET due_at = $4, claimed_by = NULL, claimed_until = NULL
         WHERE timers.due_at <> $4`,
      [key.repo, key.pr, t.kind, t.dueAt],
    );
  }
}

/** Claims due timers with SKIP LOCKED; a claim that expired (its replica died) may be taken again. */
export async function claimTimers(
  q: SqlQuery,
  worker: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<TimerRow[]> {
  const rows = await q.query<{ repo: string; pr: number; kind: TimerKind; due_at: Date }>(
    `UPDATE timers SET claimed_by = $1, claimed_until = $3
     WHERE (repo, pr, kind) IN (
       SELECT repo, pr, kind FROM timers
       WHERE due_at <= $2 AND (claimed_until IS NULL OR claimed_until < $2)
       ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING repo, pr, kind, due_at`,
    [worker, now, new Date(now.getTime() + leaseMs), limit],
  );
  return rows.map((r) => ({ repo: r.repo, pr: r.pr, kind: r.kind, dueAt: r.due_at }));
}

export async function finishTimer(q: SqlQuery, timer: TimerRow, worker: string): Promise<void> {
  await q.query(
    `DELETE FROM timers WHERE repo = $1 AND pr = $2 AND kind = $3 AND due_at = $4 AND claimed_by = $5`,
    [timer.repo, timer.pr, timer.kind, timer.dueAt, worker],
  );
  await q.query(
    `UPDATE timers SET claimed_by = NULL, claimed_until = NULL
     WHERE repo = $1 AND pr = $2 AND kind = $3 AND claimed_by = $4`,
    [timer.repo, timer.pr, timer.kind, worker],
  );
}
