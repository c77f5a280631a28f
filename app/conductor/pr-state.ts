import type { PlanCounts, ValidationResult } from "../contracts/generated/validation-result.js";
import type { Approval } from "./approval-gate.js";
import type { SavedPlanRef } from "./dispatch-record.js";
import type { State } from "./states.js";

export type RollbackTrigger = "command" | "slack" | "apply-failed" | "apply-timeout";

export interface RollbackRecord {
  readonly trigger: RollbackTrigger;
  readonly requestedBy: string;
  readonly triggeredAt: string;
  readonly fromSha: string;
  /** The last known-good revision, or null on a first apply: destroy what it created. */
  readonly toSha: string | null;
  readonly dispatchedAt?: string;
  /** The nonce of the rollback's dispatch: only the run the App dispatched with it reports the rollback. */
  readonly nonce?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly status?: "success" | "failure";
  readonly breaches: readonly ("begin" | "finish")[];
}

export interface ApplyRecord {
  readonly sha: string;
  readonly approvedBy: readonly string[];
  readonly dispatchedAt: string;
  /** The nonce of the apply's dispatch: only the run the App dispatched with it reports the apply. */
  readonly nonce: string;
  /** The stack's applied revision before this apply: where a rollback goes. */
  readonly knownGood: string | null;
  readonly finishedAt?: string;
  readonly status?: "success" | "failure" | "timeout";
  readonly runUrl?: string;
}

export type Severity = ValidationResult["findings"][number]["severity"];

/** The few figures of Sentinel's ValidationResult that the Slack message and the metrics show. */
export interface ValidationFigures {
  readonly costMonthlyUsd: number;
  readonly budgetMonthlyUsd: number;
  /** Forecast / budget; null for a $0 budget. */
  readonly ratio: number | null;
  readonly brakeRatio: number;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly plan: Readonly<PlanCounts>;
}

export interface ValidationRecord {
  readonly sha: string;
  /** The saved plan that passed, which an apply of this SHA must apply and nothing else. */
  readonly plan?: SavedPlanRef;
  readonly verdict: "PASS" | "FAIL";
  readonly reasons: readonly string[];
  readonly runUrl?: string;
  /** Absent when Sentinel's result could not be read. */
  readonly figures?: ValidationFigures;
  /** Sentinel's section of the sticky comment (rendered by app/render/sentinel from the ValidationResult). */
  readonly section?: string;
}

/** Where the PR's review message lives in Slack, so every later change updates that one message. */
export interface MessageRef {
  readonly channel: string;
  readonly ts: string;
}

/**
 * Everything the Conductor knows about one goal's pull request: a row of the store (app/store), changed only by
 * compare-and-swap. Labels, check runs, the sticky comment and Slack are projections of it, never read back.
 */
export interface PrState {
  readonly stack: string;
  readonly dir: string;
  readonly goal: {
    readonly hash: string;
    readonly issue: number;
    readonly author: string;
    /** Everyone who edited the goal issue after filing it: they count as authors for self-approval. */
    readonly editors: readonly string[];
    /** The goal's one-line summary, for the Slack message. */
    readonly summary?: string;
    /** The goal's budget as recorded when it was planned: Sentinel's verdict is checked against it, not the PR's. */
    readonly budgetUsd: number;
  };
  readonly state: State;
  readonly headSha: string;
  /** Everyone (but the App) who pushed commits to the pull request: they count as authors for self-approval. */
  readonly pushers: readonly string[];
  readonly validation?: ValidationRecord;
  readonly approvals: readonly Approval[];
  readonly apply?: ApplyRecord;
  readonly rollback?: RollbackRecord;
  /** The stack lock released by a person's `/unlock` on this PR, until the PR takes the lock again. */
  readonly unlocked?: { readonly by: string; readonly at: string };
  /** What is waiting for the stack lock. */
  readonly awaitingLock?: "apply" | "rollback";
  /** The pull request was closed (merged or not) before it was done. */
  readonly closed?: boolean;
  /** Ids of comments and runs already handled, newest last, so a redelivered webhook changes nothing. */
  readonly handled: readonly string[];
}

/** DONE after a rollback: the stack is back at its known-good revision (or bare), not at this PR's commit. */
export function isRolledBack(state: PrState): boolean {
  return state.state === "DONE" && state.rollback?.status === "success";
}

const HANDLED_KEPT = 100;

/** The id under which a workflow run's result is remembered as handled. */
export const runEventId = (runId: string | number): string => `run:${runId}`;

export function rememberHandled(state: PrState, id: string): PrState {
  return { ...state, handled: [...state.handled.filter((h) => h !== id), id].slice(-HANDLED_KEPT) };
}
