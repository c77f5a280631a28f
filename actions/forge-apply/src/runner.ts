/** forge-apply's runner: reads and checks the inputs, runs the pipeline, writes the ApplyResult, catches every error. */
import { formatProblem } from "../../../app/contracts/problem.js";
import {
  internalError,
  POSITIVE,
  readInputs,
  SHA,
  STACK_INPUTS,
  type InputSpec,
} from "../../forge-common/src/inputs.js";
import {
  APPLY_RESULT_ARTIFACT,
  APPLY_RESULT_FILE,
  join,
  problemsText,
  readPlanSpec,
  runUrl,
  writeJson,
} from "../../forge-common/src/stack.js";
import { readKeyInput } from "../../forge-common/src/plan-key-input.js";
import type { Toolkit } from "../../forge-common/src/toolkit.js";
import { applyStack, type ApplyInputs } from "./main.js";
import { applyResult } from "./result.js";

/** Days the ApplyResult artifact is kept: long enough for the Conductor and for an audit of the month. */
const RESULT_RETENTION_DAYS = 30;

export const APPLY_INPUTS = {
  mode: { required: true, oneOf: ["apply", "rollback"] },
  ...STACK_INPUTS,
  "known-good-sha": { ...SHA },
  "max-plan-age-minutes": { default: "1440", ...POSITIVE },
  "plan-run-id": { pattern: /^[1-9][0-9]{0,15}$/, hint: "a workflow run id" },
  "plan-artifact-id": { pattern: /^[1-9][0-9]{0,15}$/, hint: "an artifact id" },
  "plan-sha256": { pattern: /^[0-9a-f]{64}$/, hint: "the sha256 of the plan file, 64 lowercase hex digits" },
} satisfies Record<string, InputSpec>;

const PLAN_IDS = ["plan-run-id", "plan-artifact-id", "plan-sha256"] as const;

/** The approved plan must be named in full for an apply, and not at all for a rollback. */
function planProblem(i: Record<keyof typeof APPLY_INPUTS, string>): string | undefined {
  const given = PLAN_IDS.filter((n) => i[n] !== "");
  if (i.mode === "rollback")
    return given.length > 0 ? `${given.join(", ")}: are for mode apply only` : undefined;
  const missing = PLAN_IDS.filter((n) => i[n] === "");
  return missing.length > 0
    ? `${missing.join(", ")}: required for mode apply (the plan Sentinel passed, as the App dispatched it)`
    : undefined;
}

function toInputs(i: Record<keyof typeof APPLY_INPUTS, string>, planKey?: Buffer): ApplyInputs {
  return {
    mode: i.mode as ApplyInputs["mode"],
    workingDirectory: i["working-directory"],
    stack: i.stack,
    sha: i.sha,
    ...(i["known-good-sha"] ? { knownGoodSha: i["known-good-sha"] } : {}),
    ...(i.pr ? { pr: Number(i.pr) } : {}),
    ...(i.repository ? { repository: i.repository } : {}),
    maxPlanAgeMinutes: Number(i["max-plan-age-minutes"]),
    timeoutMinutes: Number(i["timeout-minutes"]),
    ...(i.mode === "apply" && i["plan-run-id"]
      ? {
          plan: {
            runId: Number(i["plan-run-id"]),
            artifactId: Number(i["plan-artifact-id"]),
            sha256: i["plan-sha256"],
          },
        }
      : {}),
    ...(planKey ? { planKey } : {}),
    ...(i["backend-bucket"] ? { backendBucket: i["backend-bucket"] } : {}),
    ...(i["backend-region"] ? { backendRegion: i["backend-region"] } : {}),
  };
}

export async function run(toolkit: Toolkit): Promise<void> {
  const { core, clock } = toolkit;
  try {
    // The key is read (and masked) first, before anything can be printed; only an apply needs it.
    const key = readKeyInput(core);
    const read = readInputs(core, APPLY_INPUTS);
    if (!read.ok) {
      core.setFailed(`forge-apply: ${read.problems.map(formatProblem).join("; ")}`);
      return;
    }
    if (read.value.mode === "apply" && read.value["known-good-sha"]) {
      core.setFailed("forge-apply: known-good-sha: is for mode rollback only");
      return;
    }
    const plan = planProblem(read.value);
    if (plan) {
      core.setFailed(`forge-apply: ${plan}`);
      return;
    }
    // An apply opens the sealed plan; a rollback plans afresh and needs no key.
    if (read.value.mode === "apply" && !key.ok) {
      core.setFailed(`forge-apply: plan-key: ${key.message}`);
      return;
    }
    const inputs = toInputs(read.value, key.ok && read.value.mode === "apply" ? key.key : undefined);
    const startedAt = clock.now();
    const start = clock.monotonicMs();
    const spec = await readPlanSpec(toolkit, inputs.workingDirectory);
    if (!spec.ok) {
      core.setFailed(`forge-apply: ${problemsText(spec.problems)}`);
      return;
    }
    const outcome = await applyStack(inputs, toolkit, spec.value);
    const timing = { startedAt, finishedAt: clock.now(), durationMs: clock.monotonicMs() - start };
    const result = applyResult(inputs, spec.value, outcome, timing, runUrl(toolkit.env));
    const file = join(inputs.workingDirectory, APPLY_RESULT_FILE);
    await writeJson(toolkit, file, result);
    await toolkit.artifacts.upload(
      APPLY_RESULT_ARTIFACT,
      [file],
      inputs.workingDirectory,
      RESULT_RETENTION_DAYS,
    );
    core.setOutput("status", result.status);
    core.setOutput("apply-result", file);
    if (result.error) {
      core.setFailed(
        `forge-apply: ${inputs.mode} ${result.status}: ${result.error.phase}: ${result.error.message}`,
      );
    } else {
      core.info(
        `forge-apply: ${inputs.mode} of ${inputs.stack} at ${result.sha} succeeded in ${result.durationSeconds} s.`,
      );
    }
  } catch (error) {
    core.setFailed(internalError("forge-apply", error));
  }
}
