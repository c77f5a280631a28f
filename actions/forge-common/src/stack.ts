/**
 * What the Forge actions read from and write next to a stack: its planspec.json, the plan's metadata file that
 * travels with the saved plan, and JSON results.
 */
import { createHash } from "node:crypto";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { PlanCounts } from "../../../app/contracts/generated/validate-request.js";
import { fail, formatProblem, ok, type Result } from "../../../app/contracts/problem.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import type { Toolkit } from "./toolkit.js";

export const PLAN_META_FILE = "infracrew-plan.json";
/** The sealed plan and plan JSON, as they travel in the artifact (actions/forge-common/src/plan-crypto.ts). */
export const SEALED_PLAN_FILE = "tfplan.enc";
export const SEALED_PLAN_JSON_FILE = "tfplan.json.enc";
export const PLAN_JSON_FILE = "tfplan.json";
export const VALIDATE_REQUEST_FILE = "validate-request.json";
export const APPLY_RESULT_FILE = "apply-result.json";
export const APPLY_RESULT_ARTIFACT = "infracrew-apply-result";

/** The artifact a plan is saved in: named after the stack and the head SHA it was made from. */
export function planArtifactName(stack: string, sha: string): string {
  return `infracrew-plan-${stack}-${sha}`;
}

/** What forge-plan records about a saved plan, so forge-apply can tell it is the one that was approved. */
export interface PlanMeta {
  readonly stack: string;
  readonly sha: string;
  readonly dir: string;
  readonly createdAt: string;
  readonly terraformVersion?: string;
  /** sha256 of the plaintext tfplan file, checked before it is applied. */
  readonly planSha256: string;
  /** How tfplan and tfplan.json are sealed in the artifact (tfplan.enc, tfplan.json.enc). */
  readonly sealed: "AES-256-GCM";
  readonly changes: PlanCounts;
}

export function join(dir: string, file: string): string {
  return `${dir}/${file}`;
}

export async function readPlanSpec(toolkit: Toolkit, dir: string): Promise<Result<PlanSpec>> {
  const file = join(dir, "planspec.json");
  const text = await toolkit.fs.readText(file);
  if (text === undefined)
    return fail([{ path: file, message: "is missing: the stack was not rendered by Infracrew Forge" }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([{ path: file, message: `is not JSON: ${(error as Error).message}` }]);
  }
  const checked = validateArtifact("PlanSpec", data);
  return checked.ok
    ? ok(checked.value)
    : fail(checked.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })));
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function problemsText(problems: Parameters<typeof formatProblem>[0][]): string {
  return problems.map(formatProblem).join("; ");
}

export async function writeJson(toolkit: Toolkit, file: string, value: unknown): Promise<void> {
  await toolkit.fs.writeText(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The URL of this workflow run, when the environment says. */
export function runUrl(env: Toolkit["env"]): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
