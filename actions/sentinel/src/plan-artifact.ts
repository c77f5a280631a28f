/**
 * Sentinel in a job of its own: the plan job runs the pull request's Terraform (providers, external data sources),
 * so anything in that job, the policy files and the verdict included, is within the PR's reach. The validation job
 * runs no code of the PR: it takes forge-plan's artifact from the run, reads its ValidateRequest, and opens the
 * sealed plan JSON with the plan key, bound to the request's stack and commit.
 */
import type { ValidateRequest } from "../../../app/contracts/generated/index.js";
import { readArtifact } from "../../../app/contracts/artifact-intake.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { open, readPlanKey } from "../../forge-common/src/plan-crypto.js";
import type { Toolkit } from "./toolkit.js";

export const REQUEST_FILE = "validate-request.json";
const SEALED_JSON = "tfplan.json.enc";

export interface FromArtifact {
  readonly request?: ValidateRequest;
  /** The opened plan JSON, written outside the workspace. */
  readonly planJson?: string;
}

/** Reads the plan artifact; what is wrong goes to `problems`, which fail the verdict. */
export async function readPlanArtifact(
  toolkit: Toolkit,
  at: { readonly artifact: string; readonly key: string; readonly dir: string; readonly outDir: string },
  problems: string[],
): Promise<FromArtifact> {
  const into = `${at.outDir}/plan-artifact`;
  if (!(await toolkit.artifact.download(at.artifact, into))) {
    problems.push(`There is no plan artifact ${at.artifact} in this run, so there is no plan to validate.`);
    return {};
  }
  const text = await toolkit.fs.read(`${into}/${REQUEST_FILE}`);
  const read = text === undefined ? undefined : readArtifact(text, REQUEST_FILE);
  if (!read || !read.ok || read.value.kind !== "ValidateRequest") {
    const why = !read
      ? "is missing"
      : !read.ok
        ? read.problems.map(formatProblem).join("; ")
        : `is a ${read.value.kind}`;
    problems.push(`The plan artifact's ${REQUEST_FILE} ${why}.`);
    return {};
  }
  const request = read.value.value as ValidateRequest;
  if (request.dir !== at.dir)
    problems.push(`The plan artifact is for ${request.dir}, not for the stack ${at.dir} being validated.`);
  const key = readPlanKey(at.key);
  if (!key.ok) {
    problems.push(`The plan JSON cannot be opened: ${key.message}.`);
    return { request };
  }
  const sealed = await toolkit.fs.readBytes(`${into}/${SEALED_JSON}`);
  if (!sealed) {
    problems.push(`The plan artifact has no ${SEALED_JSON}.`);
    return { request };
  }
  const opened = open(key.key, sealed, { stack: request.stack, sha: request.sha, file: "tfplan.json" });
  if (!opened.ok) {
    problems.push(`The plan JSON cannot be opened: ${opened.message}.`);
    return { request };
  }
  const planJson = `${at.outDir}/tfplan.json`;
  await toolkit.fs.write(planJson, opened.plaintext.toString("utf8"));
  return { request, planJson };
}
