import type { Assumption } from "../../contracts/generated/plan-spec.js";
import type { Design } from "./design.js";

/** The CPU architecture, when the goal names none. */
export function architectureAssumptions(d: Design): Assumption[] {
  if (d.ctx.goal.workload.architecture !== undefined) return [];
  return [
    {
      field: "workload.architecture",
      value: "x86_64",
      why: "The goal names none. x86_64 (linux/amd64) runs the images most registries hold; arm64 (Graviton, about 20 % cheaper) only when workload.architecture asks for it, and a relaxed retry never switches it.",
    },
  ];
}
