import type { DesignBlocked } from "../../contracts/generated/index.js";
import { renderGoalBlocked } from "../goal-comment.js";
import { code } from "../markdown.js";

/** report.md of an `infracrew run` that Atlas could not design: the issue's answer, told for the command line. */
export function renderBlockedReport(goalFile: string, blocked: DesignBlocked): string {
  return [
    `# ${blocked.goalRef.name}: ⛔ design blocked`,
    "",
    `${code(`infracrew run ${goalFile}`)}: Atlas found no design that meets the goal within the org policy and the budget brake, so Forge and Sentinel did not run. Below is what the goal's issue would be told.`,
    "",
    renderGoalBlocked(blocked, {
      marker: false,
      footer: `_Edit ${code(goalFile)} and run ${code(`infracrew run ${goalFile}`)} again._`,
    }),
    "",
    `<sub>${blocked.id} · ${blocked.createdAt}</sub>`,
    "",
  ].join("\n");
}
