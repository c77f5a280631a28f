import type { DesignBlocked } from "../../contracts/generated/index.js";
import { renderGoalBlocked } from "../goal-comment.js";

/** report.md of an `infracrew run` that Atlas could not design: the answer the goal's issue would get. */
export function renderBlockedReport(goalFile: string, blocked: DesignBlocked): string {
  return [
    `# ${blocked.goalRef.name}: ⛔ design blocked`,
    "",
    `\`infracrew run ${goalFile}\`: Atlas found no design that meets the goal within the org policy and the budget brake, so Forge and Sentinel did not run. Below is the answer the goal's issue would get; offline, edit the goal file and run again.`,
    "",
    renderGoalBlocked(blocked),
    "",
    `<sub>${blocked.id} · ${blocked.createdAt}</sub>`,
    "",
  ].join("\n");
}
