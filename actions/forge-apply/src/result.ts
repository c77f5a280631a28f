/** The ApplyResult of a run: its status, timing and outputs, checked against the contract. */
import { artifactId } from "../../../app/contracts/canonical.js";
import type { ApplyResult, PlanSpec } from "../../../app/contracts/generated/index.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { problemsText } from "../../forge-common/src/stack.js";
import type { ApplyInputs, ApplyOutcome } from "./main.js";

export interface Timing {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly durationMs: number;
}

export function statusOf(outcome: ApplyOutcome): ApplyResult["status"] {
  if (!outcome.failure) return "success";
  return outcome.failure.phase === "timeout" ? "timeout" : "failure";
}

export function applyResult(
  inputs: ApplyInputs,
  spec: PlanSpec,
  outcome: ApplyOutcome,
  timing: Timing,
  runUrl: string | undefined,
): ApplyResult {
  const body = {
    schemaVersion: "0.1" as const,
    kind: "ApplyResult" as const,
    createdAt: timing.finishedAt.toISOString(),
    goalRef: spec.goalRef,
    ...(inputs.repository ? { repo: inputs.repository } : {}),
    ...(inputs.pr ? { pr: inputs.pr } : {}),
    stack: inputs.stack,
    sha: outcome.sha,
    mode: inputs.mode,
    status: statusOf(outcome),
    startedAt: timing.startedAt.toISOString(),
    finishedAt: timing.finishedAt.toISOString(),
    durationSeconds: Math.round(timing.durationMs / 100) / 10,
    outputs: outcome.outputs ?? {},
    ...(outcome.changes ? { changes: outcome.changes } : {}),
    ...(outcome.destroyed ? { destroyed: [...outcome.destroyed] } : {}),
    ...(outcome.retained ? { retained: [...outcome.retained] } : {}),
    ...(outcome.failure ? { error: { phase: outcome.failure.phase, message: outcome.failure.message } } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
  const result = { ...body, id: artifactId(`applied-${inputs.stack}`, body) };
  const checked = validateArtifact("ApplyResult", result);
  if (!checked.ok) throw new Error(`internal: the ApplyResult is invalid: ${problemsText(checked.problems)}`);
  return checked.value;
}
