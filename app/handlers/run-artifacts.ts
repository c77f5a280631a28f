import type { ApplyResult, ArtifactTypes } from "../contracts/generated/index.js";
import { formatProblem } from "../contracts/problem.js";
import { validateArtifact } from "../contracts/validator.js";
import type { WorkflowArtifact } from "../platform/platform.js";
import type { ConductorDeps } from "../runtime/deps.js";

export type ArtifactRead<T> = { ok: true; value: T; artifactId: number } | { ok: false; reason: string };

/** Reads a JSON artifact of a run, validated against its schema; what is wrong with it is a sentence. */
export async function readRunArtifact<K extends "ValidationResult" | "ApplyResult">(
  deps: ConductorDeps,
  artifacts: readonly WorkflowArtifact[],
  kind: K,
  artifactName: string,
  fileName: string,
): Promise<ArtifactRead<ArtifactTypes[K]>> {
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
  return { ok: true, value: checked.value, artifactId: artifact.id };
}

/** What an ApplyResult says, for the pull request: the outcome, the outputs (sensitive ones hidden), what was kept. */
export function applySummary(result: ApplyResult): string {
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
