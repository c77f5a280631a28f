/**
 * The dispatch a run was started with, as the apply workflow's inputs say, and as the App's record says. The gate
 * passes only when they are the same in every field: the App approved this dispatch, not a similar one.
 */
import { NONCE_PATTERN, STACK_PATTERN, type ApplyDispatch } from "../../../app/conductor/names.js";
import type { Problem } from "../../../app/contracts/problem.js";

export type Dispatch = ApplyDispatch;

const SHA = /^[0-9a-f]{40}$/;
const ID = /^[1-9][0-9]{0,15}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** The longest stack name accepted; its directory is infra/<stack>. */
const STACK_MAX = 100;

/** The workflow's raw inputs, by the gate action's input names. */
export type RawDispatch = Readonly<Record<(typeof DISPATCH_INPUTS)[number], string>>;

export const DISPATCH_INPUTS = [
  "pr",
  "stack",
  "mode",
  "sha",
  "target-sha",
  "nonce",
  "plan-run-id",
  "plan-artifact-id",
  "plan-sha256",
] as const;

/** A value shown in a message: quoted (control characters escaped), cut short. */
function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * Checks the inputs and reads them as a Dispatch. Nothing is used before this passes: the stack names a directory
 * (`infra/<stack>`), so `../x` or `$(…)` never reach a path or a shell.
 */
export function readDispatch(
  raw: RawDispatch,
): { ok: true; value: Dispatch } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const check = (name: keyof RawDispatch, ok: boolean, hint: string) => {
    if (!ok) problems.push({ path: name, message: `must be ${hint} (got ${shown(raw[name])})` });
  };
  check("pr", ID.test(raw.pr), "a pull request number");
  check(
    "stack",
    STACK_PATTERN.test(raw.stack) && raw.stack.length <= STACK_MAX,
    `a stack name (${STACK_PATTERN.source}, at most ${STACK_MAX} characters)`,
  );
  check("mode", raw.mode === "apply" || raw.mode === "rollback", "apply or rollback");
  check("sha", SHA.test(raw.sha), "a full 40-character lowercase commit SHA");
  check("nonce", NONCE_PATTERN.test(raw.nonce), "the dispatch's nonce, 32 lowercase hex digits");
  const planGiven = [raw["plan-run-id"], raw["plan-artifact-id"], raw["plan-sha256"]].some((v) => v !== "");
  if (raw.mode === "apply") {
    if (raw["target-sha"] !== "") problems.push({ path: "target-sha", message: "is for mode rollback only" });
    check("plan-run-id", ID.test(raw["plan-run-id"]), "the approved plan's run id");
    check("plan-artifact-id", ID.test(raw["plan-artifact-id"]), "the approved plan's artifact id");
    check(
      "plan-sha256",
      SHA256.test(raw["plan-sha256"]),
      "the approved plan's sha256, 64 lowercase hex digits",
    );
  } else {
    check(
      "target-sha",
      raw["target-sha"] === "" || SHA.test(raw["target-sha"]),
      "empty or a full commit SHA",
    );
    if (planGiven)
      problems.push({
        path: "plan-run-id",
        message: "plan-run-id, plan-artifact-id and plan-sha256 are for mode apply only",
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      pr: Number(raw.pr),
      stack: raw.stack,
      mode: raw.mode as Dispatch["mode"],
      sha: raw.sha,
      targetSha: raw["target-sha"] === "" ? null : raw["target-sha"],
      nonce: raw.nonce,
      plan:
        raw.mode === "apply"
          ? {
              runId: Number(raw["plan-run-id"]),
              artifactId: Number(raw["plan-artifact-id"]),
              sha256: raw["plan-sha256"],
            }
          : null,
    },
  };
}

/** The fields in which the App's answer differs from the run's own inputs (empty when it is the same dispatch). */
export function differences(mine: Dispatch, answered: unknown): string[] {
  if (typeof answered !== "object" || answered === null) return ["the answer names no dispatch"];
  const a = answered as Record<string, unknown>;
  const out: string[] = [];
  const field = (name: string, expected: unknown, actual: unknown) => {
    if (expected !== actual)
      out.push(
        `${name}: the run has ${JSON.stringify(expected)}, the App approved ${JSON.stringify(actual)}`,
      );
  };
  field("pr", mine.pr, a.pr);
  field("stack", mine.stack, a.stack);
  field("mode", mine.mode, a.mode);
  field("sha", mine.sha, a.sha);
  field("targetSha", mine.targetSha, a.targetSha);
  field("nonce", mine.nonce, a.nonce);
  const plan = a.plan;
  if (mine.plan !== null && typeof plan === "object" && plan !== null) {
    const p = plan as Record<string, unknown>;
    field("plan.runId", mine.plan.runId, p.runId);
    field("plan.artifactId", mine.plan.artifactId, p.artifactId);
    field("plan.sha256", mine.plan.sha256, p.sha256);
  } else if (!(mine.plan === null && plan === null)) {
    out.push(`plan: the run has ${JSON.stringify(mine.plan)}, the App approved ${JSON.stringify(plan)}`);
  }
  return out;
}

/** The step's outputs: what later steps use instead of the raw inputs. */
export function outputsOf(d: Dispatch): Record<string, string> {
  return {
    pr: String(d.pr),
    stack: d.stack,
    mode: d.mode,
    sha: d.sha,
    "target-sha": d.targetSha ?? "",
    nonce: d.nonce,
    "plan-run-id": d.plan ? String(d.plan.runId) : "",
    "plan-artifact-id": d.plan ? String(d.plan.artifactId) : "",
    "plan-sha256": d.plan ? d.plan.sha256 : "",
    dir: `infra/${d.stack}`,
    // What to check out: the approved commit for an apply; the known-good one for a rollback that has it.
    "checkout-ref": d.mode === "rollback" && d.targetSha ? d.targetSha : d.sha,
  };
}
