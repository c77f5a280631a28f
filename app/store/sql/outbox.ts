import type { SqlQuery } from "../sql-client.js";
import type { EffectRow, NewEffect, PrKey } from "../store.js";

interface OutboxRow extends Record<string, unknown> {
  id: number;
  key: string;
  repo: string;
  pr: number | null;
  kind: string;
  payload: unknown;
  attempts: number;
}

export async function enqueueEffects(q: SqlQuery, effects: readonly NewEffect[], at: Date): Promise<void> {
  for (const e of effects) {
    await q.query(
      `INSERT INTO outbox (key, repo, pr, kind, payload, run_after, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6) ON CONFLICT (key) DO NOTHING`,
      [e.key, e.repo, e.pr, e.kind, JSON.stringify(e.payload), at],
    );
  }
}

/**
 * Claims the oldest pending effect of a pull request whose older effects are all done, so a pull request's effects
 * happen in the order they were decided, and no two replicas carry out the same one.
 */
export async function claimEffect(
  q: SqlQuery,
  worker: string,
  now: Date,
  leaseMs: number,
  scope?: PrKey,
): Promise<EffectRow | undefined> {
  const [row] = await q.query<OutboxRow>(
    `UPDATE outbox SET locked_by = $1, locked_until = $3, attempts = attempts + 1
     WHERE id = (
       SELECT o.id FROM outbox o
       WHERE o.status = 'pending' AND o.run_after <= $2 AND (o.locked_until IS NULL OR o.locked_until < $2)
         AND ($4::text IS NULL OR (o.repo = $4 AND o.pr IS NOT DISTINCT FROM $5::int))
         AND NOT EXISTS (
           SELECT 1 FROM outbox p WHERE p.repo = o.repo AND p.pr IS NOT DISTINCT FROM o.pr
             AND p.status = 'pending' AND p.id < o.id)
       ORDER BY o.id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, key, repo, pr, kind, payload, attempts`,
    [worker, now, new Date(now.getTime() + leaseMs), scope?.repo ?? null, scope?.pr ?? null],
  );
  return row
    ? {
        id: row.id,
        key: row.key,
        repo: row.repo,
        pr: row.pr,
        kind: row.kind,
        payload: row.payload,
        attempts: row.attempts,
      }
    : undefined;
}

export async function finishEffect(q: SqlQuery, id: number, now: Date): Promise<void> {
  await q.query(
    "UPDATE outbox SET status = 'done', done_at = $2, locked_by = NULL, locked_until = NULL WHERE id = $1",
    [id, now],
  );
}

export async function retryEffect(
  q: SqlQuery,
  id: number,
  error: string,
  runAfter: Date | null,
): Promise<void> {
  await q.query(
    `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
       run_after = COALESCE($3::timestamptz, run_after), last_error = $2, locked_by = NULL, locked_until = NULL
     WHERE id = $1`,
    [id, error.slice(0, 2000), runAfter],
  );
}
