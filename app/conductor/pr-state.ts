import type { PlanCounts, ValidationResult } from "../contracts/generated/validation-result.js";
import type { Approval } from "./approval-gate.js";
import { STATES, type State } from "./states.js";

export type RollbackTrigger = "command" | "slack" | "apply-failed" | "apply-timeout";

export interface RollbackRecord {
  readonly trigger: RollbackTrigger;
  readonly requestedBy: string;
  readonly triggeredAt: string;
  readonly fromSha: string;
  /** The last known-good revision, or null on a first apply: destroy what it created. */
  readonly toSha: string | null;
  readonly dispatchedAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly status?: "success" | "failure";
  readonly breaches: readonly ("begin" | "finish")[];
}

export interface ApplyRecord {
  readonly sha: string;
  readonly approvedBy: readonly string[];
  readonly dispatchedAt: string;
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

/** A check run's id on the commit it belongs to. */
export interface CheckRef {
  readonly sha: string;
  readonly id: number;
}

/** Everything the Conductor knows about one goal's pull request; kept in a hidden marker of its sticky comment. */
export interface PrState {
  readonly v: 1;
  readonly stack: string;
  readonly dir: string;
  readonly goal: {
    readonly hash: string;
    readonly issue: number;
    readonly author: string;
    /** The goal's one-line summary, for the Slack message. */
    readonly summary?: string;
  };
  readonly state: State;
  readonly headSha: string;
  readonly validation?: ValidationRecord;
  readonly approvals: readonly Approval[];
  readonly apply?: ApplyRecord;
  readonly rollback?: RollbackRecord;
  /** The stack lock released by a person's `/unlock` on this PR, until the PR takes the lock again. */
  readonly unlocked?: { readonly by: string; readonly at: string };
  /** What is waiting for the stack lock. */
  readonly awaitingLock?: "apply" | "rollback";
  /** The Slack review message, once posted. */
  readonly slack?: MessageRef;
  /** The Conductor check run last written, and the head SHA it is on: a later step updates it without a look-up. */
  readonly conductorCheck?: CheckRef;
  /** Ids of comments and runs already handled, newest last, so a redelivered webhook changes nothing. */
  readonly handled: readonly string[];
}

/** DONE after a rollback: the stack is back at its known-good revision (or bare), not at this PR's commit. */
export function isRolledBack(state: PrState): boolean {
  return state.state === "DONE" && state.rollback?.status === "success";
}

const MARKER = "infracrew:state";
const HANDLED_KEPT = 100;

/** The id under which a workflow run's result is remembered as handled. */
export const runEventId = (runId: string | number): string => `run:${runId}`;

export function rememberHandled(state: PrState, id: string): PrState {
  return { ...state, handled: [...state.handled.filter((h) => h !== id), id].slice(-HANDLED_KEPT) };
}

/** The hidden marker carrying the state. `>` is escaped so the JSON can never close the HTML comment. */
export function encodeState(state: PrState): string {
  return `<!-- ${MARKER} ${JSON.stringify(state).replace(/>/g, "\\u003e")} -->`;
}

const isString = (v: unknown): v is string => typeof v === "string";

/** Reads the state back from a comment body; anything malformed or foreign reads as no state. */
export function decodeState(body: string): PrState | undefined {
  const match = new RegExp(`<!-- ${MARKER} (\\{.*?\\}) -->`, "s").exec(body);
  if (!match) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(match[1]!);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object") return undefined;
  const s = data as Record<string, unknown>;
  const goal = s.goal as Record<string, unknown> | undefined;
  const valid =
    s.v === 1 &&
    isString(s.stack) &&
    isString(s.dir) &&
    isString(s.headSha) &&
    (STATES as readonly unknown[]).includes(s.state) &&
    Array.isArray(s.approvals) &&
    Array.isArray(s.handled) &&
    goal !== undefined &&
    isString(goal.hash) &&
    typeof goal.issue === "number" &&
    isString(goal.author);
  if (!valid) return undefined;
  const { slack, conductorCheck, ...rest } = data as PrState;
  // A hand-edited message reference is dropped (a new message is posted), not followed; so is a malformed check
  // reference (the check is looked up again). States written before the check reference read without it.
  return {
    ...rest,
    ...(isMessageRef(slack) ? { slack } : {}),
    ...(isCheckRef(conductorCheck) ? { conductorCheck } : {}),
  };
}

function isCheckRef(value: unknown): value is CheckRef {
  if (!value || typeof value !== "object") return false;
  const { sha, id } = value as Record<string, unknown>;
  return isString(sha) && sha !== "" && Number.isSafeInteger(id) && (id as number) > 0;
}

function isMessageRef(value: unknown): value is MessageRef {
  if (!value || typeof value !== "object") return false;
  const { channel, ts } = value as Record<string, unknown>;
  return isString(channel) && /^[CDG][A-Z0-9]+$/.test(channel) && isString(ts) && /^\d+\.\d+$/.test(ts);
}
