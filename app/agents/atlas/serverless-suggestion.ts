import type { UnblockSuggestion } from "../../contracts/generated/design-blocked.js";
import type { GoalStatement } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { runAttempts } from "./attempts.js";
import { designContext, type DesignContext } from "./context.js";
import { policyClashes } from "./policy-check.js";

/** The web API's goal filed as a serverless API: the fields a Lambda function takes, the rest left to Atlas. */
function asServerless(goal: GoalStatement): GoalStatement | undefined {
  const w = goal.workload;
  if (w.exposure === "internal" || w.gpu !== undefined || goal.data?.cache !== undefined) return undefined;
  return {
    ...goal,
    workload: {
      type: "serverless-api",
      ...(w.image !== undefined ? { image: w.image } : {}),
      ...(w.architecture !== undefined ? { architecture: w.architecture } : {}),
      ...(w.domain !== undefined ? { domain: w.domain } : {}),
    },
  };
}

/**
 * A web API no container design fits: the same goal as a serverless-api, when Atlas designs that under the brake
 * (verified by designing it). Lambda runs ECR images only, so the image's registry is not held against it here:
 * the suggestion says what the image must be.
 */
export function serverlessSuggestion(ctx: DesignContext): UnblockSuggestion | undefined {
  if (ctx.pattern !== "web-api") return undefined;
  const goal = asServerless(ctx.goal);
  if (!goal) return undefined;
  const other = designContext(goal, ctx.policy, ctx.now, { region: ctx.region, target: ctx.target });
  if (policyClashes(other).some((c) => c.reason.field !== "workload.image")) return undefined;
  const run = runAttempts(other);
  if (run.kind !== "fits") return undefined;
  return {
    message: `file it as workload.type serverless-api (an HTTP API in front of a Lambda function: no load balancer, no NAT gateway); Atlas designs that for ${formatUsd(run.chosen.monthlyUsd)}/month. The image must then be in Amazon ECR and built for Lambda (an AWS base image or the Lambda runtime interface client), or ship a zip package with workload.runtime instead`,
    field: "workload.type",
    value: "serverless-api",
    monthlyUsd: run.chosen.monthlyUsd,
  };
}
