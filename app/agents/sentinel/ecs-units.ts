/**
 * An ECS task size as task definitions accept it: a number (or digits) of 1/1024ths, i.e. CPU units or MiB,
 * or text with the unit, e.g. `"1 vCPU"`, `"2 GB"`.
 */
function taskSize(value: unknown, unit: string): number | undefined {
  if (typeof value === "number") return value / 1024;
  if (typeof value !== "string") return undefined;
  const withUnit = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${unit}\\s*$`, "i").exec(value);
  if (withUnit) return Number(withUnit[1]);
  return /^\s*\d+\s*$/.test(value) ? Number(value) / 1024 : undefined;
}

/** A task's CPU in vCPUs, from `1024`, `"1024"` or `"1 vCPU"`. */
export function taskVcpu(value: unknown): number | undefined {
  return taskSize(value, "vcpu");
}

/** A task's memory in GB, from `2048`, `"2048"` or `"2 GB"`. */
export function taskMemoryGb(value: unknown): number | undefined {
  return taskSize(value, "gb");
}
