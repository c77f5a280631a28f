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

export async function enqueueDelivery(q: SqlQuery, d: NewDelivery): Promise<"queued" | "duplicate"> {
  const rows = await q.query(
    `INSERT INTO deliveries (id, name, action, installation_id, repo, payload, received_at, run_after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.name, d.action, d.installationId, d.repo, JSON.stringify(d.payload), d.receivedAt],
  );
  return rows.length > 0 ? "queued" : "duplicate";
}

/**
 * Claims the next due delivery with SKIP LOCKED, so replicas never take the same one; a delivery whose claim
 * expired (its worker died mid-way) is due again.
 */
export async function claimDelivery(
  q: SqlQuery,
  worker: string,
  now: Date,
  leaseMs: number,
): Promise<Delivery | undefined> {
  const [row] = await q.query<DeliveryRow>(
    `UPDATE deliveries SET status = 'running', locked_by = $1, locked_until = $3, attempts = attempts + 1
     WHERE id = (
       SELECT id FROM deliveries
       WHERE (status = 'queued' AND run_after <= $2) OR (status = 'running' AND locked_until < $2)
       ORDER BY run_after, received_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, name, action, installation_id, repo, payload, received_at, attempts`,
    [worker, now, new Date(now.getTime() + leaseMs)],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    action: row.action,
    installationId: row.installation_id,
    repo: row.repo,
    payload: row.payload,
    receivedAt: row.received_at,
    attempts: row.attempts,
  };
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
