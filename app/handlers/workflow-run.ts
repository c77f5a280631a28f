import type { DispatchRecord } from "../conductor/dispatch-record.js";
import { isoNow } from "../conductor/deps.js";
import { NAMES } from "../conductor/names.js";
import { runEventId } from "../conductor/pr-state.js";
import {
  APPLY_WORKFLOW_PATH,
  judgeApplyRun,
  judgePlanRun,
  nonceFromTitle,
  PLAN_WORKFLOW_PATH,
} from "../conductor/run-trust.js";
import { validationFigures } from "../conductor/validation-figures.js";
import type { WorkflowRunInfo } from "../platform/platform.js";
import { renderCommentSection } from "../render/sentinel/comment-section.js";
import { SENTINEL_CHECK, limitValidation, renderSentinelCheck } from "../render/sentinel-check.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import { runEvent } from "../runtime/run-event.js";
import { applySummary, readRunArtifact } from "./run-artifacts.js";
import { defaultBranchOf, loadPrContext } from "./load-pr-context.js";
import { judgeOnTheApp } from "./plan-checks.js";

/** What the webhook said besides the run: its repository (GitHub's word) and default branch. */
export interface RunEventContext {
  readonly action: "requested" | "in_progress" | "completed";
  readonly repositoryId: number;
  readonly defaultBranch?: string;
}

/**
 * A plan or apply workflow moved. Its result counts only when the run is bound to what the store recorded: a plan
 * from a `pull_request` run of this repository at the PR head the store knows (or a `/plan` run the App dispatched),
 * an apply or rollback from a run the App dispatched. Any other run is ignored, and the audit log says why.
 */
export async function handleWorkflowRun(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  context: RunEventContext,
): Promise<string> {
  if (run.path === PLAN_WORKFLOW_PATH)
    return context.action === "completed" ? onPlanRun(deps, run, context) : "ignored: plan started";
  if (run.path === APPLY_WORKFLOW_PATH) return onApplyRun(deps, run, context);
  return "ignored: not an Infracrew workflow";
}

/** The dispatch a run belongs to: by the run id the App recorded, else by the nonce its title names. */
async function dispatchOf(deps: ConductorDeps, run: WorkflowRunInfo): Promise<DispatchRecord | undefined> {
  if (run.event !== "workflow_dispatch") return undefined;
  const byRun = await deps.store.read.dispatchByRun(repoName(deps), run.id);
  if (byRun) return byRun;
  const nonce = nonceFromTitle(run.displayTitle);
  const record = nonce ? await deps.store.read.getDispatch(nonce) : undefined;
  return record?.repo === repoName(deps) ? record : undefined;
}

async function ignore(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  pr: number | null,
  action: string,
  reason: string,
): Promise<string> {
  deps.log.warn({ run: run.id, pr, by: run.triggeringActor, reason }, `${action} ignored: untrusted run`);
  await deps.store.read.audit({
    at: isoNow(deps),
    repo: repoName(deps),
    pr,
    actor: run.triggeringActor || "github",
    action,
    decision: "ignored",
    sha: run.headSha,
    reason,
    details: { runId: run.id, event: run.event, branch: run.headBranch },
  });
  return `ignored: ${reason}`;
}

async function onPlanRun(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  context: RunEventContext,
): Promise<string> {
  const record = await dispatchOf(deps, run);
  const prNumber = record?.pr ?? run.pullRequests[0]?.number;
  if (prNumber === undefined)
    return ignore(deps, run, null, "plan result", `run ${run.id} names no pull request the App planned`);
  const pr = await deps.platform.getPullRequest(prNumber);
  const loaded = await loadPrContext(deps, pr, context.defaultBranch);
  if (!loaded) return "ignored: not a goal PR";
  const { ctx, state } = loaded;
  if (state.handled.includes(runEventId(run.id))) return `ignored: run ${run.id} already handled`;
  const trust = judgePlanRun(run, {
    repositoryId: context.repositoryId,
    repository: repoName(deps),
    prNumber,
    headSha: state.headSha,
    record,
    appLogin: deps.appLogin,
    defaultBranch: ctx.defaultBranch,
  });
  if (!trust.trusted) return ignore(deps, run, prNumber, "plan result", trust.reason);

  const sha = record?.sha ?? run.headSha;
  const artifacts = await deps.platform.listRunArtifacts(run.id);
  const read = await readRunArtifact(
    deps,
    artifacts,
    "ValidationResult",
    NAMES.validationArtifact,
    NAMES.validationFile,
  );
  const judged = read.ok
    ? await judgeOnTheApp(deps, {
        result: read.value,
        sha,
        state,
        policy: ctx.policy,
        pr: prNumber,
        runId: run.id,
        artifacts,
      })
    : undefined;
  const result = judged?.result;
  const verdict = result?.verdict ?? "FAIL";
  // What the state keeps is capped (reasons, each reason's length); the check run renders the whole result.
  const reasons = result
    ? limitValidation(result, { runUrl: run.htmlUrl }).reasons
    : [
        `The plan workflow ended ${run.conclusion ?? "without a conclusion"} and Sentinel's result cannot be read: ${read.ok ? "" : read.reason}. Sentinel never passes what it did not check.`,
      ];
  const output = result
    ? renderSentinelCheck(result, run.htmlUrl)
    : {
        status: "completed" as const,
        conclusion: "failure" as const,
        title: "Sentinel could not validate",
        summary: reasons.join("\n"),
      };
  await deps.platform.upsertCheckRun({
    name: SENTINEL_CHECK,
    headSha: sha,
    ...output,
    detailsUrl: run.htmlUrl,
  });
  if (read.ok) deps.observer?.agentSucceeded("sentinel");
  await runEvent(deps, ctx, {
    type: "validation-completed",
    runId: String(run.id),
    sha,
    verdict,
    reasons,
    runUrl: run.htmlUrl,
    ...(judged?.plan ? { plan: judged.plan } : {}),
    ...(result
      ? {
          figures: validationFigures(result),
          section: renderCommentSection(result, { checkRunUrl: `${ctx.pr.url}/checks` }),
        }
      : {}),
  });
  return `validation ${verdict}`;
}

async function onApplyRun(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  context: RunEventContext,
): Promise<string> {
  const record = await dispatchOf(deps, run);
  const defaultBranch = context.defaultBranch ?? (await defaultBranchOf(deps));
  const trust = judgeApplyRun(run, record, {
    appLogin: deps.appLogin,
    defaultBranch,
    repository: repoName(deps),
  });
  if (!trust.trusted || !record)
    return ignore(
      deps,
      run,
      record?.pr ?? null,
      "apply result",
      trust.trusted ? "no dispatch record" : trust.reason,
    );
  return applyRunMoved(deps, run, record, context.action, context.defaultBranch);
}

/**
 * A run the App dispatched for an apply or rollback moved (a webhook said so, or the reconciler asked GitHub): a
 * rollback that began starts its SLA clock; a finished run's ApplyResult is read and judged against the record.
 */
export async function applyRunMoved(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  record: DispatchRecord,
  action: RunEventContext["action"],
  defaultBranch?: string,
): Promise<string> {
  if (record.runId === null) await deps.store.read.setDispatchRun(record.nonce, run.id);
  if (action !== "completed" && record.mode !== "rollback") return "ignored: apply started";
  const pr = await deps.platform.getPullRequest(record.pr);
  const loaded = await loadPrContext(deps, pr, defaultBranch);
  if (!loaded) return "ignored: not a goal PR";
  if (action !== "completed") {
    await runEvent(deps, loaded.ctx, {
      type: "rollback-started",
      runId: String(run.id),
      nonce: record.nonce,
      at: run.runStartedAt ?? isoNow(deps),
      runUrl: run.htmlUrl,
    });
    return "rollback started";
  }
  if (loaded.state.handled.includes(runEventId(run.id))) return `ignored: run ${run.id} already handled`;
  const outcome = await applyOutcome(deps, run, record);
  await runEvent(deps, loaded.ctx, {
    type: "apply-completed",
    runId: String(run.id),
    nonce: record.nonce,
    mode: record.mode === "rollback" ? "rollback" : "apply",
    sha: record.sha,
    runUrl: run.htmlUrl,
    ...outcome,
  });
  return `${record.mode} ${outcome.status}`;
}

/** What the run's ApplyResult says, checked against the dispatch: a result about another commit is a failure. */
async function applyOutcome(
  deps: ConductorDeps,
  run: WorkflowRunInfo,
  record: DispatchRecord,
): Promise<{ status: "success" | "failure" | "timeout"; summary: string; startedAt?: string }> {
  const artifacts = await deps.platform.listRunArtifacts(run.id);
  const read = await readRunArtifact(deps, artifacts, "ApplyResult", NAMES.applyArtifact, NAMES.applyFile);
  if (!read.ok) {
    return {
      status: run.conclusion === "timed_out" ? "timeout" : "failure",
      summary: `The apply workflow ended ${run.conclusion ?? "unknown"}: ${read.reason}.`,
    };
  }
  const result = read.value;
  const expected = record.mode === "rollback" ? (record.targetSha ?? record.sha) : record.sha;
  if (result.mode !== record.mode || result.sha !== expected) {
    return {
      status: "failure",
      summary: `The run's ApplyResult is a ${result.mode} of ${result.sha.slice(0, 7)}, not the dispatched ${record.mode} of ${expected.slice(0, 7)}: it is not believed.`,
    };
  }
  return { status: result.status, summary: applySummary(result), startedAt: result.startedAt };
}
