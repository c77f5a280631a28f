import { readRepoFile } from "./repo-files.js";

/**
 * The GitHub REST calls the app makes for each step of a goal's journey, as the journeys assert them exactly
 * (test/journeys/goal-to-done.test.ts, rollback-command.test.ts) and bench/README.md records them.
 */
export const REST_CALLS = {
  /** issues.opened with a goal → the branch, the commit, the PR, its sticky comment and the goal's answer. */
  goalToPr: 10,
  /** workflow_run.completed of the plan workflow → the Sentinel check, the label, the sticky, the Conductor check. */
  sentinel: 11,
  /** `/approve` that meets the policy → the lock, the apply dispatched, APPLYING. */
  approve: 12,
  /** workflow_run.completed of the apply → DONE: applied ref, lock released, merged, goal issue closed. */
  applyDone: 16,
  /** `/rollback` on a DONE PR → the lock, the rollback dispatched, ROLLBACK. */
  rollback: 11,
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
