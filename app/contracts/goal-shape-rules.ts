import type { GoalStatement } from "./generated/index.js";
import { showValue, type Problem } from "./problem.js";

type Shape = GoalStatement["workload"]["type"];
type WorkloadField = Exclude<keyof GoalStatement["workload"], "type">;

const CONTAINERS: readonly Shape[] = ["web-api", "worker", "scheduled-job", "stream-processor"];

/** The workload types each workload field applies to; a field set on another type is a mistake, not a no-op. */
const APPLIES_TO: Readonly<Record<WorkloadField, readonly Shape[]>> = {
  image: [...CONTAINERS, "serverless-api"],
  runtime: ["serverless-api"],
  handler: ["serverless-api"],
  durationMs: ["serverless-api"],
  architecture: [...CONTAINERS, "serverless-api"],
  imagePullSecret: CONTAINERS,
  exposure: ["web-api", "worker"],
  allowedCidrs: ["web-api", "worker"],
  port: ["web-api", "worker"],
  healthCheckPath: ["web-api", "worker"],
  cpu: CONTAINERS,
  memoryMb: [...CONTAINERS, "serverless-api"],
  perTaskRps: ["web-api", "worker", "stream-processor"],
  schedule: ["scheduled-job"],
  timezone: ["scheduled-job"],
  timeoutMinutes: ["scheduled-job"],
  runMinutes: ["scheduled-job"],
  retries: ["scheduled-job"],
  kubernetesVersion: ["kubernetes"],
  nodeGroups: ["kubernetes"],
  gpu: ["web-api", "worker"],
  auth: ["serverless-api"],
  domain: ["web-api", "serverless-api", "static-site"],
};

type DataField = keyof NonNullable<GoalStatement["data"]>;

const DATA_APPLIES_TO: Readonly<Record<DataField, readonly Shape[]>> = {
  relational: ["web-api", "worker", "serverless-api", "scheduled-job", "stream-processor"],
  cache: ["web-api", "worker", "scheduled-job", "stream-processor"],
  keyValue: ["serverless-api", "web-api", "worker", "scheduled-job", "stream-processor"],
  objectStorage: ["web-api", "worker", "static-site", "serverless-api", "scheduled-job", "stream-processor"],
  stream: ["stream-processor"],
};

const LAMBDA_MEMORY = { min: 128, max: 10240 } as const;
const TASK_MEMORY = { min: 512, max: 30720 } as const;

function applies(list: readonly Shape[]): string {
  return list.length === 1 ? `a ${list[0]}` : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
}

function fieldProblems(goal: GoalStatement): Problem[] {
  const shape = goal.workload.type;
  const problems: Problem[] = [];
  for (const [key, shapes] of Object.entries(APPLIES_TO) as [WorkloadField, readonly Shape[]][]) {
    const value = goal.workload[key];
    if (value === undefined || shapes.includes(shape)) continue;
    problems.push({
      path: `workload.${key}`,
      message: `does not apply to a ${shape} workload, only to ${applies(shapes)} (got ${showValue(value)})`,
    });
  }
  for (const [key, shapes] of Object.entries(DATA_APPLIES_TO) as [DataField, readonly Shape[]][]) {
    const value = goal.data?.[key];
    if (value === undefined || shapes.includes(shape)) continue;
    problems.push({
      path: `data.${key}`,
      message: `does not apply to a ${shape} workload, only to ${applies(shapes)}`,
    });
  }
  return problems;
}

function memoryProblem(goal: GoalStatement): Problem | undefined {
  const { memoryMb } = goal.workload;
  if (memoryMb === undefined) return undefined;
  const range = goal.workload.type === "serverless-api" ? LAMBDA_MEMORY : TASK_MEMORY;
  if (memoryMb >= range.min && memoryMb <= range.max) return undefined;
  const what = goal.workload.type === "serverless-api" ? "a Lambda function" : "a container task";
  return {
    path: "workload.memoryMb",
    message: `must be ${range.min} to ${range.max} MiB for ${what} (got ${memoryMb})`,
  };
}

function shapeProblems(goal: GoalStatement): Problem[] {
  const w = goal.workload;
  const problems: Problem[] = [];
  if (w.handler !== undefined && w.runtime === undefined) {
    problems.push({ path: "workload.handler", message: "needs workload.runtime (an image has no handler)" });
  }
  if (w.type === "stream-processor" && goal.data?.stream === undefined) {
    problems.push({ path: "data.stream", message: "a stream-processor needs its stream (kinesis or kafka)" });
  }
  if (goal.data?.stream?.archive === true && goal.data.stream.engine !== "kinesis") {
    problems.push({
      path: "data.stream.archive",
      message: "applies to a Kinesis stream only (Firehose reads Kinesis)",
    });
  }
  for (const key of ["issuer", "audience"] as const) {
    if (w.auth?.[key] !== undefined && w.auth.type !== "jwt") {
      problems.push({
        path: `workload.auth.${key}`,
        message: `applies to a jwt authorizer only (workload.auth.type is ${w.auth.type})`,
      });
    }
  }
  (w.nodeGroups ?? []).forEach((g, i) => {
    if (g.min > g.max) {
      problems.push({
        path: `workload.nodeGroups[${i}].min`,
        message: `must be ≤ max (${g.max}) (got ${g.min})`,
      });
    }
  });
  const names = (w.nodeGroups ?? []).map((g) => g.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) {
      problems.push({
        path: `workload.nodeGroups[${i}].name`,
        message: `"${name}" names another node group already`,
      });
    }
  });
  if (goal.regions !== undefined && goal.regions[0] !== goal.region) {
    problems.push({
      path: "regions",
      message: `must start with region (${goal.region}), the primary (got ${goal.regions.join(", ")})`,
    });
  }
  return problems;
}

/** Rules between the workload type and the fields that describe it, which the schema does not say. */
export function goalShapeProblems(goal: GoalStatement): Problem[] {
  const memory = memoryProblem(goal);
  return [...fieldProblems(goal), ...(memory ? [memory] : []), ...shapeProblems(goal)];
}
