import type { Approval } from "../../conductor/approval-gate.js";
import type { PrState } from "../../conductor/pr-state.js";
import type { SqlQuery } from "../sql-client.js";
import type { GoalRecord, LoadedPr, PrKey, RepoRecord, TakenCidr } from "../store.js";
import { iso } from "./time.js";

type StoredState = Omit<PrState, "approvals">;

interface ApprovalRow extends Record<string, unknown> {
  sha: string;
  login: string;
  via: Approval["via"];
  at: Date;
}

interface GoalRow extends Record<string, unknown> {
  repo: string;
  issue: number;
  name: string;
  hash: string;
  author: string;
  editors: string[];
  budget_usd: number;
  pr: number | null;
  cidrs: string[];
}

const toGoal = (row: GoalRow): GoalRecord => ({
  repo: row.repo,
  issue: row.issue,
  name: row.name,
  hash: row.hash,
  author: row.author,
  editors: row.editors,
  budgetUsd: row.budget_usd,
  pr: row.pr,
  cidrs: row.cidrs,
});

export async function upsertRepo(
  q: SqlQuery,
  repo: string,
  installationId: number,
  defaultBranch: string | null,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO repos (repo, installation_id, default_branch, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (repo) DO UPDATE SET installation_id = $2,
       default_branch = COALESCE($3, repos.default_branch), updated_at = $4`,
    [repo, installationId, defaultBranch, at],
  );
}

export async function getRepo(q: SqlQuery, repo: string): Promise<RepoRecord | undefined> {
  const [row] = await q.query<{ installation_id: number; default_branch: string | null }>(
    "SELECT installation_id, default_branch FROM repos WHERE repo = $1",
    [repo],
  );
  return row ? { installationId: row.installation_id, defaultBranch: row.default_branch } : undefined;
}

export async function getGoal(q: SqlQuery, repo: string, issue: number): Promise<GoalRecord | undefined> {
  const [row] = await q.query<GoalRow>("SELECT * FROM goals WHERE repo = $1 AND issue = $2", [repo, issue]);
  return row ? toGoal(row) : undefined;
}

export async function getGoalByName(
  q: SqlQuery,
  repo: string,
  name: string,
): Promise<GoalRecord | undefined> {
  const [row] = await q.query<GoalRow>("SELECT * FROM goals WHERE repo = $1 AND name = $2", [repo, name]);
  return row ? toGoal(row) : undefined;
}

export async function saveGoal(q: SqlQuery, goal: GoalRecord, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO goals (repo, issue, name, hash, author, editors, budget_usd, pr, created_at, updated_at, cidrs)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $9, COALESCE($10::jsonb, '[]'::jsonb))
     ON CONFLICT (repo, issue) DO UPDATE SET name = $3, hash = $4, author = $5, editors = $6::jsonb,
       budget_usd = $7, pr = $8, updated_at = $9, cidrs = COALESCE($10::jsonb, goals.cidrs)`,
    [
      goal.repo,
      goal.issue,
      goal.name,
      goal.hash,
      goal.author,
      JSON.stringify(goal.editors),
      goal.budgetUsd,
      goal.pr,
      at,
      goal.cidrs === undefined ? null : JSON.stringify(goal.cidrs),
    ],
  );
}

export async function takenCidrs(q: SqlQuery, repo: string, exceptIssue: number): Promise<TakenCidr[]> {
  const rows = await q.query<{ cidr: string; name: string; issue: number }>(
    `SELECT c.cidr, g.name, g.issue FROM goals g, jsonb_array_elements_text(g.cidrs) AS c(cidr)
     WHERE g.repo = $1 AND g.issue <> $2 ORDER BY g.issue, c.cidr`,
    [repo, exceptIssue],
  );
  return rows.map((r) => ({ cidr: r.cidr, goal: r.name, issue: r.issue }));
}

export async function loadPr(q: SqlQuery, key: PrKey): Promise<LoadedPr | undefined> {
  const [row] = await q.query<{ state: StoredState; version: number }>(
    "SELECT state, version FROM pull_requests WHERE repo = $1 AND pr = $2",
    [key.repo, key.pr],
  );
  if (!row) return undefined;
  const approvals = await q.query<ApprovalRow>(
    `SELECT sha, login, via, at FROM approvals WHERE repo = $1 AND pr = $2 AND voided_at IS NULL
     ORDER BY at, login`,
    [key.repo, key.pr],
  );
  return {
    version: row.version,
    state: {
      ...row.state,
      approvals: approvals.map((a) => ({ login: a.login, sha: a.sha, at: iso(a.at), via: a.via })),
    },
  };
}

function split(state: PrState): { stored: StoredState; approvals: readonly Approval[] } {
  const { approvals, ...stored } = state;
  return { stored, approvals };
}

export async function createPr(q: SqlQuery, key: PrKey, state: PrState, at: Date): Promise<boolean> {
  const { stored, approvals } = split(state);
  const rows = await q.query(
    `INSERT INTO pull_requests (repo, pr, stack, version, state, updated_at) VALUES ($1, $2, $3, 1, $4::jsonb, $5)
     ON CONFLICT (repo, pr) DO NOTHING RETURNING pr`,
    [key.repo, key.pr, state.stack, JSON.stringify(stored), at],
  );
  if (rows.length === 0) return false;
  await syncApprovals(q, key, approvals, at);
  return true;
}

export async function savePr(
  q: SqlQuery,
  key: PrKey,
  version: number,
  state: PrState,
  at: Date,
): Promise<boolean> {
  const { stored, approvals } = split(state);
  const rows = await q.query(
    `UPDATE pull_requests SET state = $4::jsonb, version = version + 1, stack = $5, updated_at = $6
     WHERE repo = $1 AND pr = $2 AND version = $3 RETURNING version`,
    [key.repo, key.pr, version, JSON.stringify(stored), state.stack, at],
  );
  if (rows.length === 0) return false;
  await syncApprovals(q, key, approvals, at);
  return true;
}

/** The approvals table follows the state: new approvals inserted, the ones the state dropped voided. */
async function syncApprovals(
  q: SqlQuery,
  key: PrKey,
  approvals: readonly Approval[],
  at: Date,
): Promise<void> {
  const current = await q.query<{ sha: string; login: string }>(
    "SELECT sha, login FROM approvals WHERE repo = $1 AND pr = $2 AND voided_at IS NULL",
    [key.repo, key.pr],
  );
  const id = (a: { sha: string; login: string }) => `${a.sha}\u0000${a.login}`;
  const wanted = new Set(approvals.map(id));
  const have = new Set(current.map(id));
  for (const gone of current.filter((a) => !wanted.has(id(a)))) {
    await q.query(
      "UPDATE approvals SET voided_at = $5 WHERE repo = $1 AND pr = $2 AND sha = $3 AND login = $4",
      [key.repo, key.pr, gone.sha, gone.login, at],
    );
  }
  for (const added of approvals.filter((a) => !have.has(id(a)))) {
    await q.query(
      `INSERT INTO approvals (repo, pr, sha, login, via, at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (repo, pr, sha, login) DO UPDATE SET via = $5, at = $6, voided_at = NULL`,
      [key.repo, key.pr, added.sha, added.login, added.via, added.at],
    );
  }
}

export async function prsInStates(
  q: SqlQuery,
  states: readonly string[],
): Promise<(PrKey & { state: PrState })[]> {
  const rows = await q.query<{ repo: string; pr: number }>(
    "SELECT repo, pr FROM pull_requests WHERE state->>'state' = ANY($1::text[]) ORDER BY repo, pr",
    [states],
  );
  const out: (PrKey & { state: PrState })[] = [];
  for (const row of rows) {
    const loaded = await loadPr(q, row);
    if (loaded) out.push({ repo: row.repo, pr: row.pr, state: loaded.state });
  }
  return out;
}

export async function countPrsByState(q: SqlQuery): Promise<Record<string, number>> {
  const rows = await q.query<{ state: string; n: number }>(
    "SELECT state->>'state' AS state, count(*)::int AS n FROM pull_requests GROUP BY 1",
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export async function loadProjection(q: SqlQuery, key: PrKey): Promise<Record<string, unknown>> {
  const [row] = await q.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM projections WHERE repo = $1 AND pr = $2",
    [key.repo, key.pr],
  );
  return row?.data ?? {};
}

export async function saveProjection(q: SqlQuery, key: PrKey, data: Record<string, unknown>): Promise<void> {
  await q.query(
    `INSERT INTO projections (repo, pr, data) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (repo, pr) DO UPDATE SET data = $3::jsonb`,
    [key.repo, key.pr, JSON.stringify(data)],
  );
}
