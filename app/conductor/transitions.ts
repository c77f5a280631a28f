import { approvalsMet, mayAct } from "./approval-gate.js";
import type { Effect } from "./effects.js";
import type { ConductorEvent } from "./events.js";
import {
  rememberHandled,
  runEventId,
  type PrState,
  type RollbackRecord,
  type RollbackTrigger,
} from "./pr-state.js";
import type { State } from "./states.js";
import {
  accepted,
  minutes,
  moveTo,
  noop,
  refuse,
  short,
  stay,
  type Transition,
  type TransitionContext,
} from "./transition-kit.js";
import { onClosed, onLockKept, onLockReleased, onUnlockRequested } from "./unlock-transitions.js";

/** Who counts as an author of the change for the self-approval rule: the goal's author and editors, and pushers. */
function authorsOf(state: PrState): string[] {
  return [state.goal.author, ...state.goal.editors, ...state.pushers];
}

function rollbackRecord(
  state: PrState,
  ctx: TransitionContext,
  trigger: RollbackTrigger,
  requestedBy: string,
): RollbackRecord {
  const apply = state.apply!;
  return {
    trigger,
    requestedBy,
    triggeredAt: ctx.now,
    fromSha: apply.sha,
    toSha: apply.knownGood,
    breaches: [],
  };
}

/** Dispatches the rollback recorded in the state; the SLA clock already runs from its trigger. */
function dispatchRollback(state: PrState, ctx: TransitionContext): Transition {
  const rb = state.rollback!;
  const target = rb.toSha
    ? `the last known-good revision ${short(rb.toSha)}`
    : "nothing (a first apply: destroy what it created)";
  const { beginWithinMinutes: begin, finishWithinMinutes: finish } = ctx.policy.rollback;
  return moveTo(state, "ROLLBACK", { rollback: { ...rb, dispatchedAt: ctx.now, nonce: ctx.nonce } }, [
    {
      type: "dispatch-apply",
      mode: "rollback",
      sha: rb.fromSha,
      targetSha: rb.toSha,
      nonce: ctx.nonce,
      plan: null,
    },
    {
      type: "reply",
      body: `Rolling back ${short(rb.fromSha)} to ${target} (${rb.trigger}). SLA: begins within ${begin} min, finishes within ${finish} min of the trigger.`,
    },
  ]);
}

function onValidation(
  state: PrState,
  event: Extract<ConductorEvent, { type: "validation-completed" }>,
): Transition {
  const id = runEventId(event.runId);
  if (state.handled.includes(id)) return noop(state, `run ${event.runId} already handled`);
  if (event.sha !== state.headSha)
    return noop(state, `validation of ${short(event.sha)} is stale; head is ${short(state.headSha)}`);
  if (!["VALIDATING", "BLOCKED", "READY_FOR_APPLY", "WAIT_FOR_APPROVE"].includes(state.state)) {
    return noop(state, `validation arrived in ${state.state}`);
  }
  const validation = {
    sha: event.sha,
    ...(event.plan ? { plan: event.plan } : {}),
    verdict: event.verdict,
    reasons: event.reasons,
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    ...(event.figures ? { figures: event.figures } : {}),
    ...(event.section ? { section: event.section } : {}),
  };
  const base = rememberHandled(state, id);
  const audit: Effect = {
    type: "audit",
    action: "validation",
    decision: event.verdict,
    actor: "github",
    sha: event.sha,
    reason:
      event.verdict === "PASS"
        ? `Sentinel passed (run ${event.runId})`
        : (event.reasons[0] ?? "Sentinel failed"),
  };
  if (event.verdict === "PASS") {
    if (state.state === "WAIT_FOR_APPROVE") return stay(base, { validation }, [audit]);
    return moveTo(base, "WAIT_FOR_APPROVE", { validation }, [audit]);
  }
  return moveTo(base, "BLOCKED", { validation, approvals: [] }, [audit]);
}

function onPush(
  state: PrState,
  event: Extract<ConductorEvent, { type: "pushed" }>,
  ctx: TransitionContext,
): Transition {
  const { sha, by } = event;
  if (sha === state.headSha) return noop(state, `head ${short(sha)} unchanged`);
  const pushers =
    by && by !== ctx.appLogin && !state.pushers.some((p) => p.toLowerCase() === by.toLowerCase())
      ? [...state.pushers, by]
      : state.pushers;
  if (state.state === "APPLYING" || state.state === "ROLLBACK") {
    return {
      state: { ...state, headSha: sha, pushers },
      effects: [{ type: "sync-sticky" }],
      noop: `push during ${state.state}; validated after it ends`,
    };
  }
  const voided = state.approvals.length;
  const note: Effect[] =
    voided > 0
      ? [
          {
            type: "reply",
            body: `New commit ${short(sha)}: ${voided} approval${voided === 1 ? "" : "s"} on ${short(state.headSha)} voided. Sentinel re-validates.`,
          },
        ]
      : [];
  const { validation: _dropped, ...rest } = state;
  return moveTo(
    { ...rest, approvals: [] } as PrState,
    "VALIDATING",
    { headSha: sha, approvals: [], pushers },
    note,
  );
}

/** The goal was edited: the App pushed a new design, so approvals are void and Sentinel validates it. */
function onReplanned(state: PrState, event: Extract<ConductorEvent, { type: "replanned" }>): Transition {
  if (state.state === "APPLYING" || state.state === "ROLLBACK")
    return noop(state, `goal re-planned during ${state.state}`);
  if (event.sha === state.headSha && event.goal.hash === state.goal.hash)
    return noop(state, "goal unchanged");
  const { validation: _dropped, ...rest } = state;
  return moveTo(
    { ...rest, approvals: [] } as PrState,
    "VALIDATING",
    { headSha: event.sha, goal: event.goal },
    [],
  );
}

const APPROVE_REFUSALS: Partial<Record<State, (s: PrState) => string>> = {
  PENDING: () => "the plan is not ready yet",
  IN_PROGRESS: () => "the plan is not ready yet",
  VALIDATING: (s) =>
    `Sentinel has not passed ${short(s.headSha)} yet; approve once the Infracrew / Sentinel check succeeds`,
  BLOCKED: (s) =>
    `Sentinel failed ${short(s.headSha)}; fix the findings and push, then approve the new commit`,
  APPLYING: (s) => `${short(s.apply?.sha ?? s.headSha)} is already being applied`,
  ROLLBACK: () => "a rollback is in progress",
  DONE: () => "this plan is already applied; push a change to plan again",
};

function onApprove(
  state: PrState,
  event: Extract<ConductorEvent, { type: "approve" }>,
  ctx: TransitionContext,
): Transition {
  if (state.handled.includes(event.eventId)) return noop(state, `${event.eventId} already handled`);
  const gate = mayAct(event.actor, ctx.policy, "approve");
  if (!gate.allowed) return refuse(state, event, `Approval refused: ${gate.reason}.`);
  const refusal = APPROVE_REFUSALS[state.state];
  if (refusal) return refuse(state, event, `Approval refused: ${refusal(state)}.`);
  const sha = state.headSha;
  if (event.sha !== undefined && event.sha !== sha) {
    return refuse(
      state,
      event,
      `Approval refused: the button was for ${short(event.sha)}, but the head is now ${short(sha)}; approve the new commit once Sentinel passes it.`,
    );
  }
  if (state.validation?.sha !== sha || state.validation.verdict !== "PASS") {
    return refuse(state, event, `Approval refused: Sentinel has not passed ${short(sha)}.`);
  }
  const login = event.actor.login;
  if (state.approvals.some((a) => a.sha === sha && a.login.toLowerCase() === login.toLowerCase())) {
    return refuse(state, event, `@${login} has already approved ${short(sha)}.`);
  }
  const approvals = [...state.approvals, { login, sha, at: ctx.now, via: event.via }];
  const next = rememberHandled({ ...state, approvals }, event.eventId);
  const check = approvalsMet(approvals, sha, authorsOf(state), ctx.policy);
  if (!check.met) {
    return stay(next, {}, [
      ...accepted(state, event, `recorded (${gate.via}); ${check.missing}`),
      { type: "reply", body: `Approval by @${login} recorded on ${short(sha)}; ${check.missing}.` },
    ]);
  }
  return stay(next, { awaitingLock: "apply" }, [
    ...accepted(state, event, `approvals met (${gate.via})`),
    { type: "acquire-lock" },
  ]);
}

function onLockAcquired(
  state: PrState,
  event: Extract<ConductorEvent, { type: "lock-acquired" }>,
  ctx: TransitionContext,
): Transition {
  // A lock taken anew replaces any earlier release by /unlock.
  const { awaitingLock: waiting, unlocked: _released, ...rest } = state;
  const base = rest as PrState;
  if (waiting === "rollback") return dispatchRollback(base, ctx);
  if (waiting !== "apply")
    return { state: base, effects: [{ type: "release-lock" }], noop: "lock taken with nothing waiting" };
  const sha = state.headSha;
  if (event.headSha !== sha) {
    return moveTo({ ...base, approvals: [] }, "VALIDATING", { headSha: event.headSha }, [
      { type: "release-lock" },
      {
        type: "reply",
        body: `The head moved to ${short(event.headSha)} while approving ${short(sha)}; approvals voided, Sentinel re-validates.`,
      },
    ]);
  }
  const plan = state.validation?.sha === sha ? state.validation.plan : undefined;
  if (!plan) {
    return moveTo({ ...base, approvals: [] }, "VALIDATING", {}, [
      { type: "release-lock" },
      {
        type: "reply",
        body: `Sentinel's pass of ${short(sha)} names no saved plan to apply, so nothing is applied; Sentinel re-validates (\`/plan\`), then approve again.`,
      },
      { type: "dispatch-plan", sha, nonce: ctx.nonce },
    ]);
  }
  const approvedBy = state.approvals.filter((a) => a.sha === sha).map((a) => a.login);
  return moveTo(
    base,
    "APPLYING",
    { apply: { sha, approvedBy, dispatchedAt: ctx.now, nonce: ctx.nonce, knownGood: event.appliedSha } },
    [{ type: "dispatch-apply", mode: "apply", sha, targetSha: null, nonce: ctx.nonce, plan }],
  );
}

function onLockHeld(
  state: PrState,
  event: Extract<ConductorEvent, { type: "lock-held" }>,
  prNumber: number,
): Transition {
  if (event.holderPr === prNumber) {
    return {
      state,
      effects: [{ type: "abandon" }],
      noop: "this PR already holds the lock: another delivery is applying",
    };
  }
  const { awaitingLock: waiting, ...rest } = state;
  const retry = waiting === "rollback" ? "Comment `/rollback` again" : "Approve again";
  return stay(rest as PrState, {}, [
    { type: "reply", body: `${event.reason} ${retry} once it is released.` },
  ]);
}

function onApplyCompleted(
  state: PrState,
  event: Extract<ConductorEvent, { type: "apply-completed" }>,
  ctx: TransitionContext,
): Transition {
  const id = runEventId(event.runId);
  if (state.handled.includes(id)) return noop(state, `run ${event.runId} already handled`);
  const result = applyCompleted(state, event, ctx, rememberHandled(state, id));
  if (result.noop) return result;
  const audit: Effect = {
    type: "audit",
    action: `${event.mode} result`,
    decision: event.status,
    actor: "github",
    sha: event.sha,
    reason: `run ${event.runId} of dispatch n-${event.nonce} ended ${event.status}`,
  };
  return { ...result, effects: [audit, ...result.effects] };
}

function applyCompleted(
  state: PrState,
  event: Extract<ConductorEvent, { type: "apply-completed" }>,
  ctx: TransitionContext,
  base: PrState,
): Transition {
  const runLink = event.runUrl ? ` ([run](${event.runUrl}))` : "";
  if (event.mode === "apply") {
    if (state.state !== "APPLYING" || state.apply?.sha !== event.sha || state.apply.nonce !== event.nonce)
      return noop(
        state,
        `apply result for ${short(event.sha)} in ${state.state} is not the awaited dispatch`,
      );
    const apply = {
      ...state.apply,
      finishedAt: ctx.now,
      status: event.status,
      ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    };
    if (event.status === "success") {
      return moveTo({ ...base, apply }, "DONE", {}, [
        { type: "record-applied", sha: event.sha },
        { type: "release-lock" },
        ...(ctx.policy.apply.mergeAfterApply ? [{ type: "merge" } as const] : []),
        { type: "close-goal", summary: event.summary ?? `Applied ${short(event.sha)}${runLink}.` },
      ]);
    }
    const trigger = event.status === "timeout" ? "apply-timeout" : "apply-failed";
    const failed = { ...base, apply };
    const rolled = dispatchRollback(
      { ...failed, rollback: rollbackRecord(failed, ctx, trigger, ctx.appLogin) },
      ctx,
    );
    return {
      state: rolled.state,
      effects: [
        {
          type: "ops-event",
          event: "apply-failed",
          severity: "critical",
          message: `Apply of ${short(event.sha)} on ${state.stack} ended: ${event.status}`,
          details: { sha: event.sha, status: event.status },
        },
        ...rolled.effects,
      ],
    };
  }
  if (state.state !== "ROLLBACK" || !state.rollback || state.rollback.nonce !== event.nonce)
    return noop(state, `rollback result in ${state.state} is not the awaited dispatch`);
  const startedAt = state.rollback.startedAt ?? event.startedAt;
  const rollback: RollbackRecord = {
    ...state.rollback,
    // When its start was not seen (no in_progress webhook), the run's own start judges the begin SLA.
    ...(startedAt ? { startedAt } : {}),
    finishedAt: ctx.now,
    status: event.status === "success" ? "success" : "failure",
  };
  const sla = slaBreaches({ ...base, rollback }, ctx);
  if (event.status !== "success") {
    return stay({ ...sla.state }, {}, [
      ...sla.effects,
      {
        type: "reply",
        body: `Rollback of ${short(state.rollback.fromSha)} failed${runLink}. A person must look: the lock stays held until \`/unlock\`, and \`/rollback\` then runs it again.`,
      },
      {
        type: "ops-event",
        event: "apply-failed",
        severity: "critical",
        message: `Rollback on ${state.stack} failed`,
        details: { sha: state.rollback.fromSha },
      },
    ]);
  }
  const target = state.rollback.toSha
    ? `the known-good revision ${short(state.rollback.toSha)}`
    : "nothing: what the failed first apply created is destroyed";
  return moveTo(sla.state, "DONE", {}, [
    ...sla.effects,
    { type: "record-applied", sha: state.rollback.toSha },
    { type: "release-lock" },
    {
      type: "reply",
      body: `Rolled back to ${target} in ${minutes(state.rollback.triggeredAt, ctx.now).toFixed(1)} min${runLink}.${event.summary ? `\n\n${event.summary}` : ""}`,
    },
  ]);
}

/** SLA breaches that are due and not yet reported. */
function slaBreaches(state: PrState, ctx: TransitionContext): { state: PrState; effects: Effect[] } {
  const rb = state.rollback;
  if (!rb) return { state, effects: [] };
  const { beginWithinMinutes: begin, finishWithinMinutes: finish } = ctx.policy.rollback;
  const due: { phase: "begin" | "finish"; limit: number; elapsed: number }[] = [];
  const beganAt = rb.startedAt ?? (rb.finishedAt ? undefined : ctx.now);
  const begun = beganAt ? minutes(rb.triggeredAt, beganAt) : 0;
  if (!rb.breaches.includes("begin") && begun > begin)
    due.push({ phase: "begin", limit: begin, elapsed: begun });
  const ended = minutes(rb.triggeredAt, rb.finishedAt ?? ctx.now);
  if (!rb.breaches.includes("finish") && ended > finish)
    due.push({ phase: "finish", limit: finish, elapsed: ended });
  if (due.length === 0) return { state, effects: [] };
  const effects: Effect[] = due.flatMap((d) => [
    {
      type: "ops-event",
      event: "sla-breach",
      severity: "critical",
      message: `Rollback on ${state.stack} did not ${d.phase} within ${d.limit} minutes of the trigger`,
      details: { phase: d.phase, limitSeconds: d.limit * 60, elapsedSeconds: Math.round(d.elapsed * 60) },
    } as const,
    {
      type: "reply",
      body: `⚠️ Rollback SLA breached: it did not ${d.phase} within ${d.limit} min of the trigger (${d.elapsed.toFixed(1)} min).`,
    } as const,
  ]);
  return {
    state: { ...state, rollback: { ...rb, breaches: [...rb.breaches, ...due.map((d) => d.phase)] } },
    effects,
  };
}

function onRollbackStarted(
  state: PrState,
  event: Extract<ConductorEvent, { type: "rollback-started" }>,
  ctx: TransitionContext,
): Transition {
  if (
    state.state !== "ROLLBACK" ||
    !state.rollback ||
    state.rollback.startedAt ||
    state.rollback.nonce !== event.nonce
  )
    return noop(state, "rollback start not awaited");
  const started = { ...state, rollback: { ...state.rollback, startedAt: event.at } };
  const sla = slaBreaches(started, { ...ctx, now: event.at });
  return stay(sla.state, {}, sla.effects);
}

function onRollbackRequested(
  state: PrState,
  event: Extract<ConductorEvent, { type: "rollback-requested" }>,
  ctx: TransitionContext,
): Transition {
  if (state.handled.includes(event.eventId)) return noop(state, `${event.eventId} already handled`);
  const gate = mayAct(event.actor, ctx.policy, "roll back");
  if (!gate.allowed) return refuse(state, event, `Rollback refused: ${gate.reason}.`);
  if (state.state === "APPLYING")
    return refuse(
      state,
      event,
      "Rollback refused: the apply is still running; if it fails or times out it rolls back by itself.",
    );
  if (state.state === "ROLLBACK") return retryFailedRollback(state, event, ctx);
  if (state.state !== "DONE" || state.apply?.status !== "success") {
    return refuse(state, event, "Rollback refused: nothing from this pull request has been applied.");
  }
  const next = rememberHandled(state, event.eventId);
  const rollback = rollbackRecord(next, ctx, event.via === "slack" ? "slack" : "command", event.actor.login);
  return stay(next, { rollback, awaitingLock: "rollback" }, [
    ...accepted(state, event, `rollback of ${short(rollback.fromSha)} (${gate.via})`),
    { type: "acquire-lock" },
  ]);
}

/**
 * `/rollback` while in ROLLBACK: refused while the rollback runs. After it failed, a person looks, releases the lock
 * with `/unlock`, and `/rollback` runs it again with a fresh SLA clock; the lock is taken anew, so two retries at once
 * still give one dispatch.
 */
function retryFailedRollback(
  state: PrState,
  event: Extract<ConductorEvent, { type: "rollback-requested" }>,
  ctx: TransitionContext,
): Transition {
  if (state.rollback?.status !== "failure")
    return refuse(state, event, "Rollback refused: a rollback is already in progress.");
  if (!state.unlocked) {
    return refuse(
      state,
      event,
      "Rollback refused: the failed rollback still holds the stack lock. Check what it left, `/unlock`, then `/rollback` runs it again.",
    );
  }
  const next = rememberHandled(state, event.eventId);
  const rollback = rollbackRecord(next, ctx, event.via === "slack" ? "slack" : "command", event.actor.login);
  return stay(next, { rollback, awaitingLock: "rollback" }, [
    ...accepted(state, event, `rollback retried after a failed one`),
    { type: "acquire-lock" },
  ]);
}

function onPlanRequested(
  state: PrState,
  event: Extract<ConductorEvent, { type: "plan-requested" }>,
  ctx: TransitionContext,
): Transition {
  if (state.handled.includes(event.eventId)) return noop(state, `${event.eventId} already handled`);
  const gate = mayAct(event.actor, ctx.policy, "re-plan");
  if (!gate.allowed) return refuse(state, event, `Re-plan refused: ${gate.reason}.`);
  if (state.state === "ROLLBACK" && state.rollback?.status === "failure") {
    return refuse(
      state,
      event,
      "Re-plan refused: the rollback failed. Check what it left, then `/unlock` and `/rollback` to run it again.",
    );
  }
  if (state.state === "APPLYING" || state.state === "ROLLBACK") {
    return refuse(
      state,
      event,
      `Re-plan refused: wait until ${state.state === "APPLYING" ? "the apply" : "the rollback"} ends.`,
    );
  }
  const next = rememberHandled(state, event.eventId);
  const { validation: _v, ...rest } = next;
  return moveTo({ ...rest, approvals: [] } as PrState, "VALIDATING", {}, [
    ...accepted(state, event, `re-plan of ${short(state.headSha)} (${gate.via})`),
    { type: "dispatch-plan", sha: state.headSha, nonce: ctx.nonce },
  ]);
}

function onTick(state: PrState, ctx: TransitionContext): Transition {
  if (
    state.state === "APPLYING" &&
    state.apply &&
    minutes(state.apply.dispatchedAt, ctx.now) > ctx.policy.apply.timeoutMinutes
  ) {
    const timedOut = { ...state, apply: { ...state.apply, status: "timeout" as const, finishedAt: ctx.now } };
    return dispatchRollback(
      { ...timedOut, rollback: rollbackRecord(timedOut, ctx, "apply-timeout", ctx.appLogin) },
      ctx,
    );
  }
  if (state.state === "ROLLBACK" && state.rollback && !state.rollback.finishedAt) {
    const sla = slaBreaches(state, ctx);
    return sla.effects.length > 0 ? stay(sla.state, {}, sla.effects) : noop(state, "rollback within its SLA");
  }
  return noop(state, `nothing due in ${state.state}`);
}

/**
 * The Conductor's transition table: (state, event) → (state, effects). Pure. Illegal, stale and duplicate
 * events are no-ops with a reason, so redelivered or out-of-order webhooks change nothing.
 */
export function transition(
  state: PrState,
  event: ConductorEvent,
  ctx: TransitionContext & { readonly prNumber: number },
): Transition {
  switch (event.type) {
    case "validation-completed":
      return onValidation(state, event);
    case "pushed":
      return onPush(state, event, ctx);
    case "replanned":
      return onReplanned(state, event);
    case "approve":
      return onApprove(state, event, ctx);
    case "lock-acquired":
      return onLockAcquired(state, event, ctx);
    case "lock-held":
      return onLockHeld(state, event, ctx.prNumber);
    case "apply-completed":
      return onApplyCompleted(state, event, ctx);
    case "rollback-started":
      return onRollbackStarted(state, event, ctx);
    case "rollback-requested":
      return onRollbackRequested(state, event, ctx);
    case "plan-requested":
      return onPlanRequested(state, event, ctx);
    case "unlock-requested":
      return onUnlockRequested(state, event, ctx);
    case "lock-released":
      return onLockReleased(state, event, ctx);
    case "lock-kept":
      return onLockKept(state, event);
    case "reply-requested":
      return state.handled.includes(event.eventId)
        ? noop(state, `${event.eventId} already answered`)
        : {
            state: rememberHandled(state, event.eventId),
            effects: [{ type: "reply", body: event.body }, { type: "sync-sticky" }],
          };
    case "tick":
      return onTick(state, ctx);
    case "closed":
      return onClosed(state);
  }
}
