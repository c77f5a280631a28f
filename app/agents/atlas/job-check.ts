import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";
import { parseSchedule } from "./schedule.js";

/**
 * What makes a scheduled job impossible to run as asked, before any design: a schedule EventBridge Scheduler would
 * refuse, or runs longer than the timeout that stops them.
 */
export function jobClashes(ctx: DesignContext): Clash[] {
  if (ctx.pattern !== "scheduled-job") return [];
  const w = ctx.goal.workload;
  const out: Clash[] = [];
  const parsed = parseSchedule(w.schedule ?? "");
  if (!parsed.ok) {
    out.push({
      reason: {
        code: "pattern-mismatch",
        message: `workload.schedule "${w.schedule ?? ""}" is not one EventBridge Scheduler takes: ${parsed.problem}`,
        field: "workload.schedule",
      },
      suggestions: [
        {
          message: "write it as cron(minutes hours day-of-month month day-of-week year) or rate(value unit)",
          field: "workload.schedule",
          value: "cron(0 2 * * ? *)",
        },
      ],
    });
  }
  if (w.runMinutes !== undefined && w.timeoutMinutes !== undefined && w.runMinutes > w.timeoutMinutes) {
    out.push({
      reason: {
        code: "pattern-mismatch",
        message: `workload.runMinutes ${w.runMinutes} is over workload.timeoutMinutes ${w.timeoutMinutes}: every run would be stopped as failed`,
        field: "workload.runMinutes",
        figures: { runMinutes: w.runMinutes, timeoutMinutes: w.timeoutMinutes },
      },
      suggestions: [
        {
          message: `raise workload.timeoutMinutes to at least ${Math.ceil(w.runMinutes)}`,
          field: "workload.timeoutMinutes",
          value: Math.ceil(w.runMinutes * 2),
        },
      ],
    });
  }
  return out;
}
