import type { ActorFacts } from "../../app/conductor/approval-gate.js";
import type { ConductorEvent, Request } from "../../app/conductor/events.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import type { State } from "../../app/conductor/states.js";

export const SHA_A = "a".repeat(40);
export const SHA_B = "b".repeat(40);
export const SHA_GOOD = "9".repeat(40);
export const NONCE_APPLY = "1".repeat(32);
export const NONCE_ROLLBACK = "2".repeat(32);
export const SAVED_PLAN = { runId: 301, artifactId: 3011, sha256: "e".repeat(64) };

/** A pull request's Conductor state in the given state, with the records that state implies. */
export function prState(state: State, over: Partial<PrState> = {}): PrState {
  const base: PrState = {
    stack: "checkout-api",
    dir: "infra/checkout-api",
    goal: { hash: `sha256:${"0".repeat(64)}`, issue: 7, author: "carol", editors: [], budgetUsd: 1500 },
    state,
    headSha: SHA_A,
    pushers: [],
    approvals: [],
    handled: [],
  };
  const passed = {
    validation: { sha: SHA_A, plan: SAVED_PLAN, verdict: "PASS" as const, reasons: ["ok"] },
  };
  const applied = {
    ...passed,
    approvals: [{ login: "bob", sha: SHA_A, at: "2026-11-27T12:00:00Z", via: "comment" as const }],
    apply: {
      sha: SHA_A,
      approvedBy: ["bob"],
      dispatchedAt: "2026-11-27T12:00:00Z",
      nonce: NONCE_APPLY,
      knownGood: SHA_GOOD,
    },
  };
  const byState: Partial<Record<State, Partial<PrState>>> = {
    BLOCKED: { validation: { sha: SHA_A, verdict: "FAIL", reasons: ["finding"] } },
    READY_FOR_APPLY: passed,
    WAIT_FOR_APPROVE: passed,
    APPLYING: applied,
    ROLLBACK: {
      ...applied,
      rollback: {
        trigger: "apply-failed",
        requestedBy: "infracrew[bot]",
        triggeredAt: "2026-11-27T12:10:00Z",
        dispatchedAt: "2026-11-27T12:10:00Z",
        nonce: NONCE_ROLLBACK,
        fromSha: SHA_A,
        toSha: SHA_GOOD,
        breaches: [],
      },
    },
    DONE: { ...applied, apply: { ...applied.apply, status: "success", finishedAt: "2026-11-27T12:09:00Z" } },
  };
  return { ...base, ...byState[state], ...over };
}

export function actor(over: Partial<ActorFacts> = {}): ActorFacts {
  return { login: "bob", isBot: false, permission: "write", teams: [], ...over };
}

export function request(over: Partial<Request> = {}): Request {
  return { actor: actor(), eventId: "comment:1", via: "comment", commentId: 1, ...over };
}

/** One event of each type, for the exhaustive table. */
export const EVENT_SAMPLES: Record<ConductorEvent["type"], ConductorEvent> = {
  pushed: { type: "pushed", sha: SHA_B },
  replanned: {
    type: "replanned",
    sha: SHA_B,
    goal: { hash: `sha256:${"1".repeat(64)}`, issue: 7, author: "carol", editors: ["erin"], budgetUsd: 1500 },
  },
  "validation-completed": {
    type: "validation-completed",
    runId: "11",
    sha: SHA_A,
    verdict: "PASS",
    reasons: ["ok"],
  },
  approve: { type: "approve", ...request() },
  "rollback-requested": { type: "rollback-requested", ...request({ eventId: "comment:2", commentId: 2 }) },
  "plan-requested": { type: "plan-requested", ...request({ eventId: "comment:3", commentId: 3 }) },
  "unlock-requested": { type: "unlock-requested", ...request({ eventId: "comment:4", commentId: 4 }) },
  "lock-acquired": { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_GOOD },
  "lock-held": {
    type: "lock-held",
    holderPr: 12,
    reason:
      "Stack `checkout-api` is locked by #12 (https://github.com/acme/infra/pull/12). It is released when that pull request finishes applying or rolls back, or with `/unlock` on #12.",
  },
  "lock-released": { type: "lock-released", by: "bob" },
  "lock-kept": {
    type: "lock-kept",
    reason: "Stack `checkout-api` is not locked: there is nothing to release.",
  },
  "apply-completed": {
    type: "apply-completed",
    runId: "21",
    nonce: NONCE_APPLY,
    mode: "apply",
    sha: SHA_A,
    status: "success",
  },
  "rollback-started": {
    type: "rollback-started",
    runId: "31",
    nonce: NONCE_ROLLBACK,
    at: "2026-11-27T12:11:00Z",
  },
  "reply-requested": { type: "reply-requested", eventId: "comment:5", body: "Unknown command `/aprove`." },
  tick: { type: "tick" },
  closed: { type: "closed", merged: false },
};
