/**
 * The saved plan an apply may use: exactly the artifact the App recorded when Sentinel passed (run, artifact id,
 * sha256 of the plaintext plan), never "the latest plan for this SHA". Every check is made before terraform runs:
 * the artifact belongs to that run, is named for this stack and commit, has not expired and is not too old; its
 * sealed plan opens with the plan key for this stack and commit; and the plaintext's sha256 is the approved one.
 */
import {
  hashBytes,
  join,
  PLAN_META_FILE,
  planArtifactName,
  SEALED_PLAN_FILE,
  type PlanMeta,
} from "../../forge-common/src/stack.js";
import { open } from "../../forge-common/src/plan-crypto.js";
import { PLAN_FILE, type StepFailure } from "../../forge-common/src/terraform.js";
import type { Toolkit } from "../../forge-common/src/toolkit.js";

/** What the App passed in the dispatch: the plan Sentinel passed. */
export interface ApprovedPlan {
  readonly runId: number;
  readonly artifactId: number;
  readonly sha256: string;
}

export interface SavedPlanInputs {
  readonly workingDirectory: string;
  readonly stack: string;
  readonly sha: string;
  readonly plan: ApprovedPlan;
  readonly planKey: Buffer;
  readonly maxPlanAgeMinutes: number;
}

export type Fetched =
  { readonly ok: true; readonly meta: PlanMeta } | { readonly ok: false; readonly failure: StepFailure };

const refuse = (message: string): Fetched => ({ ok: false, failure: { phase: "refused", message } });

function ageCheck(
  inputs: SavedPlanInputs,
  toolkit: Toolkit,
  times: (Date | undefined)[],
): string | undefined {
  const saved = times.filter((d): d is Date => d !== undefined && !Number.isNaN(d.getTime()));
  const oldest = Math.min(...saved.map((d) => d.getTime()));
  const ageMinutes = Math.floor((toolkit.clock.now().getTime() - oldest) / 60_000);
  if (saved.length > 0 && ageMinutes <= inputs.maxPlanAgeMinutes) return undefined;
  const age = saved.length === 0 ? "of unknown age" : `${ageMinutes} minutes old`;
  return `the saved plan is ${age}; the limit is ${inputs.maxPlanAgeMinutes}: run the plan again (/plan) and approve it`;
}

/**
 * Fetches, checks and opens the approved plan, and writes the plaintext `tfplan` into the stack directory. The
 * artifact is downloaded outside the checkout (RUNNER_TEMP), so nothing in it can land among the stack's files.
 */
export async function fetchApprovedPlan(inputs: SavedPlanInputs, toolkit: Toolkit): Promise<Fetched> {
  const { plan, stack, sha } = inputs;
  const name = planArtifactName(stack, sha);
  const artifact = await toolkit.artifacts.describe(plan.artifactId);
  if (!artifact) {
    return {
      ok: false,
      failure: {
        phase: "download",
        message: `the approved plan artifact ${plan.artifactId} does not exist (or was deleted): run the plan again (/plan) and approve it`,
      },
    };
  }
  if (artifact.runId !== plan.runId)
    return refuse(
      `artifact ${plan.artifactId} belongs to run ${artifact.runId ?? "unknown"}, not to the approved plan run ${plan.runId}`,
    );
  if (artifact.name !== name)
    return refuse(
      `artifact ${plan.artifactId} is ${JSON.stringify(artifact.name)}, not the plan ${name} of ${stack} at ${sha}`,
    );
  if (artifact.expired)
    return refuse(
      `the approved plan artifact ${plan.artifactId} has expired: run the plan again (/plan) and approve it`,
    );
  const early = ageCheck(inputs, toolkit, [artifact.createdAt]);
  if (early) return refuse(early);

  const into = `${toolkit.env.RUNNER_TEMP ?? "."}/infracrew-approved-plan`;
  await toolkit.artifacts.download(artifact, into);
  let meta: PlanMeta;
  try {
    meta = JSON.parse((await toolkit.fs.readText(join(into, PLAN_META_FILE))) ?? "") as PlanMeta;
  } catch {
    return refuse(`the plan artifact has no readable ${PLAN_META_FILE}`);
  }
  if (meta.sha !== sha || meta.stack !== stack)
    return refuse(`the saved plan is for ${meta.stack} at ${meta.sha}, not the approved ${stack} at ${sha}`);
  const late = ageCheck(inputs, toolkit, [artifact.createdAt, new Date(meta.createdAt)]);
  if (late) return refuse(late);

  const sealed = await toolkit.fs.readBytes(join(into, SEALED_PLAN_FILE));
  if (!sealed) return refuse(`the plan artifact has no ${SEALED_PLAN_FILE}`);
  const opened = open(inputs.planKey, sealed, { stack, sha, file: PLAN_FILE });
  if (!opened.ok) return refuse(opened.message);
  const actual = hashBytes(opened.plaintext);
  if (actual !== plan.sha256)
    return refuse(
      `${PLAN_FILE} is not the plan Sentinel passed: its sha256 is ${actual}, the approved one ${plan.sha256}`,
    );
  if (meta.planSha256 !== plan.sha256)
    return refuse(`the plan's metadata names sha256 ${meta.planSha256}, not the approved ${plan.sha256}`);
  await toolkit.fs.writeBytes(join(inputs.workingDirectory, PLAN_FILE), opened.plaintext);
  return { ok: true, meta };
}
