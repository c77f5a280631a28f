import type { SqlQuery } from "../sql-client.js";
import type { Delivery, NewDelivery } from "../store.js";

interface DeliveryRow extends Record<string, unknown> {
  id: string;
  name: string;
  action: string | null;
  installation_id: number | null;
  repo: string | null;
  payload: unknown;
  received_at: Date;
  attempts: number;
}

/**
 * Stores deliveries in one statement; answers, in order, whether each was new. A delivery id seen before (in the
 * table or earlier in the batch) is a duplicate.
 */
export async function enqueueDeliveries(
  q: SqlQuery,
  batch: readonly NewDelivery[],
): Promise<("queued" | "duplicate")[]> {
  const params: unknown[] = [];
  const values = batch.map((d) => {
    const at = params.length;
    params.push(d.id, d.name, d.action, d.installationId, d.repo, JSON.stringify(d.payload), d.receivedAt);
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::bigint, $${at + 5}, $${at + 6}::jsonb, $${at + 7}::timestamptz, $${at + 7}::timestamptz)`;
  });
  const rows = await q.query<{ id: string }>(
    `INSERT INTO deliveries (id, name, action, installation_id, repo, payload, received_at, run_after)
     VALUES ${values.join(", ")} ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  );
  const inserted = new Set(rows.map((r) => r.id));
  return batch.map((d) => (inserted.delete(d.id) ? "queued" : "duplicate"));
}

/**
 * Claims up to `limit` due deliveries, oldest first, with SKIP LOCKED, so replicas never take the same one. A claim
 * moves `run_after` to the claim's expiry, so a delivery whose worker died mid-way is due again then, and one range
 * of the partial index `deliveries_ready` finds the due deliveries however long the backlog is.
 */
export async function claimDeliveries(
  q: SqlQuery,
  worker: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<Delivery[]> {
  const rows = await q.query<DeliveryRow>(
    `UPDATE deliveries SET status = 'running', locked_by = $1, locked_until = $3, run_after = $3,
       attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM deliveries
       WHERE status IN ('queued', 'running') AND run_after <= $2
       ORDER BY run_after LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id, name, action, installation_id, repo, payload, received_at, attempts`,
    [worker, now, new Date(now.getTime() + leaseMs), limit],
  );
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      action: row.action,
      installationId: row.installation_id,
      repo: row.repo,
      payload: row.payload,
      receivedAt: row.received_at,
      attempts: row.attempts,
    }))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

export async function finishDelivery(
  q: SqlQuery,
  id: string,
  worker: string,
  outcome: string,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'done', outcome = $3, finished_at = $4, locked_by = NULL, locked_until = NULL
     WHERE id = $1 AND locked_by = $2`,
    [id, worker, outcome.slice(0, 500), now],
  );
}

export async function retryDelivery(
  q: SqlQuery,
  id: string,
  worker: string,
  error: string,
  runAfter: Date | null,
): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = CASE WHEN $4::timestamptz IS NULL THEN 'dead' ELSE 'queued' END,
       run_after = COALESCE($4::timestamptz, run_after), last_error = $3, locked_by = NULL, locked_until = NULL
     WHERE id = $1 AND locked_by = $2`,
    [id, worker, error.slice(0, 2000), runAfter],
  );
}
