import { mayAct } from "./approval-gate.js";
import type { ConductorEvent } from "./events.js";
import { rememberHandled, type PrState } from "./pr-state.js";
import { accepted, noop, refuse, stay, type Transition, type TransitionContext } from "./transition-kit.js";

/** An apply or rollback workflow is running: it holds the stack lock until its result arrives. */
function runningWorkflow(state: PrState): "apply" | "rollback" | undefined {
  if (state.state === "APPLYING") return "apply";
  if (state.state === "ROLLBACK" && !state.rollback?.finishedAt) return "rollback";
  return undefined;
}

/** `/unlock`: a person with the gate's permission releases the lock, unless a workflow of this PR still runs. */
export function onUnlockRequested(
  state: PrState,
  event: Extract<ConductorEvent, { type: "unlock-requested" }>,
  ctx: TransitionContext,
): Transition {
  if (state.handled.includes(event.eventId)) return noop(state, `${event.eventId} already handled`);
  const gate = mayAct(event.actor, ctx.policy, "unlock");
  if (!gate.allowed) return refuse(state, event, `Unlock refused: ${gate.reason}.`);
  const running = runningWorkflow(state);
  if (running) return refuse(state, event, `Unlock refused: the ${running} is still running.`);
  const next = rememberHandled(state, event.eventId);
  return {
    state: next,
    effects: [...accepted(state, event, `unlock (${gate.via})`), { type: "unlock", by: event.actor.login }],
  };
}

/** The lock was released on a person's request: the sticky comment, the Conductor check and Slack say so. */
export function onLockReleased(
  state: PrState,
  event: Extract<ConductorEvent, { type: "lock-released" }>,
  ctx: TransitionContext,
): Transition {
  return stay(state, { unlocked: { by: event.by, at: ctx.now } }, []);
}

/** Nothing was released: the person is told why. */
export function onLockKept(
  state: PrState,
  event: Extract<ConductorEvent, { type: "lock-kept" }>,
): Transition {
  return { state, effects: [{ type: "reply", body: event.reason }, { type: "sync-sticky" }] };
}

/** A closed PR (merged or not) releases the lock it holds, unless its workflow still runs and its result will. */
export function onClosed(state: PrState): Transition {
  if (state.state === "DONE") return noop(state, "closed when done: the lock was released then");
  const running = runningWorkflow(state);
  if (running) return noop(state, `closed while the ${running} runs: its result releases the lock`);
  return { state: { ...state, closed: true }, effects: [{ type: "release-lock" }] };
}
