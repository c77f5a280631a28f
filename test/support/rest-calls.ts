import { readRepoFile } from "./repo-files.js";

/**
 * The GitHub REST calls the app makes for each step of a goal's journey, as the journeys assert them exactly
 * (test/journeys/goal-to-done.test.ts, rollback-command.test.ts) and bench/README.md records them.
 */
export const REST_CALLS = {
  /** issues.opened with a goal → the branch, the commit, the PR, its label, Conductor check and sticky, the answer. */
  goalToPr: 10,
  /** workflow_run.completed of the plan workflow → the PR's files re-checked, the Sentinel check, the views. */
  sentinel: 10,
  /** `/approve` that meets the policy → the apply dispatched (lock and dispatch record in the store), APPLYING. */
  approve: 8,
  /** workflow_run.completed of the apply → DONE: merged, goal issue closed (applied and lock in the store). */
  applyDone: 11,
  /** `/rollback` on a DONE PR → the rollback dispatched (its lock and target from the store), ROLLBACK. */
  rollback: 9,
} as const;

/** What each step may cost at most; goal → PR is the product's target (issue 6: at most 12). */
export const REST_CALL_BUDGET: Readonly<Record<keyof typeof REST_CALLS, number>> = {
  goalToPr: 12,
  sentinel: 12,
  approve: 14,
  applyDone: 18,
  rollback: 14,
};

/** The figures of bench/README.md's Conductor table: each row names its step as `key` and gives its calls next. */
export function readBenchTable(): Record<string, number> {
  const section = readRepoFile("bench/README.md")
    .split(/^## /m)
    .find((s) => s.startsWith("Conductor"));
  if (!section) throw new Error("bench/README.md has no Conductor section");
  const rows = [...section.matchAll(/^\|[^|]*`(\w+)`[^|]*\|\s*(\d+)\s*\|/gm)];
  return Object.fromEntries(rows.map((m) => [m[1]!, Number(m[2])]));
}
