import type { ApplyResult, ArtifactTypes } from "../contracts/generated/index.js";
import { validateArtifact } from "../contracts/validator.js";
import { formatProblem } from "../contracts/problem.js";
import { isoNow, type ConductorDeps } from "../conductor/deps.js";
import { runEvent } from "../conductor/effect-runner.js";
import { NAMES, parseRunName } from "../conductor/names.js";
import { validationFigures } from "../conductor/validation-figures.js";
import { renderCommentSection } from "../render/sentinel/comment-section.js";
import { SENTINEL_CHECK, renderSentinelCheck } from "../render/sentinel-check.js";
import { loadPrContext } from "./load-pr-context.js";

export interface WorkflowRun {
  readonly id: number;
  readonly path: string;
  readonly action: "requested" | "in_progress" | "completed";
  readonly conclusion: string | null;
  readonly headSha: string;
  readonly displayTitle: string;
  readonly htmlUrl: string;
  readonly runStartedAt?: string;
  readonly pullRequests: readonly { readonly number: number }[];
}

type Artifact<T> = { ok: true; value: T } | { ok: false; reason: string };

async function readArtifactJson<K extends "ValidationResult" | "ApplyResult">(
  deps: ConductorDeps,
  run: WorkflowRun,
  kind: K,
  artifactName: string,
  fileName: string,
): Promise<Artifact<ArtifactTypes[K]>> {
  const artifacts = await deps.platform.listRunArtifacts(run.id);
  const artifact = artifacts.find((a) => a.name === artifactName && !a.expired);
  if (!artifact) return { ok: false, reason: `the run uploaded no \`${artifactName}\` artifact` };
  const files = await deps.platform.downloadArtifact(artifact.id);
  const bytes = files.get(fileName);
  if (!bytes) return { ok: false, reason: `the \`${artifactName}\` artifact has no \`${fileName}\`` };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, reason: `\`${fileName}\` is not valid JSON` };
  }
  const checked = validateArtifact(kind, data);
  if (!checked.ok)
    return {
      ok: false,
      reason: `\`${fileName}\` is not a valid ${kind}: ${checked.problems.slice(0, 3).map(formatProblem).join("; ")}`,
    };
  return { ok: true, value: checked.value };
}

async function onPlanRun(deps: ConductorDeps, run: WorkflowRun, prNumber: number): Promise<string> {
  const pr = await deps.platform.getPullRequest(prNumber);
  const loaded = await loadPrContext(deps, pr);
  if (!loaded) return "ignored: not a goal PR";
  const read = await readArtifactJson(
    deps,
    run,
    "ValidationResult",
    NAMES.validationArtifact,
    NAMES.validationFile,
  );
  const sha =
    read.ok && read.value.sha ? read.value.sha : (parseRunName(run.displayTitle).sha ?? run.headSha);
  const verdict = read.ok ? read.value.verdict : "FAIL";
  const reasons = read.ok
    ? read.value.reasons
    : [
        `The plan workflow ended ${run.conclusion ?? "without a conclusion"} and Sentinel's result cannot be read: ${read.reason}. Sentinel never passes what it did not check.`,
      ];
  const output = read.ok
    ? renderSentinelCheck(read.value, run.htmlUrl)
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
  await runEvent(deps, loaded.ctx, loaded.state, {
    type: "validation-completed",
    runId: String(run.id),
    sha,
    verdict,
    reasons,
    runUrl: run.htmlUrl,
    ...(read.ok
      ? {
          figures: validationFigures(read.value),
          section: renderCommentSection(read.value, { checkRunUrl: `${pr.url}/checks` }),
        }
      : {}),
  });
  return `validation ${verdict}`;
}

async function onApplyRun(deps: ConductorDeps, run: WorkflowRun, prNumber: number): Promise<string> {
  const named = parseRunName(run.displayTitle);
  if (run.action !== "completed" && named.mode !== "rollback") return "ignored: apply started";
  const pr = await deps.platform.getPullRequest(prNumber);
  const loaded = await loadPrContext(deps, pr);
  if (!loaded) return "ignored: not a goal PR";
  if (run.action !== "completed") {
    await runEvent(deps, loaded.ctx, loaded.state, {
      type: "rollback-started",
      runId: String(run.id),
      at: run.runStartedAt ?? isoNow(deps),
      runUrl: run.htmlUrl,
    });
    return "rollback started";
  }
  const read = await readArtifactJson(deps, run, "ApplyResult", NAMES.applyArtifact, NAMES.applyFile);
  const mode = read.ok ? read.value.mode : (named.mode ?? "apply");
  const status = read.ok ? read.value.status : run.conclusion === "timed_out" ? "timeout" : "failure";
  const sha =
    mode === "apply"
      ? read.ok
        ? read.value.sha
        : (named.sha ?? run.headSha)
      : (named.sha ?? loaded.state.apply?.sha ?? run.headSha);
  const summary = read.ok
    ? applySummary(read.value)
    : `The apply workflow ended ${run.conclusion ?? "unknown"}: ${read.reason}.`;
  await runEvent(deps, loaded.ctx, loaded.state, {
    type: "apply-completed",
    runId: String(run.id),
    mode,
    sha,
    status,
    runUrl: run.htmlUrl,
    summary,
    ...(read.ok ? { startedAt: read.value.startedAt } : {}),
  });
  return `${mode} ${status}`;
}

function applySummary(result: ApplyResult): string {
  const outputs = Object.entries(result.outputs).map(
    ([name, o]) => `- \`${name}\`: ${o.sensitive ? "(sensitive)" : `\`${JSON.stringify(o.value)}\``}`,
  );
  const retained = (result.retained ?? []).map((r) => `- kept for a person to decide: \`${r}\``);
  return [
    `${result.mode === "apply" ? "Applied" : "Rolled back"} \`${result.sha.slice(0, 7)}\` in ${Math.round(result.durationSeconds)} s (${result.status}).`,
    ...(outputs.length > 0 ? ["", "**Outputs**", ...outputs] : []),
    ...(retained.length > 0 ? ["", ...retained] : []),
  ].join("\n");
}

/** A plan or apply workflow moved: read its artifact (validated against the schema) and tell the Conductor. */
export async function handleWorkflowRun(deps: ConductorDeps, run: WorkflowRun): Promise<string> {
  const file = run.path.split("/").pop() ?? "";
  const prNumber = run.pullRequests[0]?.number ?? parseRunName(run.displayTitle).pr;
  if (file !== NAMES.planWorkflow && file !== NAMES.applyWorkflow)
    return "ignored: not an Infracrew workflow";
  if (prNumber === undefined) {
    deps.log.warn({ run: run.id, title: run.displayTitle }, "Infracrew workflow run names no pull request");
    return "ignored: no pull request";
  }
  if (file === NAMES.planWorkflow)
    return run.action === "completed" ? onPlanRun(deps, run, prNumber) : "ignored: plan started";
  return onApplyRun(deps, run, prNumber);
}
