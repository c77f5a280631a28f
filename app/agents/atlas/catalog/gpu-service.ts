import { HOURS_PER_MONTH as H, servicePrice } from "../../pricing/index.js";
import { EBS_GP3, EC2_DETAILED_MONITORING_METRICS as DETAILED_METRICS } from "../../pricing/ec2-prices.js";
import type { Risk } from "../../../contracts/generated/plan-spec.js";
import type { Link } from "../availability.js";
import { slaLink } from "../availability.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import type { GpuChoice } from "../gpu-sizing.js";
import { GPU_ROOT_VOLUME_GB } from "../gpu-sizing.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit } from "./entry.js";

/** The PlanSpec's gpu params: the type, the GPUs per task and the instance Atlas priced. */
export function gpuParams(g: GpuChoice) {
  return { type: g.type, count: g.count, instanceType: g.instanceType };
}

export function gpuWords(g: GpuChoice): string {
  return `ECS on EC2 GPU instances, one task per ${g.instanceType} (${g.count} × ${g.type}, ${g.vcpus} vCPU, ${num(g.memoryMib / 1024, 0)} GiB), the smallest of its family that holds the task, on the ECS GPU-optimised AMI`;
}

/** The instances' hours, detailed monitoring and root volumes: one instance per running task. */
export function gpuCost(d: Design, id: string, g: GpuChoice, tasks: number): CostLine[] {
  const metric = unit(d.ctx, "cloudwatch.metric-month");
  const ebs = servicePrice(EBS_GP3, d.ctx.region, "gbMonth")!.usd;
  const gb = tasks * GPU_ROOT_VOLUME_GB;
  return [
    costLine(id, "tasks", [
      {
        usd: tasks * H * g.hourly,
        text: `${tasks} × ${g.instanceType} instances × ${H} h × ${price(g.hourly)} (one task each, on demand)`,
      },
      {
        usd: tasks * DETAILED_METRICS * metric,
        text: `${tasks * DETAILED_METRICS} detailed-monitoring metrics × ${price(metric)}`,
      },
    ]),
    costLine(id, "node-volumes", [{ usd: gb * ebs, text: `${gb} GB gp3 root volumes × ${price(ebs)}` }]),
  ];
}

/** One task per instance: EC2's region-level SLA when the tasks spread over AZs, else one instance's. */
export function gpuLink(id: string, spread: boolean): Link {
  return slaLink(id, spread ? SLAS.ec2MultiAz : SLAS.ec2SingleInstance);
}

/** What GPU capacity adds: instances boot in minutes, and an AZ can run out of the type. */
export function gpuRisk(id: string, g: GpuChoice): Risk {
  return {
    component: id,
    failure: `EC2 has no ${g.instanceType} capacity left in an AZ when the service scales out (InsufficientInstanceCapacity)`,
    impact:
      "New tasks wait for an instance: scale-out stalls, and a new instance takes minutes to boot, not seconds",
    mitigation:
      "The Auto Scaling group spans every AZ of the network and ECS managed scaling places tasks where instances run",
    residual:
      "A surge can outrun the instances; an On-Demand Capacity Reservation guarantees them, at their full price",
    severity: "medium",
  };
}
