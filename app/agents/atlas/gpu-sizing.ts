import { GPU_FAMILIES, gpuInstanceFor } from "../forge/catalog/gpu-instances.js";
import { ec2InstanceHourly } from "../pricing/shape-prices.js";
import type { TaskPlan } from "./capacity.js";
import { planTasks } from "./capacity.js";
import type { Assumption } from "../../contracts/generated/plan-spec.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

type GpuType = keyof typeof GPU_FAMILIES;

/** The GPU-optimised AMI's root volume Forge gives each instance. */
export const GPU_ROOT_VOLUME_GB = 100;

/** The EC2 instance behind one GPU task: the smallest of the family that holds the task, and its price. */
export interface GpuChoice {
  readonly type: GpuType;
  readonly count: number;
  readonly instanceType: string;
  readonly vcpus: number;
  readonly memoryMib: number;
  readonly hourly: number;
}

export type GpuPick =
  { readonly ok: true; readonly gpu: GpuChoice } | { readonly ok: false; readonly clash: Clash };

function clash(field: string, message: string, suggestion: string): GpuPick {
  return {
    ok: false,
    clash: {
      reason: { code: "region-not-priced", message, field },
      suggestions: [{ message: suggestion, field }],
    },
  };
}

/**
 * The instance for a task of the plan's size with the goal's GPUs: the smallest of the GPU type's family that fits
 * (one task per instance, 1 GiB kept for the ECS agent), priced in the region. Blocks, naming the field, when the
 * family has no size that fits, Atlas has no price for it in the region, or the goal asks for Graviton.
 */
export function pickGpu(ctx: DesignContext, plan: TaskPlan): GpuPick {
  const gpu = ctx.goal.workload.gpu!;
  const family = GPU_FAMILIES[gpu.type];
  if (ctx.goal.workload.architecture === "arm64") {
    return {
      ok: false,
      clash: {
        reason: {
          code: "pattern-mismatch",
          message: `${family} GPU instances are x86_64; workload.architecture asks for arm64`,
          field: "workload.architecture",
        },
        suggestions: [
          {
            message: "build the image for linux/amd64 and set workload.architecture to x86_64",
            field: "workload.architecture",
            value: "x86_64",
          },
        ],
      },
    };
  }
  const instance = gpuInstanceFor({ type: gpu.type, count: gpu.count }, plan.cpu, plan.memoryMb);
  if (!instance) {
    return clash(
      "workload.gpu",
      `no ${family} instance holds a task of ${plan.cpu} vCPU, ${plan.memoryMb} MiB and ${gpu.count} ${gpu.type} GPU${gpu.count === 1 ? "" : "s"}`,
      "ask for fewer GPUs per task in workload.gpu.count",
    );
  }
  const price = ec2InstanceHourly(ctx.region, instance.instanceType);
  if (!price) {
    return clash(
      "workload.gpu",
      `no on-demand price for ${instance.instanceType} (${gpu.type}) in ${ctx.region} in Atlas's EC2 table`,
      `use another GPU type in workload.gpu.type, or a region where ${family} is priced (us-east-1 prices g5, g6 and g4dn)`,
    );
  }
  return {
    ok: true,
    gpu: {
      type: gpu.type,
      count: gpu.count,
      instanceType: instance.instanceType,
      vcpus: instance.vcpus,
      memoryMib: instance.memoryMib,
      hourly: price.usd,
    },
  };
}

/** A GPU goal's clashes no design gets around (the task size does not depend on the attempt). */
export function gpuClashes(ctx: DesignContext): Clash[] {
  if (ctx.goal.workload.gpu === undefined || (ctx.pattern !== "web-api" && ctx.pattern !== "worker"))
    return [];
  const planned = planTasks(ctx);
  if (!planned.ok) return [];
  const picked = pickGpu(ctx, planned.plan);
  return picked.ok ? [] : [picked.clash];
}

/** The instance type Atlas picked on the person's behalf. */
export function gpuAssumption(g: GpuChoice): Assumption {
  return {
    field: "workload.gpu.instanceType",
    value: `${g.instanceType} (${g.vcpus} vCPU, ${g.memoryMib / 1024} GiB, ${g.count} × ${g.type})`,
    why: `The smallest ${GPU_FAMILIES[g.type]} size that holds one task with its GPUs (one task per instance, 1 GiB kept for the ECS agent); a larger one costs more per task for no gain the goal asks for.`,
  };
}
