/**
 * The EC2 families behind each GPU type the PlanSpec names, with the sizes Forge picks from (vCPUs, memory in GiB,
 * GPUs), from AWS's accelerated computing instance pages (g5, g6, g4dn). One task runs per instance.
 */
import type { GpuParams } from "../../../contracts/generated/plan-spec.js";

export const GPU_FAMILIES: Readonly<Record<GpuParams["type"], string>> = {
  "nvidia-a10g": "g5",
  "nvidia-l4": "g6",
  "nvidia-t4": "g4dn",
};

type Size = readonly [size: string, vcpus: number, memoryGib: number, gpus: number];

const G_SIZES: readonly Size[] = [
  ["xlarge", 4, 16, 1],
  ["2xlarge", 8, 32, 1],
  ["4xlarge", 16, 64, 1],
  ["8xlarge", 32, 128, 1],
  ["16xlarge", 64, 256, 1],
  ["12xlarge", 48, 192, 4],
  ["24xlarge", 96, 384, 4],
  ["48xlarge", 192, 768, 8],
];

const SIZES: Readonly<Record<string, readonly Size[]>> = {
  g5: G_SIZES,
  g6: G_SIZES,
  g4dn: [...G_SIZES.slice(0, 6), ["metal", 96, 384, 8]],
};

/** Memory the ECS agent and the OS keep on an instance, out of what a task may reserve. */
const RESERVED_MIB = 1024;

export interface GpuInstance {
  readonly instanceType: string;
  readonly vcpus: number;
  readonly memoryMib: number;
  readonly gpus: number;
}

/** Every size of a GPU type's family, smallest first (by GPUs, then vCPUs). */
export function gpuInstances(type: GpuParams["type"]): GpuInstance[] {
  const family = GPU_FAMILIES[type];
  return SIZES[family]!.map(([size, vcpus, gib, gpus]) => ({
    instanceType: `${family}.${size}`,
    vcpus,
    memoryMib: gib * 1024,
    gpus,
  })).sort((a, b) => a.gpus - b.gpus || a.vcpus - b.vcpus);
}

/** Whether one task of this size fits on the instance. */
export function fitsInstance(instance: GpuInstance, cpu: number, memoryMb: number, gpus: number): boolean {
  return cpu <= instance.vcpus && memoryMb <= instance.memoryMib - RESERVED_MIB && gpus <= instance.gpus;
}

/** The PlanSpec's instance type, or the smallest of the family that fits the task; undefined when none does. */
export function gpuInstanceFor(gpu: GpuParams, cpu: number, memoryMb: number): GpuInstance | undefined {
  const sizes = gpuInstances(gpu.type);
  if (gpu.instanceType !== undefined) return sizes.find((s) => s.instanceType === gpu.instanceType);
  return sizes.find((s) => fitsInstance(s, cpu, memoryMb, gpu.count));
}
