import type { AuditEntry } from "../conductor/audit.js";
import type { DispatchRecord, GateAnswer } from "../conductor/dispatch-record.js";
import type { PrState } from "../conductor/pr-state.js";
import type { TimerKind } from "../conductor/timers.js";
import type { TakenCidr } from "../contracts/taken-cidr.js";

export type { TakenCidr };

/** A pull request of a repository (`owner/name`). */
export interface PrKey {
  readonly repo: string;
  readonly pr: number;
}

/** A webhook delivery as it arrived, before anything is decided from it. */
export interface NewDelivery {
  /** GitHub's X-GitHub-Delivery, or another source's unique id. */
  readonly id: string;
  readonly name: string;
  readonly action: string | null;
  readonly installationId: number | null;
  readonly repo: string | null;
  readonly payload: unknown;
  readonly receivedAt: Date;
}

export interface Delivery extends NewDelivery {
  /** How many times it was claimed, this time included. */
  readonly attempts: number;
}

export interface LoadedPr {
  readonly state: PrState;
  readonly version: number;
}

/** A goal issue as the store knows it. */
export interface GoalRecord {
  readonly repo: string;
  readonly issue: number;
  readonly name: string;
  readonly hash: string;
  readonly author: string;
  /** Everyone who edited the goal after filing it. */
  readonly editors: readonly string[];
  readonly budgetUsd: number;
  readonly pr: number | null;
  /** The VPC ranges the goal's design takes; a save without them keeps what the store has. */
  readonly cidrs?: readonly string[];
}

export type LockAttempt =
  | { readonly acquired: true }
  | {
      readonly acquired: false;
      readonly holder: { readonly pr: number; readonly sha: string; readonly at: string };
    };

export interface RepoRecord {
  readonly installationId: number;
  readonly defaultBranch: string | null;
}

/** An effect on GitHub or Slack, written with the state that asked for it and carried out after the commit. */
export interface NewEffect {
  /** Unique: the same key is never written twice, so a retried event adds nothing. */
  readonly key: string;
  readonly repo: string;
  readonly pr: number | null;
  readonly kind: string;
  readonly payload: unknown;
}

export interface EffectRow extends NewEffect {
  readonly id: number;
  readonly attempts: number;
}

export interface TimerRow {
  readonly repo: string;
  readonly pr: number;
  readonly kind: TimerKind;
  readonly dueAt: Date;
}

export type GateRecordOutcome = "recorded" | "already-answered-same" | "answered-other" | "unknown";

/** What one transaction may read and write. */
export interface StoreTx {
  upsertRepo(repo: string, installationId: number, defaultBranch: string | null, at: Date): Promise<void>;
  getRepo(repo: string): Promise<RepoRecord | undefined>;

  getGoal(repo: string, issue: number): Promise<GoalRecord | undefined>;
  getGoalByName(repo: string, name: string): Promise<GoalRecord | undefined>;
  saveGoal(goal: GoalRecord, at: Date): Promise<void>;
  /** The VPC ranges the repository's other goals hold (every goal but `exceptIssue`). */
  takenCidrs(repo: string, exceptIssue: number): Promise<TakenCidr[]>;

  loadPr(key: PrKey): Promise<LoadedPr | undefined>;
  /** Inserts a pull request's first state; false when it exists already. */
  createPr(key: PrKey, state: PrState, at: Date): Promise<boolean>;
  /** Compare-and-swap: writes `state` only if the stored version is still `version`. */
  savePr(key: PrKey, version: number, state: PrState, at: Date): Promise<boolean>;

  tryLock(repo: string, stack: string, holder: { pr: number; sha: string }, at: Date): Promise<LockAttempt>;
  getLock(repo: string, stack: string): Promise<{ pr: number; sha: string; at: string } | undefined>;
  /** Deletes the lock if `pr` holds it (any holder when `pr` is undefined); true when one was deleted. */
  releaseLock(repo: string, stack: string, pr?: number): Promise<boolean>;

  /** The stack's last applied revision, or null (never applied, or destroyed by the rollback of a first apply). */
  appliedSha(repo: string, stack: string): Promise<string | null>;
  recordApplied(repo: string, stack: string, sha: string | null, pr: number, at: Date): Promise<void>;

  insertDispatch(record: DispatchRecord): Promise<void>;
  getDispatch(nonce: string): Promise<DispatchRecord | undefined>;
  dispatchByRun(repo: string, runId: number): Promise<DispatchRecord | undefined>;
  /** Records the run GitHub started for a dispatch; false when another run is recorded already. */
  setDispatchRun(nonce: string, runId: number): Promise<boolean>;
  /** Records the gate's answer once: a second answer for the same run attempt reads back the first. */
  answerGate(nonce: string, answer: GateAnswer): Promise<GateRecordOutcome>;

  enqueueEffects(effects: readonly NewEffect[], at: Date): Promise<void>;
  /** Replaces the pull request's timers with these. */
  setTimers(key: PrKey, timers: readonly { readonly kind: TimerKind; readonly dueAt: Date }[]): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;

  loadProjection(key: PrKey): Promise<Record<string, unknown>>;
  saveProjection(key: PrKey, data: Record<string, unknown>): Promise<void>;
}

/** The state of record: one interface, PostgreSQL or PGlite behind it (app/store/open-store.ts chooses once). */
export interface Store {
  readonly engine: "postgresql" | "pglite";
  /** Reads and writes outside a transaction (each statement on its own). */
  readonly read: StoreTx;
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  /** Stores a delivery before it is acknowledged; a second one with the same id changes nothing. */
  enqueueDelivery(delivery: NewDelivery): Promise<"queued" | "duplicate">;
  /** Takes up to `limit` due deliveries (or ones whose claim expired: their worker died), oldest first, for `leaseMs`. */
  claimDeliveries(worker: string, now: Date, leaseMs: number, limit: number): Promise<Delivery[]>;
  finishDelivery(id: string, worker: string, outcome: string, now: Date): Promise<void>;
  /** Puts a failed delivery back for `runAfter`, or gives up on it (`dead`) when `runAfter` is null. */
  retryDelivery(id: string, worker: string, error: string, runAfter: Date | null): Promise<void>;

  /** Takes the oldest pending effect of a pull request (of any, without `scope`) whose older effects are done. */
  claimEffect(worker: string, now: Date, leaseMs: number, scope?: PrKey): Promise<EffectRow | undefined>;
  finishEffect(id: number, now: Date): Promise<void>;
  retryEffect(id: number, error: string, runAfter: Date | null): Promise<void>;

  /** Takes the timers that are due and not claimed by a live replica. */
  claimTimers(worker: string, now: Date, leaseMs: number, limit: number): Promise<TimerRow[]>;
  /** Deletes a fired timer unless the state set it again meanwhile (another due time). */
  finishTimer(timer: TimerRow, worker: string): Promise<void>;

  prsInStates(states: readonly string[]): Promise<(PrKey & { readonly state: PrState })[]>;
  countPrsByState(): Promise<Record<string, number>>;
  /** A pull request's audit log, oldest first; `null`: the repository's decisions that name no pull request. */
  auditFor(repo: string, pr: number | null): Promise<AuditEntry[]>;
  queueCounts(): Promise<{ queued: number; running: number; dead: number; effectsPending: number }>;
}
