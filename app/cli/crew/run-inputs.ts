import path from "node:path";
import type { TerraformPlan } from "../../agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../../agents/sentinel/report.js";
import type { GoalStatement } from "../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../contracts/policy-intake.js";
import { loadGoal } from "../goal-file.js";
import type { CliIo } from "../io.js";
import { parseNow } from "../now-option.js";
import { outDirProblem } from "../out-dir.js";
import { loadPolicyFile } from "../policy-file.js";
import type { RunArgs } from "../run-args.js";
import { Complaints, loadOutputs, loadPlan, relativeDir, scanSource } from "../tool-files.js";

export interface RunInputs {
  readonly goal: GoalStatement;
  readonly policy: ResolvedOrgPolicy;
  readonly now: Date;
  /** The output directory, relative to the working directory. */
  readonly out: string;
  /** The output directory as a person reads it: relative when it is under the working directory. */
  readonly outShown: string;
  /** Where the Terraform goes, relative to the working directory: what scanner outputs name paths within. */
  readonly terraformDir: string;
  readonly toolReports: readonly ToolOutcome[];
  readonly plan?: TerraformPlan;
}

/**
 * Reads everything `infracrew run` was given, with the messages `plan` and `check` give for the same bad goal,
 * policy, --now or tool output; every bad input is said, and nothing runs unless all are good.
 */
export async function loadRunInputs(
  io: CliIo,
  args: RunArgs,
): Promise<{ ok: true; value: RunInputs } | { ok: false; messages: string[] }> {
  const complaints = new Complaints();
  const goal = await loadGoal(io, args.goal);
  if (!goal.ok) complaints.add(args.goal, goal.problems);
  const policy = await loadPolicyFile(io, args.policy);
  if (!policy.result.ok) complaints.add(policy.file, policy.result.problems);
  const now = parseNow(args.now, io);
  if (typeof now === "string") complaints.messages.push(`infracrew run: ${now}`);
  const named = args.out ?? (goal.ok ? path.posix.join("out", goal.value.name) : undefined);
  const out = relativeDir(io, named);
  const outProblem = out === undefined ? undefined : await outDirProblem(io, out);
  if (outProblem) complaints.add("infracrew run", [outProblem]);
  const terraformDir = out === undefined ? undefined : path.posix.join(out, "terraform");
  const toolReports = await loadOutputs(io, args.outputs, scanSource(io, terraformDir), complaints);
  const plan = await loadPlan(io, args.planJson, complaints);
  if (complaints.messages.length > 0 || !goal.ok || !policy.result.ok || typeof now === "string") {
    return { ok: false, messages: complaints.messages };
  }
  return {
    ok: true,
    value: {
      goal: goal.value,
      policy: policy.result.value,
      now,
      out: out!,
      outShown: out!.startsWith("..") ? path.resolve(io.cwd, out!) : out!,
      terraformDir: terraformDir!,
      toolReports,
      ...(plan ? { plan } : {}),
    },
  };
}
