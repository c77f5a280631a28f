import { slaLink } from "../availability.js";
import { fargateTaskHourly, HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { QUEUE } from "../assumptions.js";
import { costLine } from "../cost-line.js";
import type { ServiceDesign } from "../design.js";
import { maxWords, taskArithmetic } from "../explain.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit, who, type CatalogEntry } from "./entry.js";
import { gpuCost, gpuLink, gpuParams, gpuRisk, gpuWords } from "./gpu-service.js";

/** A stream consumer scales on CPU: the stream gives no backlog-per-task metric ECS can track. */
const CONSUMER_CPU_TARGET = 60;

function scaling(s: ServiceDesign) {
  const effective = s.plan.perTaskRps * (1 - s.plan.headroom);
  if (s.id === "consumer")
    return {
      policy: { metric: "cpu" as const, target: CONSUMER_CPU_TARGET },
      words: (t: number) => `on CPU: ${t} % average per task`,
    };
  return s.id === "worker"
    ? {
        policy: {
          metric: "queue-depth" as const,
          target: Math.ceil(s.plan.perTaskRps * QUEUE.backlogSeconds),
        },
        words: (t: number) =>
          `on queue depth: a backlog of ${t} messages per task (${QUEUE.backlogSeconds} s of work)`,
      }
    : {
        policy: { metric: "requests-per-target" as const, target: Math.round(effective * 60) },
        words: (t: number) => `on ALB requests per target: ${t} a minute per task (${num(effective)} rps)`,
      };
}

/** The ECS service on Fargate: the API's tasks, or the queue's workers. */
export const service: CatalogEntry = {
  ids: (d) => (d.service ? [d.service.id] : []),
  component(d, id, earlier) {
    const s = d.service!;
    const { goal } = d.ctx;
    const worker = s.id !== "service";
    const scale = scaling(s);
    const arm = s.arch === "ARM64" ? " on Graviton (linux/arm64, as workload.architecture asks)" : "";
    const notes = s.plan.notes.length ? ` Note: ${s.plan.notes.join("; ")}.` : "";
    return {
      id,
      kind: "container-service",
      params: {
        image: goal.workload.image!,
        ...(worker
          ? {}
          : { port: goal.workload.port ?? 8080, healthCheckPath: goal.workload.healthCheckPath ?? "/" }),
        cpu: s.plan.cpu,
        memoryMb: s.plan.memoryMb,
        cpuArchitecture: s.arch,
        ...(goal.workload.imagePullSecret ? { repositoryCredentialsArn: goal.workload.imagePullSecret } : {}),
        desiredCount: s.desiredCount,
        minCount: s.minCount,
        maxCount: s.maxCount,
        scaling: scale.policy,
        ...(s.gpu ? { gpu: gpuParams(s.gpu) } : {}),
      },
      dependsOn: [...earlier],
      rationale: `${s.gpu ? `${gpuWords(s.gpu)}; ` : "ECS on Fargate, "}${s.plan.cpu} vCPU / ${s.plan.memoryMb} MiB tasks${arm}: ${taskArithmetic(d.ctx, s, d.azCount)}. Autoscaling ${scale.words(scale.policy.target)}.${notes}`,
    };
  },
  cost(d, id) {
    const { ctx } = d;
    const s = d.service!;
    if (s.gpu) return gpuCost(d, id, s.gpu, s.desiredCount);
    const memoryGb = s.plan.memoryMb / 1024;
    const hourly = fargateTaskHourly(ctx.region, s.arch, s.plan.cpu, memoryGb)!;
    const arch = s.arch === "ARM64" ? "arm64" : "x86_64";
    const vcpu = unit(ctx, `fargate.vcpu-hour.${arch}`);
    const mem = unit(ctx, `fargate.gb-hour.${arch}`);
    return [
      costLine(id, "tasks", [
        {
          usd: s.desiredCount * H * hourly,
          text: `${s.desiredCount} tasks × ${H} h × (${s.plan.cpu} vCPU × ${price(vcpu)} + ${num(memoryGb)} GB × ${price(mem)}) (${arch})`,
        },
      ]),
    ];
  },
  link(d) {
    const s = d.service;
    if (!s) return undefined;
    if (s.gpu) return gpuLink(s.id, d.topology.spread);
    return slaLink(s.id, d.topology.spread ? SLAS.fargateMultiAz : SLAS.fargateSingleTask);
  },
  risks(d, id) {
    const s = d.service!;
    const unitName = s.id === "consumer" ? "events/s" : d.ctx.pattern === "worker" ? "msg/s" : "rps";
    const worker = s.id !== "service";
    const late =
      s.id === "consumer"
        ? { wait: "Events wait in the stream and are processed late", backlog: "events are processed late" }
        : { wait: "Jobs wait in the queue and finish late", backlog: "jobs finish late" };
    return [
      {
        component: id,
        failure: "A bad image or configuration crashes every new task",
        impact: worker ? late.wait : `Requests fail for ${who(d)} if the old tasks are gone`,
        mitigation:
          "ECS rolling deployment with the circuit breaker and rollback keeps the old tasks until the new ones are healthy",
        residual: "A deploy stalls until it is fixed; the previous version keeps serving",
        severity: "medium",
      },
      {
        component: id,
        failure: `Load beyond ${num(s.maxCount * s.plan.perTaskRps)} ${unitName} (${s.maxCount} tasks at full use)`,
        impact: worker
          ? `The backlog grows and ${late.backlog}`
          : "Latency climbs past the p95 target and requests time out",
        mitigation: `Autoscaling up to ${s.maxCount} tasks (${maxWords(s, d.ctx)})`,
        residual:
          d.ctx.policy.policy.sizeCaps.maxTasks === undefined
            ? "A longer surge needs maxCount raised"
            : "A longer surge needs maxCount (and the policy's maxTasks) raised",
        severity: "low",
      },
      ...(s.gpu ? [gpuRisk(id, s.gpu)] : []),
    ];
  },
};
