import { describe, expect, it } from "vitest";
import type { Effect } from "../../../app/conductor/effects.js";
import type { ConductorEvent } from "../../../app/conductor/events.js";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { STATES, type State } from "../../../app/conductor/states.js";
import { transition } from "../../../app/conductor/transitions.js";
import { policyWith } from "../../support/policies.js";
import {
  EVENT_SAMPLES,
  NONCE_APPLY,
  NONCE_ROLLBACK,
  SHA_A,
  SHA_B,
  SHA_GOOD,
  actor,
  prState,
  request,
} from "../../support/pr-states.js";

/** The nonce the runner drew for the event under test. */
const NONCE_NEXT = "3".repeat(32);

const policy = policyWith({ approvals: { required: 1 } });
const ctx = {
  now: "2026-11-27T12:05:00Z",
  policy,
  appLogin: "infracrew[bot]",
  prNumber: 9,
  nonce: NONCE_NEXT,
};

/** Every state change the design allows (DESIGN §4, plus DONE → ROLLBACK for /rollback and re-plans). */
const ALLOWED = new Set([
  "VALIDATING→WAIT_FOR_APPROVE",
  "VALIDATING→BLOCKED",
  "BLOCKED→VALIDATING",
  "BLOCKED→WAIT_FOR_APPROVE",
  "READY_FOR_APPLY→WAIT_FOR_APPROVE",
  "READY_FOR_APPLY→VALIDATING",
  "READY_FOR_APPLY→BLOCKED",
  "WAIT_FOR_APPROVE→VALIDATING",
  "WAIT_FOR_APPROVE→BLOCKED",
  "WAIT_FOR_APPROVE→APPLYING",
  "APPLYING→DONE",
  "APPLYING→ROLLBACK",
  "ROLLBACK→DONE",
  "DONE→ROLLBACK",
  "DONE→VALIDATING",
  "PENDING→VALIDATING",
  "IN_PROGRESS→VALIDATING",
]);

const LOCK_REASON =
  "Stack `checkout-api` is locked by #12 (https://github.com/acme/infra/pull/12). It is released when that pull request finishes applying or rolls back, or with `/unlock` on #12.";

const types = (effects: readonly Effect[]): string[] => effects.map((e) => e.type);

describe("transition: every state × every event is legal or a no-op", () => {
  const cases = STATES.flatMap((s) => Object.values(EVENT_SAMPLES).map((e) => [s, e.type, e] as const));
  it.each(cases)("%s + %s", (from, _type, event) => {
    const result = transition(prState(from), event, ctx);
    const to = result.state.state;
    if (to !== from) expect(ALLOWED, `${from}→${to}`).toContain(`${from}→${to}`);
    expect(types(result.effects).includes("set-label")).toBe(to !== from);
    if (result.noop) expect(to).toBe(from);
    if (result.noop)
      expect(
        types(result.effects).filter((t) => !["sync-sticky", "release-lock", "abandon"].includes(t)),
      ).toEqual([]);
  });

  it.each(STATES.flatMap((s) => Object.values(EVENT_SAMPLES).map((e) => [s, e.type, e] as const)))(
    "%s + %s twice changes nothing the second time",
    (from, _type, event) => {
      const once = transition(prState(from), event, ctx);
      const twice = transition(once.state, event, ctx);
      const sideEffects = types(twice.effects).filter((t) =>
        ["dispatch-apply", "dispatch-plan", "merge", "close-goal", "record-applied", "react"].includes(t),
      );
      if (
        event.type !== "tick" &&
        event.type !== "lock-acquired" &&
        event.type !== "closed" &&
        event.type !== "lock-held"
      ) {
        expect(sideEffects).toEqual([]);
      }
    },
  );
});

interface Case {
  name: string;
  from: PrState;
  event: ConductorEvent;
  to: State;
  effects?: string[];
  reply?: string | RegExp;
  patch?: (s: PrState) => unknown;
  expected?: unknown;
  now?: string;
  policy?: ReturnType<typeof policyWith>;
}

const failedRollback = {
  ...prState("ROLLBACK").rollback!,
  startedAt: "2026-11-27T12:11:00Z",
  finishedAt: "2026-11-27T12:14:00Z",
  status: "failure" as const,
};

const CASES: Case[] = [
  {
    name: "Sentinel PASS moves a validating PR to wait for approval",
    from: prState("VALIDATING"),
    event: {
      type: "validation-completed",
      runId: "1",
      sha: SHA_A,
      verdict: "PASS",
      reasons: ["no findings"],
    },
    to: "WAIT_FOR_APPROVE",
    effects: ["set-label", "audit", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => s.validation,
    expected: { sha: SHA_A, verdict: "PASS", reasons: ["no findings"] },
  },
  {
    name: "Sentinel FAIL blocks",
    from: prState("VALIDATING"),
    event: { type: "validation-completed", runId: "1", sha: SHA_A, verdict: "FAIL", reasons: ["brake"] },
    to: "BLOCKED",
  },
  {
    name: "a validation of an older commit is stale",
    from: prState("VALIDATING", { headSha: SHA_B }),
    event: { type: "validation-completed", runId: "1", sha: SHA_A, verdict: "PASS", reasons: [] },
    to: "VALIDATING",
    effects: [],
  },
  {
    name: "a new push voids approvals and re-validates",
    from: prState("WAIT_FOR_APPROVE", { approvals: [{ login: "bob", sha: SHA_A, at: "t", via: "comment" }] }),
    event: { type: "pushed", sha: SHA_B },
    to: "VALIDATING",
    reply: `New commit ${SHA_B.slice(0, 7)}: 1 approval on ${SHA_A.slice(0, 7)} voided. Sentinel re-validates.`,
    patch: (s) => [s.approvals, s.headSha, s.validation],
    expected: [[], SHA_B, undefined],
  },
  {
    name: "a push on a blocked PR re-validates",
    from: prState("BLOCKED"),
    event: { type: "pushed", sha: SHA_B },
    to: "VALIDATING",
  },
  {
    name: "an approval that meets the rule takes the lock",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "approve", ...request() },
    to: "WAIT_FOR_APPROVE",
    effects: ["react", "audit", "acquire-lock", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => [s.awaitingLock, s.approvals],
    expected: ["apply", [{ login: "bob", sha: SHA_A, at: "2026-11-27T12:05:00Z", via: "comment" }]],
  },
  {
    name: "the goal's author alone is recorded but cannot apply",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "approve", ...request({ actor: actor({ login: "carol" }) }) },
    to: "WAIT_FOR_APPROVE",
    effects: ["react", "audit", "reply", "sync-sticky", "sync-conductor-check", "sync-slack"],
    reply: `Approval by @carol recorded on ${SHA_A.slice(0, 7)}; the authors of this change (@carol: the goal's author and editors, and whoever pushed to it) cannot approve alone: an approval from someone else is needed.`,
  },
  {
    name: "a reader's approval is refused with the reason",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "approve", ...request({ actor: actor({ login: "dave", permission: "read" }) }) },
    to: "WAIT_FOR_APPROVE",
    effects: ["reply", "audit", "sync-sticky"],
    reply: "Approval refused: @dave has read permission; to approve you need write or more.",
  },
  {
    name: "a bot's approval is refused",
    from: prState("WAIT_FOR_APPROVE"),
    event: {
      type: "approve",
      ...request({ actor: actor({ login: "dependabot[bot]", isBot: true, permission: "admin" }) }),
    },
    to: "WAIT_FOR_APPROVE",
    reply: "Approval refused: bots cannot approve.",
  },
  {
    name: "an approval before Sentinel passed is refused",
    from: prState("VALIDATING"),
    event: { type: "approve", ...request() },
    to: "VALIDATING",
    reply: `Approval refused: Sentinel has not passed ${SHA_A.slice(0, 7)} yet; approve once the Infracrew / Sentinel check succeeds.`,
  },
  {
    name: "a second approval by the same person is answered once",
    from: prState("WAIT_FOR_APPROVE", { approvals: [{ login: "bob", sha: SHA_A, at: "t", via: "comment" }] }),
    event: { type: "approve", ...request({ eventId: "comment:99", commentId: 99 }) },
    to: "WAIT_FOR_APPROVE",
    reply: `@bob has already approved ${SHA_A.slice(0, 7)}.`,
  },
  {
    name: "the lock taken on an unchanged head dispatches the apply",
    from: prState("WAIT_FOR_APPROVE", {
      awaitingLock: "apply",
      approvals: [{ login: "bob", sha: SHA_A, at: "t", via: "comment" }],
    }),
    event: { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_GOOD },
    to: "APPLYING",
    effects: ["set-label", "dispatch-apply", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => [s.apply, s.awaitingLock],
    expected: [
      {
        sha: SHA_A,
        approvedBy: ["bob"],
        dispatchedAt: "2026-11-27T12:05:00Z",
        nonce: NONCE_NEXT,
        knownGood: SHA_GOOD,
      },
      undefined,
    ],
  },
  {
    name: "the lock taken after the head moved releases it and re-validates",
    from: prState("WAIT_FOR_APPROVE", { awaitingLock: "apply" }),
    event: { type: "lock-acquired", headSha: SHA_B, appliedSha: null },
    to: "VALIDATING",
    effects: ["set-label", "release-lock", "reply", "sync-sticky", "sync-conductor-check", "sync-slack"],
  },
  {
    name: "a lock held by another PR is explained with a link",
    from: prState("WAIT_FOR_APPROVE", { awaitingLock: "apply" }),
    event: { type: "lock-held", holderPr: 12, reason: LOCK_REASON },
    to: "WAIT_FOR_APPROVE",
    reply: `${LOCK_REASON} Approve again once it is released.`,
  },
  {
    name: "a lock held by this PR means another delivery is applying: abandon",
    from: prState("WAIT_FOR_APPROVE", { awaitingLock: "apply" }),
    event: { type: "lock-held", holderPr: 9, reason: "held by this PR" },
    to: "WAIT_FOR_APPROVE",
    effects: ["abandon"],
  },
  {
    name: "a successful apply is done: record, unlock, merge, close",
    from: prState("APPLYING"),
    event: {
      type: "apply-completed",
      runId: "5",
      nonce: NONCE_APPLY,
      mode: "apply",
      sha: SHA_A,
      status: "success",
      runUrl: "https://r/5",
    },
    to: "DONE",
    effects: [
      "audit",
      "set-label",
      "record-applied",
      "release-lock",
      "merge",
      "close-goal",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
  },
  {
    name: "a successful apply without mergeAfterApply does not merge",
    from: prState("APPLYING"),
    event: {
      type: "apply-completed",
      runId: "5",
      nonce: NONCE_APPLY,
      mode: "apply",
      sha: SHA_A,
      status: "success",
    },
    to: "DONE",
    effects: [
      "audit",
      "set-label",
      "record-applied",
      "release-lock",
      "close-goal",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
    policy: policyWith({ apply: { mergeAfterApply: false } }),
  },
  {
    name: "a failed apply rolls back to the known-good revision",
    from: prState("APPLYING"),
    event: {
      type: "apply-completed",
      runId: "5",
      nonce: NONCE_APPLY,
      mode: "apply",
      sha: SHA_A,
      status: "failure",
    },
    to: "ROLLBACK",
    effects: [
      "audit",
      "ops-event",
      "set-label",
      "dispatch-apply",
      "reply",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
    patch: (s) => s.rollback,
    expected: {
      trigger: "apply-failed",
      requestedBy: "infracrew[bot]",
      triggeredAt: "2026-11-27T12:05:00Z",
      dispatchedAt: "2026-11-27T12:05:00Z",
      nonce: NONCE_NEXT,
      fromSha: SHA_A,
      toSha: SHA_GOOD,
      breaches: [],
    },
  },
  {
    name: "an apply result for another SHA is ignored",
    from: prState("APPLYING"),
    event: {
      type: "apply-completed",
      runId: "5",
      nonce: NONCE_APPLY,
      mode: "apply",
      sha: SHA_B,
      status: "success",
    },
    to: "APPLYING",
    effects: [],
  },
  {
    name: "an apply result of another dispatch (another nonce) is ignored: only the awaited run reports",
    from: prState("APPLYING"),
    event: {
      type: "apply-completed",
      runId: "5",
      nonce: "4".repeat(32),
      mode: "apply",
      sha: SHA_A,
      status: "success",
    },
    to: "APPLYING",
    effects: [],
  },
  {
    name: "a rollback result of another dispatch is ignored",
    from: prState("ROLLBACK"),
    event: {
      type: "apply-completed",
      runId: "6",
      nonce: "4".repeat(32),
      mode: "rollback",
      sha: SHA_A,
      status: "success",
    },
    to: "ROLLBACK",
    effects: [],
  },
  {
    name: "a button shown on another commit approves nothing",
    from: prState("WAIT_FOR_APPROVE"),
    event: {
      type: "approve",
      ...request({ via: "check-run", sha: SHA_B, commentId: undefined }),
    } as ConductorEvent,
    to: "WAIT_FOR_APPROVE",
    effects: ["reply", "audit", "sync-sticky"],
    reply: `Approval refused: the button was for ${SHA_B.slice(0, 7)}, but the head is now ${SHA_A.slice(0, 7)}; approve the new commit once Sentinel passes it.`,
  },
  {
    name: "a lock taken for a pass that names no saved plan applies nothing: it re-plans",
    from: prState("WAIT_FOR_APPROVE", {
      awaitingLock: "apply",
      validation: { sha: SHA_A, verdict: "PASS", reasons: ["ok"] },
    }),
    event: { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_GOOD },
    to: "VALIDATING",
    effects: [
      "set-label",
      "release-lock",
      "reply",
      "dispatch-plan",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
  },
  {
    name: "a push by a person records them among the change's authors",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "pushed", sha: SHA_B, by: "bob" },
    to: "VALIDATING",
    patch: (s) => s.pushers,
    expected: ["bob"],
  },
  {
    name: "a push by the App (a re-planned goal) adds no author",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "pushed", sha: SHA_B, by: "infracrew[bot]" },
    to: "VALIDATING",
    patch: (s) => s.pushers,
    expected: [],
  },
  {
    name: "a goal edited and planned again voids approvals and validates the new commit",
    from: prState("WAIT_FOR_APPROVE", {
      approvals: [{ login: "bob", sha: SHA_A, at: "2026-11-27T12:00:00Z", via: "comment" }],
    }),
    event: EVENT_SAMPLES.replanned,
    to: "VALIDATING",
    patch: (s) => [s.headSha, s.approvals, s.goal.editors, s.validation],
    expected: [SHA_B, [], ["erin"], undefined],
  },
  {
    name: "a goal edited during an apply changes nothing",
    from: prState("APPLYING"),
    event: EVENT_SAMPLES.replanned,
    to: "APPLYING",
    effects: [],
  },
  {
    name: "a closed PR is marked closed and releases its lock",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "closed", merged: false },
    to: "WAIT_FOR_APPROVE",
    effects: ["release-lock"],
    patch: (s) => s.closed,
    expected: true,
  },
  {
    name: "an apply past its timeout rolls back on the next tick",
    from: prState("APPLYING"),
    event: { type: "tick" },
    now: "2026-11-27T12:31:00Z",
    to: "ROLLBACK",
    patch: (s) => [s.rollback?.trigger, s.apply?.status],
    expected: ["apply-timeout", "timeout"],
  },
  {
    name: "an apply within its timeout is left alone",
    from: prState("APPLYING"),
    event: { type: "tick" },
    now: "2026-11-27T12:29:00Z",
    to: "APPLYING",
    effects: [],
  },
  {
    name: "a rollback that finishes in time is done",
    from: prState("ROLLBACK"),
    event: {
      type: "apply-completed",
      runId: "6",
      nonce: NONCE_ROLLBACK,
      mode: "rollback",
      sha: SHA_A,
      status: "success",
    },
    now: "2026-11-27T12:20:00Z",
    to: "DONE",
    effects: [
      "audit",
      "set-label",
      "record-applied",
      "release-lock",
      "reply",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
    reply: `Rolled back to the known-good revision ${SHA_GOOD.slice(0, 7)} in 10.0 min.`,
  },
  {
    name: "a rollback that finishes late is done, with an SLA breach",
    from: prState("ROLLBACK", {}),
    event: {
      type: "apply-completed",
      runId: "6",
      nonce: NONCE_ROLLBACK,
      mode: "rollback",
      sha: SHA_A,
      status: "success",
    },
    now: "2026-11-27T12:26:00Z",
    to: "DONE",
    effects: [
      "audit",
      "set-label",
      "ops-event",
      "reply",
      "record-applied",
      "release-lock",
      "reply",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
  },
  {
    name: "a rollback whose start was not seen is judged at its end by when its run began (ApplyResult.startedAt)",
    from: prState("ROLLBACK"),
    event: {
      type: "apply-completed",
      runId: "6",
      nonce: NONCE_ROLLBACK,
      mode: "rollback",
      sha: SHA_A,
      status: "success",
      startedAt: "2026-11-27T12:16:00Z",
    },
    now: "2026-11-27T12:19:00Z",
    to: "DONE",
    patch: (s) => [s.rollback?.startedAt, s.rollback?.breaches],
    expected: ["2026-11-27T12:16:00Z", ["begin"]],
  },
  {
    name: "a rollback not begun after 5 minutes breaches the begin SLA on a tick",
    from: prState("ROLLBACK"),
    event: { type: "tick" },
    now: "2026-11-27T12:15:30Z",
    to: "ROLLBACK",
    effects: ["ops-event", "reply", "sync-sticky", "sync-conductor-check", "sync-slack"],
    reply: "⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger (5.5 min).",
    patch: (s) => s.rollback?.breaches,
    expected: ["begin"],
  },
  {
    name: "a rollback that started in time does not breach on a tick",
    from: prState("ROLLBACK", {}),
    event: { type: "rollback-started", runId: "7", nonce: NONCE_ROLLBACK, at: "2026-11-27T12:12:00Z" },
    to: "ROLLBACK",
    effects: ["sync-sticky", "sync-conductor-check", "sync-slack"],
  },
  {
    name: "a failed rollback stays, holds the lock and calls for a person",
    from: prState("ROLLBACK"),
    event: {
      type: "apply-completed",
      runId: "6",
      nonce: NONCE_ROLLBACK,
      mode: "rollback",
      sha: SHA_A,
      status: "failure",
    },
    to: "ROLLBACK",
    effects: ["audit", "reply", "ops-event", "sync-sticky", "sync-conductor-check", "sync-slack"],
  },
  {
    name: "/rollback after done takes the lock, with the SLA clock started",
    from: prState("DONE"),
    event: { type: "rollback-requested", ...request() },
    to: "DONE",
    effects: ["react", "audit", "acquire-lock", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => [s.awaitingLock, s.rollback?.triggeredAt, s.rollback?.toSha, s.rollback?.trigger],
    expected: ["rollback", "2026-11-27T12:05:00Z", SHA_GOOD, "command"],
  },
  {
    name: "the lock for a requested rollback dispatches it, keeping the trigger time",
    from: prState("DONE", {
      awaitingLock: "rollback",
      rollback: {
        trigger: "command",
        requestedBy: "bob",
        triggeredAt: "2026-11-27T12:01:00Z",
        fromSha: SHA_A,
        toSha: SHA_GOOD,
        breaches: [],
      },
    }),
    event: { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_A },
    to: "ROLLBACK",
    patch: (s) => [s.rollback?.triggeredAt, s.rollback?.dispatchedAt],
    expected: ["2026-11-27T12:01:00Z", "2026-11-27T12:05:00Z"],
  },
  {
    name: "/rollback while a rollback runs is refused",
    from: prState("ROLLBACK"),
    event: { type: "rollback-requested", ...request() },
    to: "ROLLBACK",
    reply: "Rollback refused: a rollback is already in progress.",
  },
  {
    name: "/rollback after a failed rollback, before /unlock, is refused: it still holds the lock",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "rollback-requested", ...request() },
    to: "ROLLBACK",
    reply:
      "Rollback refused: the failed rollback still holds the stack lock. Check what it left, `/unlock`, then `/rollback` runs it again.",
  },
  {
    name: "/rollback after a failed rollback and /unlock takes the lock again for a fresh rollback and SLA clock",
    from: prState("ROLLBACK", {
      rollback: { ...failedRollback },
      unlocked: { by: "bob", at: "2026-11-27T12:04:00Z" },
    }),
    event: { type: "rollback-requested", ...request() },
    to: "ROLLBACK",
    effects: ["react", "audit", "acquire-lock", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => [
      s.awaitingLock,
      s.rollback?.triggeredAt,
      s.rollback?.status,
      s.rollback?.fromSha,
      s.rollback?.toSha,
    ],
    expected: ["rollback", "2026-11-27T12:05:00Z", undefined, SHA_A, SHA_GOOD],
  },
  {
    name: "the lock for a retried rollback dispatches it again and forgets the release",
    from: prState("ROLLBACK", {
      awaitingLock: "rollback",
      unlocked: { by: "bob", at: "2026-11-27T12:04:00Z" },
      rollback: {
        trigger: "command",
        requestedBy: "bob",
        triggeredAt: "2026-11-27T12:04:30Z",
        fromSha: SHA_A,
        toSha: SHA_GOOD,
        breaches: [],
      },
    }),
    event: { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_GOOD },
    to: "ROLLBACK",
    effects: ["dispatch-apply", "reply", "sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => [s.unlocked, s.awaitingLock, s.rollback?.dispatchedAt],
    expected: [undefined, undefined, "2026-11-27T12:05:00Z"],
  },
  {
    name: "/plan after a failed rollback is refused with the way out",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "plan-requested", ...request() },
    to: "ROLLBACK",
    reply:
      "Re-plan refused: the rollback failed. Check what it left, then `/unlock` and `/rollback` to run it again.",
  },
  {
    name: "/rollback before anything was applied is refused",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "rollback-requested", ...request() },
    to: "WAIT_FOR_APPROVE",
    reply: "Rollback refused: nothing from this pull request has been applied.",
  },
  {
    name: "/plan re-validates and dispatches the plan",
    from: prState("BLOCKED"),
    event: { type: "plan-requested", ...request() },
    to: "VALIDATING",
    effects: [
      "set-label",
      "react",
      "audit",
      "dispatch-plan",
      "sync-sticky",
      "sync-conductor-check",
      "sync-slack",
    ],
  },
  {
    name: "/unlock asks the lock to be released, for the person who asked",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "unlock-requested", ...request() },
    to: "WAIT_FOR_APPROVE",
    effects: ["react", "audit", "unlock"],
    patch: (s) => s.handled,
    expected: ["comment:1"],
  },
  {
    name: "/unlock by a reader is refused by the permission gate",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "unlock-requested", ...request({ actor: actor({ login: "dave", permission: "read" }) }) },
    to: "ROLLBACK",
    effects: ["reply", "audit", "sync-sticky"],
    reply: "Unlock refused: @dave has read permission; to unlock you need write or more.",
  },
  {
    name: "/unlock during an apply is refused",
    from: prState("APPLYING"),
    event: { type: "unlock-requested", ...request() },
    to: "APPLYING",
    reply: "Unlock refused: the apply is still running.",
  },
  {
    name: "/unlock during a rollback is refused: its run holds the lock",
    from: prState("ROLLBACK"),
    event: { type: "unlock-requested", ...request() },
    to: "ROLLBACK",
    reply: "Unlock refused: the rollback is still running.",
  },
  {
    name: "/unlock after a failed rollback asks the lock to be released",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "unlock-requested", ...request() },
    to: "ROLLBACK",
    effects: ["react", "audit", "unlock"],
  },
  {
    name: "a lock released on request is recorded and shown",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "lock-released", by: "bob" },
    to: "ROLLBACK",
    effects: ["sync-sticky", "sync-conductor-check", "sync-slack"],
    patch: (s) => s.unlocked,
    expected: { by: "bob", at: ctx.now },
  },
  {
    name: "a lock kept is explained",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "lock-kept", reason: "Stack `checkout-api` is not locked: there is nothing to release." },
    to: "WAIT_FOR_APPROVE",
    effects: ["reply", "sync-sticky"],
    reply: "Stack `checkout-api` is not locked: there is nothing to release.",
  },
  {
    name: "taking the lock again forgets an earlier release",
    from: prState("WAIT_FOR_APPROVE", { awaitingLock: "apply", unlocked: { by: "bob", at: ctx.now } }),
    event: { type: "lock-acquired", headSha: SHA_A, appliedSha: SHA_GOOD },
    to: "APPLYING",
    patch: (s) => s.unlocked,
    expected: undefined,
  },
  {
    name: "closing without merge releases the lock",
    from: prState("WAIT_FOR_APPROVE"),
    event: { type: "closed", merged: false },
    to: "WAIT_FOR_APPROVE",
    effects: ["release-lock"],
  },
  {
    name: "merging after a failed rollback releases the lock the PR still holds",
    from: prState("ROLLBACK", { rollback: { ...failedRollback } }),
    event: { type: "closed", merged: true },
    to: "ROLLBACK",
    effects: ["release-lock"],
  },
  ...(["APPLYING", "ROLLBACK"] as const).map((running): Case => ({
    name: `closing in ${running} keeps the lock: the run's result releases it`,
    from: prState(running),
    event: { type: "closed", merged: false },
    to: running,
    effects: [],
  })),
  {
    name: "closing once done does nothing: the lock was released then",
    from: prState("DONE"),
    event: { type: "closed", merged: true },
    to: "DONE",
    effects: [],
  },
];

describe("transition: the table", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = transition(c.from, c.event, { ...ctx, now: c.now ?? ctx.now, policy: c.policy ?? policy });
    expect(result.state.state).toBe(c.to);
    if (c.effects) expect(types(result.effects)).toEqual(c.effects);
    if (c.reply !== undefined) {
      const replies = result.effects
        .filter((e): e is Extract<Effect, { type: "reply" }> => e.type === "reply")
        .map((e) => e.body);
      expect(replies).toContainEqual(c.reply);
    }
    if (c.patch) expect(c.patch(result.state)).toEqual(c.expected);
  });

  it("ignores a redelivered approval comment", () => {
    const first = transition(
      prState("WAIT_FOR_APPROVE"),
      { type: "approve", ...request({ actor: actor({ login: "dave", permission: "read" }) }) },
      ctx,
    );
    const again = transition(
      first.state,
      { type: "approve", ...request({ actor: actor({ login: "dave", permission: "read" }) }) },
      ctx,
    );
    expect(again.effects).toEqual([]);
    expect(again.noop).toBe("comment:1 already handled");
  });
});
