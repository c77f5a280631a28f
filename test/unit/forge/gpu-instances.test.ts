import { describe, expect, it } from "vitest";
import { gpuInstanceFor } from "../../../app/agents/forge/catalog/gpu-instances.js";
import type { GpuParams } from "../../../app/contracts/generated/plan-spec.js";

describe("gpuInstanceFor: the smallest instance of the GPU's family that fits one task", () => {
  it.each<[GpuParams, number, number, string | undefined]>([
    [{ type: "nvidia-a10g", count: 1 }, 4, 14336, "g5.xlarge"],
    [{ type: "nvidia-a10g", count: 1 }, 4, 16384, "g5.2xlarge"],
    [{ type: "nvidia-l4", count: 1 }, 8, 8192, "g6.2xlarge"],
    [{ type: "nvidia-l4", count: 4 }, 16, 65536, "g6.12xlarge"],
    [{ type: "nvidia-t4", count: 8 }, 64, 131072, "g4dn.metal"],
    [{ type: "nvidia-t4", count: 2 }, 4, 8192, "g4dn.12xlarge"],
    [{ type: "nvidia-a10g", count: 1, instanceType: "g5.4xlarge" }, 4, 8192, "g5.4xlarge"],
    [{ type: "nvidia-a10g", count: 8 }, 256, 8192, undefined],
  ])("%j with %d vCPU and %d MiB: %s", (gpu, cpu, memoryMb, expected) => {
    expect(gpuInstanceFor(gpu, cpu, memoryMb)?.instanceType).toBe(expected);
  });
});
