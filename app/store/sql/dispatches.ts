import type { DispatchRecord, GateAnswer, SavedPlanRef } from "../../conductor/dispatch-record.js";
import type { SqlQuery } from "../sql-client.js";
import type { GateRecordOutcome } from "../store.js";
import { iso } from "./time.js";

interface DispatchRow extends Record<string, unknown> {
  nonce: string;
  repo: string;
  pr: number;
  stack: string;
  workflow: DispatchRecord["workflow"];
  mode: DispatchRecord["mode"];
  sha: string;
  target_sha: string | null;
  plan: SavedPlanRef | null;
  ref: string;
  created_at: Date;
  run_id: number | null;
  gate: GateAnswer | null;
}

const toRecord = (row: DispatchRow): DispatchRecord => ({
  nonce: row.nonce,
  repo: row.repo,
  pr: row.pr,
  stack: row.stack,
  workflow: row.workflow,
  mode: row.mode,
  sha: row.sha,
  targetSha: row.target_sha,
  plan: row.plan,
  ref: row.ref,
  createdAt: iso(row.created_at),
  runId: row.run_id,
  gate: row.gate,
});

export async function insertDispatch(q: SqlQuery, r: DispatchRecord): Promise<void> {
  await q.query(
    `INSERT INTO dispatches (nonce, repo, pr, stack, workflow, mode, sha, target_sha, plan, ref, created_at, run_id, gate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::jsonb)`,
    [
      r.nonce,
      r.repo,
      r.pr,
      r.stack,
      r.workflow,
      r.mode,
      r.sha,
      r.targetSha,
      r.plan === null ? null : JSON.stringify(r.plan),
      r.ref,
      r.createdAt,
      r.runId,
      r.gate === null ? null : JSON.stringify(r.gate),
    ],
  );
}

export async function getDispatch(q: SqlQuery, nonce: string): Promise<DispatchRecord | undefined> {
  const [row] = await q.query<DispatchRow>("SELECT * FROM dispatches WHERE nonce = $1", [nonce]);
  return row ? toRecord(row) : undefined;
}

export async function dispatchByRun(
  q: SqlQuery,
  repo: string,
  runId: number,
): Promise<DispatchRecord | undefined> {
  const [row] = await q.query<DispatchRow>("SELECT * FROM dispatches WHERE repo = $1 AND run_id = $2", [
    repo,
    runId,
  ]);
  return row ? toRecord(row) : undefined;
}

export async function setDispatchRun(q: SqlQuery, nonce: string, runId: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE dispatches SET run_id = $2 WHERE nonce = $1 AND (run_id IS NULL OR run_id = $2)
       AND NOT EXISTS (SELECT 1 FROM dispatches d WHERE d.repo = dispatches.repo AND d.run_id = $2 AND d.nonce <> $1)
     RETURNING nonce`,
    [nonce, runId],
  );
  return rows.length > 0;
}

/** Compare-and-set of the gate's answer: the first answer wins; the same run attempt reads it back. */
export async function answerGate(q: SqlQuery, nonce: string, answer: GateAnswer): Promise<GateRecordOutcome> {
  const set = await q.query(
    "UPDATE dispatches SET gate = $2::jsonb WHERE nonce = $1 AND gate IS NULL RETURNING nonce",
    [nonce, JSON.stringify(answer)],
  );
  if (set.length > 0) return "recorded";
  const current = await getDispatch(q, nonce);
  if (!current?.gate) return "unknown";
  const same = current.gate.runId === answer.runId && current.gate.runAttempt === answer.runAttempt;
  return same ? "already-answered-same" : "answered-other";
}
