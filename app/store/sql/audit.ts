import type { AuditEntry } from "../../conductor/audit.js";
import type { SqlQuery } from "../sql-client.js";
import { iso } from "./time.js";

interface AuditRow extends Record<string, unknown> {
  at: Date;
  repo: string;
  pr: number | null;
  actor: string;
  action: string;
  decision: string;
  sha: string | null;
  reason: string;
  details: AuditEntry["details"];
}

export async function audit(q: SqlQuery, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit (at, repo, pr, actor, action, decision, sha, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [e.at, e.repo, e.pr, e.actor, e.action, e.decision, e.sha, e.reason, JSON.stringify(e.details ?? {})],
  );
}

export async function auditFor(q: SqlQuery, repo: string, pr: number | null): Promise<AuditEntry[]> {
  const rows = await q.query<AuditRow>(
    "SELECT * FROM audit WHERE repo = $1 AND pr IS NOT DISTINCT FROM $2::int ORDER BY id",
    [repo, pr],
  );
  return rows.map((r) => ({
    at: iso(r.at),
    repo: r.repo,
    pr: r.pr,
    actor: r.actor,
    action: r.action,
    decision: r.decision,
    sha: r.sha,
    reason: r.reason,
    ...(r.details && Object.keys(r.details).length > 0 ? { details: r.details } : {}),
  }));
}
