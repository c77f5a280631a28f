import type { AuditEntry } from "../conductor/audit.js";
import { isoNow } from "../conductor/deps.js";
import type { DispatchRecord } from "../conductor/dispatch-record.js";
import type { Effect } from "../conductor/effects.js";
import type { ConductorEvent } from "../conductor/events.js";
import { NAMES } from "../conductor/names.js";
import { observe } from "../conductor/observations.js";
import type { PrState } from "../conductor/pr-state.js";
import type { State } from "../conductor/states.js";
import { timersFor } from "../conductor/timers.js";
import { transition } from "../conductor/transitions.js";
import type { OpsEvent } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { PullRequest } from "../platform/platform.js";
import type { NewEffect, PrKey, StoreTx } from "../store/store.js";
import { repoName, type ConductorDeps } from "./deps.js";
import { drainEffects } from "./drain-effects.js";
import { takeLock, unlockOnRequest } from "./locks.js";
import { opsEventOf } from "./ops-event.js";
import { forgetView, type ChangedView, type ProjectPayload } from "./projector.js";

/** A goal PR as the Conductor sees it while handling one event. */
export interface PrContext {
  /** The pull request as GitHub answered during this delivery: its head is the one an approval binds to. */
  readonly pr: PullRequest;
  /** The org policy from the default branch. */
  readonly policy: ResolvedOrgPolicy;
  /** Where every dispatch runs. */
  readonly defaultBranch: string;
}

/** Another delivery changed the pull request's state first: the event runs again on the new state. */
export class StateConflict extends Error {}

const MAX_CONFLICTS = 5;

interface Applied {
  readonly before: PrState;
  readonly after: PrState;
  readonly moves: readonly { readonly from: State; readonly to: State }[];
  readonly opsEvents: readonly OpsEvent[];
}

/**
 * Runs one event through the transition table in one transaction of the store: the new state is written with
 * compare-and-swap, the lock and applied history in the same transaction, and every effect on GitHub or Slack goes
 * to the outbox with it. After the commit, this pull request's effects are carried out (the outbox keeps any that
 * fail, for a retry). Returns the state afterwards, or undefined when the store has no such goal PR.
 */
export async function runEvent(
  deps: ConductorDeps,
  ctx: PrContext,
  event: ConductorEvent,
): Promise<PrState | undefined> {
  const key: PrKey = { repo: repoName(deps), pr: ctx.pr.number };
  let applied: Applied | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      applied = await deps.store.transaction((tx) => applyEvent(tx, deps, ctx, key, event));
      break;
    } catch (error) {
      if (!(error instanceof StateConflict) || attempt >= MAX_CONFLICTS) throw error;
      deps.log.info(
        { pr: key.pr, event: event.type, attempt, why: error.message },
        "state changed meanwhile; again",
      );
    }
  }
  if (!applied) return undefined;
  report(deps, key, applied);
  await drainEffects(deps, key);
  return applied.after;
}

function report(deps: ConductorDeps, key: PrKey, applied: Applied): void {
  for (const move of applied.moves) {
    deps.log.info({ pr: key.pr, stack: applied.after.stack, from: move.from, to: move.to }, "transition");
    deps.observer?.transition(move.from, move.to, applied.after.stack);
  }
  for (const event of applied.opsEvents) {
    deps.log.warn({ opsEvent: event }, event.message);
    deps.observer?.opsEvent(event);
  }
  if (deps.observer) for (const o of observe(applied.before, applied.after)) deps.observer.observed(o);
}

async function applyEvent(
  tx: StoreTx,
  deps: ConductorDeps,
  ctx: PrContext,
  key: PrKey,
  first: ConductorEvent,
): Promise<Applied | undefined> {
  const loaded = await tx.loadPr(key);
  if (!loaded) return undefined;
  const now = deps.clock();
  const at = isoNow(deps);
  let state = loaded.state;
  let shown = false;
  const queue: ConductorEvent[] = [first];
  const outbox: NewEffect[] = [];
  const moves: { from: State; to: State }[] = [];
  const opsEvents: OpsEvent[] = [];
  const push = (kind: string, payload: unknown) =>
    outbox.push({
      key: `${key.repo}#${key.pr}@${loaded.version}:${outbox.length}`,
      repo: key.repo,
      pr: key.pr,
      kind,
      payload,
    });
  const audit = (entry: Omit<AuditEntry, "at" | "repo" | "pr">) =>
    tx.audit({ at, repo: key.repo, pr: key.pr, ...entry });

  while (queue.length > 0) {
    const event = queue.shift()!;
    const from = state.state;
    const result = transition(state, event, {
      now: at,
      policy: ctx.policy,
      appLogin: deps.appLogin,
      prNumber: key.pr,
      nonce: deps.nonce(),
    });
    if (result.noop)
      deps.log.info(
        { pr: key.pr, stack: state.stack, event: event.type, state: from },
        `no-op: ${result.noop}`,
      );
    state = result.state;
    if (from !== state.state) moves.push({ from, to: state.state });
    for (const effect of result.effects) {
      const next = await carryOut(effect);
      if (next) queue.push(next);
    }
  }

  async function carryOut(effect: Effect): Promise<ConductorEvent | undefined> {
    switch (effect.type) {
      case "set-label":
      case "sync-sticky":
      case "sync-conductor-check":
      case "sync-slack":
        shown = true;
        return undefined;
      case "abandon":
        throw new StateConflict(
          "this pull request already holds the stack lock: another delivery is applying",
        );
      case "reply":
        push("comment", { issue: key.pr, body: effect.body });
        return undefined;
      case "react":
        push("react", { commentId: effect.commentId });
        return undefined;
      case "acquire-lock":
        return takeLock(tx, key, state, ctx, now);
      case "release-lock":
        if (await tx.releaseLock(key.repo, state.stack, key.pr))
          deps.log.info({ pr: key.pr, stack: state.stack }, "lock released");
        return undefined;
      case "unlock":
        return unlockOnRequest(tx, key, state, effect.by, ctx.pr.url);
      case "dispatch-apply":
      case "dispatch-plan": {
        const record = dispatchRecord(key, state, ctx, effect, at);
        await tx.insertDispatch(record);
        push("dispatch", { nonce: record.nonce });
        await audit({
          actor: deps.appLogin,
          action: `dispatch ${record.mode}`,
          decision: "dispatched",
          sha: record.sha,
          reason: dispatchReason(record),
          details: { nonce: record.nonce, workflow: record.workflow, ref: record.ref },
        });
        return undefined;
      }
      case "record-applied":
        await tx.recordApplied(key.repo, state.stack, effect.sha, key.pr, now);
        return undefined;
      case "merge":
        push("merge", { sha: state.apply?.sha ?? state.headSha });
        return undefined;
      case "close-goal":
        push("close-goal", { issue: state.goal.issue, summary: effect.summary, pr: ctx.pr });
        return undefined;
      case "ops-event": {
        const event = opsEventOf(deps, key, state, effect, at);
        opsEvents.push(event);
        await audit({
          actor: deps.appLogin,
          action: effect.event,
          decision: effect.severity,
          sha: state.apply?.sha ?? state.headSha,
          reason: effect.message,
        });
        return undefined;
      }
      case "audit":
        await audit({
          actor: effect.actor,
          action: effect.action,
          decision: effect.decision,
          sha: effect.sha,
          reason: effect.reason,
        });
        return undefined;
    }
  }

  const changed = state !== loaded.state;
  if (changed && !(await tx.savePr(key, loaded.version, state, now)))
    throw new StateConflict(`version ${loaded.version} of ${key.repo}#${key.pr} is gone`);
  if (changed) await tx.setTimers(key, timersFor(state, ctx.policy, now));
  if (shown) push("project", { pr: ctx.pr, policy: ctx.policy } satisfies ProjectPayload);
  if (outbox.length > 0) {
    if (!changed && !(await tx.savePr(key, loaded.version, state, now)))
      throw new StateConflict(`version ${loaded.version} of ${key.repo}#${key.pr} is gone`);
    await tx.enqueueEffects(outbox, now);
  }
  return { before: loaded.state, after: state, moves, opsEvents };
}

function dispatchRecord(
  key: PrKey,
  state: PrState,
  ctx: PrContext,
  effect: Extract<Effect, { type: "dispatch-apply" | "dispatch-plan" }>,
  at: string,
): DispatchRecord {
  const apply = effect.type === "dispatch-apply";
  return {
    nonce: effect.nonce,
    repo: key.repo,
    pr: key.pr,
    stack: state.stack,
    workflow: apply ? NAMES.applyWorkflow : NAMES.planWorkflow,
    mode: apply ? effect.mode : "plan",
    sha: effect.sha,
    targetSha: apply ? effect.targetSha : null,
    plan: apply ? effect.plan : null,
    ref: ctx.defaultBranch,
    createdAt: at,
    runId: null,
    gate: null,
  };
}

function dispatchReason(record: DispatchRecord): string {
  const short = record.sha.slice(0, 7);
  if (record.mode === "plan") return `re-plan of ${short} on ${record.ref}`;
  if (record.mode === "apply")
    return `apply of ${short} with the saved plan of run ${record.plan?.runId ?? "?"} (sha256 ${record.plan?.sha256.slice(0, 12) ?? "?"}…)`;
  return `rollback of ${short} to ${record.targetSha ? record.targetSha.slice(0, 7) : "nothing (destroy what the first apply created)"}`;
}

/**
 * A goal's new pull request enters the store, with its goal record, in one transaction; its views (label, check,
 * sticky comment) are written from it. False when the store had it already (a redelivery).
 */
export async function startPr(
  deps: ConductorDeps,
  ctx: PrContext,
  state: PrState,
  goal: { readonly name: string; readonly editors: readonly string[]; readonly cidrs?: readonly string[] },
): Promise<boolean> {
  const key: PrKey = { repo: repoName(deps), pr: ctx.pr.number };
  const now = deps.clock();
  const created = await deps.store.transaction(async (tx) => {
    await tx.saveGoal(
      {
        repo: key.repo,
        issue: state.goal.issue,
        name: goal.name,
        hash: state.goal.hash,
        author: state.goal.author,
        editors: goal.editors,
        budgetUsd: state.goal.budgetUsd,
        pr: key.pr,
        ...(goal.cidrs ? { cidrs: goal.cidrs } : {}),
      },
      now,
    );
    if (!(await tx.createPr(key, state, now))) return false;
    await tx.audit({
      at: isoNow(deps),
      repo: key.repo,
      pr: key.pr,
      actor: state.goal.author,
      action: "goal",
      decision: "planned",
      sha: state.headSha,
      reason: `goal #${state.goal.issue} designed by Atlas and written by Forge`,
    });
    await tx.enqueueEffects(
      [
        {
          key: `${key.repo}#${key.pr}@0:project`,
          repo: key.repo,
          pr: key.pr,
          kind: "project",
          payload: { pr: ctx.pr, policy: ctx.policy } satisfies ProjectPayload,
        },
      ],
      now,
    );
    return true;
  });
  if (created) deps.observer?.transition("PENDING", state.state, state.stack);
  await drainEffects(deps, key);
  return created;
}

/**
 * Writes a pull request's views again from the store after a person changed one of them (edited or deleted the
 * sticky comment, removed the state label): what was written of that view is forgotten, then projected.
 */
export async function reproject(deps: ConductorDeps, ctx: PrContext, view: ChangedView): Promise<void> {
  const key: PrKey = { repo: repoName(deps), pr: ctx.pr.number };
  await forgetView(deps, key, view);
  await deps.store.read.enqueueEffects(
    [
      {
        key: `${key.repo}#${key.pr}:restore:${view}:${deps.clock().toISOString()}:${deps.nonce()}`,
        repo: key.repo,
        pr: key.pr,
        kind: "project",
        payload: { pr: ctx.pr, policy: ctx.policy } satisfies ProjectPayload,
      },
    ],
    deps.clock(),
  );
  await drainEffects(deps, key);
}
