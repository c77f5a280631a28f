import type { OpsEvent } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { artifactId } from "../contracts/canonical.js";
import { validateArtifact } from "../contracts/validator.js";
import type { Comment, PullRequest } from "../platform/platform.js";
import { readApplied, recordApplied, tryLock, unlock, unlockOnRequest } from "../platform/stack-lock.js";
import { CONDUCTOR_CHECK, renderConductorCheck } from "../render/conductor-check.js";
import { renderGoalDone } from "../render/goal-comment.js";
import { MARKERS } from "../render/markers.js";
import { renderSticky } from "../render/sticky-comment.js";
import { isoNow, type ConductorDeps } from "./deps.js";
import type { Effect } from "./effects.js";
import type { ConductorEvent } from "./events.js";
import { NAMES, applyDispatchInputs, planDispatchInputs, provisionalNonce } from "./names.js";
import { observe } from "./observations.js";
import type { MessageRef, PrState } from "./pr-state.js";
import { withStateLabel } from "./states.js";
import { transition } from "./transitions.js";

/** A goal PR as the Conductor sees it while handling one event. */
export interface PrContext {
  readonly pr: PullRequest;
  readonly policy: ResolvedOrgPolicy;
  /** The sticky comment, when it was already read (saves a look-up). */
  readonly sticky?: Comment;
}

type Deferred = "sync-sticky" | "sync-conductor-check" | "sync-slack";

function opsEvent(
  deps: ConductorDeps,
  ctx: PrContext,
  state: PrState,
  effect: Extract<Effect, { type: "ops-event" }>,
): OpsEvent {
  const { owner, repo } = deps.platform.repo;
  const createdAt = isoNow(deps);
  const body = {
    type: effect.event,
    severity: effect.severity,
    repo: `${owner}/${repo}`,
    pr: ctx.pr.number,
    stack: state.stack,
    message: effect.message,
    details: effect.details,
  };
  return {
    schemaVersion: "0.1",
    kind: "OpsEvent",
    id: artifactId(`ops-${state.stack}`, { ...body, createdAt }),
    createdAt,
    goalRef: {
      name: state.stack,
      hash: state.goal.hash,
      issue: { repo: `${owner}/${repo}`, number: state.goal.issue },
    },
    ...body,
  };
}

/**
 * Runs one event through the transition table and carries out the effects on the platform. Effects that learn
 * something (the lock) feed an event back in. Slack, the Conductor check and the sticky comment are written once,
 * at the end, from the final state: Slack first (waited on for a few seconds at most), then the check, so the sticky
 * comment keeps where the message lives and the check's id. What the event measurably changed goes to the observer last. Returns the final state.
 */
export async function runEvent(
  deps: ConductorDeps,
  ctx: PrContext,
  initial: PrState,
  event: ConductorEvent,
): Promise<PrState> {
  const { platform, log } = deps;
  const pr = ctx.pr;
  let state = initial;
  const queue: ConductorEvent[] = [event];
  const deferred = new Set<Deferred>();
  let abandoned = false;

  while (queue.length > 0) {
    const next = queue.shift()!;
    const before = state.state;
    const result = transition(state, next, {
      now: isoNow(deps),
      policy: ctx.policy,
      appLogin: deps.appLogin,
      prNumber: pr.number,
    });
    if (result.noop)
      log.info(
        { pr: pr.number, stack: state.stack, event: next.type, state: state.state },
        `no-op: ${result.noop}`,
      );
    state = result.state;
    if (before !== state.state) {
      log.info(
        { pr: pr.number, stack: state.stack, event: next.type, from: before, to: state.state },
        "transition",
      );
      deps.observer?.transition(before, state.state, state.stack);
    }
    for (const effect of result.effects) {
      switch (effect.type) {
        case "sync-sticky":
        case "sync-conductor-check":
        case "sync-slack":
          deferred.add(effect.type);
          break;
        case "abandon":
          abandoned = true;
          break;
        case "set-label":
          await platform.setLabels(pr.number, withStateLabel(pr.labels, effect.state));
          break;
        case "reply":
          await platform.createComment(pr.number, effect.body);
          break;
        case "react":
          await platform.addReaction(effect.commentId, "eyes");
          break;
        case "acquire-lock": {
          const lock = await tryLock(platform, state.stack, {
            number: pr.number,
            headSha: state.headSha,
            url: pr.url,
          });
          if (lock.acquired && state.awaitingLock === "rollback") {
            // A rollback's target was fixed when it was asked for: no head or applied revision to re-read.
            queue.push({ type: "lock-acquired", headSha: state.headSha, appliedSha: null });
          } else if (lock.acquired) {
            const [fresh, applied] = await Promise.all([
              platform.getPullRequest(pr.number),
              readApplied(platform, state.stack),
            ]);
            queue.push({ type: "lock-acquired", headSha: fresh.headSha, appliedSha: applied ?? null });
          } else {
            queue.push({ type: "lock-held", holderPr: lock.holderPr, reason: lock.reason });
          }
          break;
        }
        case "release-lock":
          if (await unlock(platform, state.stack, { number: pr.number, headSha: state.headSha }))
            log.info({ pr: pr.number, stack: state.stack }, "lock released");
          break;
        case "unlock": {
          const outcome = await unlockOnRequest(platform, state.stack, {
            number: pr.number,
            headSha: state.headSha,
          });
          if (outcome.released) log.info({ pr: pr.number, stack: state.stack }, "lock released on request");
          queue.push(
            outcome.released
              ? { type: "lock-released", by: effect.by }
              : { type: "lock-kept", reason: outcome.reason },
          );
          break;
        }
        case "dispatch-apply": {
          const targetSha = effect.mode === "rollback" ? effect.knownGood : null;
          const repo = `${platform.repo.owner}/${platform.repo.repo}`;
          const nonce = provisionalNonce({
            repo,
            pr: pr.number,
            workflow: NAMES.applyWorkflow,
            mode: effect.mode,
            sha: effect.sha,
            targetSha,
          });
          // The approved plan (run, artifact, sha256) is not recorded yet: an apply dispatched without it is refused
          // by forge-apply until the state of record passes it (issue 12).
          await platform.dispatchWorkflow(
            NAMES.applyWorkflow,
            pr.baseRef,
            applyDispatchInputs({
              pr: pr.number,
              stack: state.stack,
              mode: effect.mode,
              sha: effect.sha,
              targetSha,
              nonce,
              plan: null,
            }),
          );
          break;
        }
        case "dispatch-plan": {
          const repo = `${platform.repo.owner}/${platform.repo.repo}`;
          const nonce = provisionalNonce({
            repo,
            pr: pr.number,
            workflow: NAMES.planWorkflow,
            mode: "plan",
            sha: effect.sha,
          });
          await platform.dispatchWorkflow(
            NAMES.planWorkflow,
            pr.baseRef,
            planDispatchInputs({ pr: pr.number, sha: effect.sha, stack: state.stack, nonce }),
          );
          break;
        }
        case "record-applied":
          await recordApplied(platform, state.stack, effect.sha);
          break;
        case "merge": {
          const merged = await platform.mergePullRequest(
            pr.number,
            state.apply?.sha ?? state.headSha,
            "squash",
          );
          if (!merged.merged)
            await platform.createComment(pr.number, `Applied, but not merged: ${merged.message}`);
          break;
        }
        case "close-goal":
          await platform.ensureComment(state.goal.issue, MARKERS.goal, renderGoalDone(effect.summary, pr));
          await platform.closeIssue(state.goal.issue, "completed");
          break;
        case "ops-event": {
          const event = opsEvent(deps, ctx, state, effect);
          const checked = validateArtifact("OpsEvent", event);
          if (!checked.ok)
            throw new Error(`internal: OpsEvent does not validate: ${JSON.stringify(checked.problems)}`);
          log.warn({ opsEvent: event }, effect.message);
          deps.observer?.opsEvent(event);
          break;
        }
      }
    }
  }

  if (abandoned) {
    log.info({ pr: pr.number, stack: state.stack }, "abandoned: another delivery is handling this PR");
    return initial;
  }
  if (deferred.has("sync-slack")) {
    const ref = await syncNotifier(deps, ctx, state);
    if (ref && (ref.channel !== state.slack?.channel || ref.ts !== state.slack?.ts)) {
      state = { ...state, slack: ref };
      deferred.add("sync-sticky");
    }
  }
  // The check goes before the sticky comment, so the sticky keeps the check's id and the next step skips its look-up.
  if (deferred.has("sync-conductor-check")) {
    const check = renderConductorCheck(state, ctx.policy);
    const known = state.conductorCheck?.sha === state.headSha ? state.conductorCheck.id : undefined;
    const id = await platform.upsertCheckRun({
      name: CONDUCTOR_CHECK,
      headSha: state.headSha,
      status: check.status,
      ...(check.conclusion ? { conclusion: check.conclusion } : {}),
      title: check.title,
      summary: check.summary,
      actions: check.actions,
      detailsUrl: pr.url,
      ...(known === undefined ? {} : { knownId: known }),
    });
    if (id !== known) {
      state = { ...state, conductorCheck: { sha: state.headSha, id } };
      deferred.add("sync-sticky");
    }
  }
  if (deferred.has("sync-sticky"))
    await platform.ensureComment(pr.number, MARKERS.sticky, renderSticky(state, ctx.policy), ctx.sticky);
  if (deps.observer) for (const observation of observe(initial, state)) deps.observer.observed(observation);
  return state;
}

const NOTIFIER_TIMEOUT_MS = 3000;

/**
 * Tells the notifier (Slack) about the final state, waiting at most a few seconds: GitHub never waits long on
 * Slack, and a Slack failure is logged, never thrown. Returns where the message lives, to keep in the state.
 */
async function syncNotifier(
  deps: ConductorDeps,
  ctx: PrContext,
  state: PrState,
): Promise<MessageRef | undefined> {
  if (!deps.notifier) return undefined;
  const { owner, repo } = deps.platform.repo;
  const details = { pr: ctx.pr.number, stack: state.stack };
  const timeoutMs = deps.notifierTimeoutMs ?? NOTIFIER_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const sync = deps.notifier.sync({ repo: `${owner}/${repo}`, pr: ctx.pr, state, policy: ctx.policy });
    const result = await Promise.race([sync, timeout]);
    if (result !== "timeout") return result;
    deps.log.warn({ ...details, timeoutMs }, "Slack sync timed out; GitHub flow goes on");
  } catch (error) {
    deps.log.error(
      { ...details, err: error instanceof Error ? error.message : String(error) },
      "Slack sync failed; GitHub flow goes on",
    );
  } finally {
    clearTimeout(timer);
  }
  return undefined;
}
