/**
 * The task sizes AWS Fargate accepts (Amazon ECS developer guide, "Task CPU and memory", Linux tasks): the memory
 * each vCPU size allows, in MiB.
 */
export const FARGATE_MEMORY: Readonly<
  Record<string, { readonly min: number; readonly max: number; readonly step: number }>
> = {
  "0.25": { min: 512, max: 2048, step: 512 },
  "0.5": { min: 1024, max: 4096, step: 1024 },
  "1": { min: 2048, max: 8192, step: 1024 },
  "2": { min: 4096, max: 16384, step: 1024 },
  "4": { min: 8192, max: 30720, step: 1024 },
};

/** Is this CPU and memory pair a Fargate task size? (0.25 vCPU takes 512, 1024 or 2048 MiB.) */
export function isFargateSize(cpu: number, memoryMb: number): boolean {
  const range = FARGATE_MEMORY[String(cpu)];
  if (!range || memoryMb < range.min || memoryMb > range.max) return false;
  return cpu === 0.25 ? [512, 1024, 2048].includes(memoryMb) : memoryMb % range.step === 0;
}
