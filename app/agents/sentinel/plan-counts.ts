import type { PlanCounts } from "../../contracts/generated/validation-result.js";
import type { StackModel } from "./resources.js";

/** How many managed resources the plan creates, updates, deletes and replaces (reads and no-ops aside). */
export function planCounts(model: StackModel | undefined): PlanCounts {
  const counts = { create: 0, update: 0, delete: 0, replace: 0 };
  if (model?.source !== "plan") return counts;
  for (const resource of model.resources) {
    if (!resource.managed) continue;
    const action = resource.action;
    if (action === "create" || action === "update" || action === "delete" || action === "replace")
      counts[action]++;
  }
  return counts;
}
