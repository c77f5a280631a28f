import { HOURS_PER_MONTH } from "../../pricing/index.js";
import { MONITORING } from "../assumptions.js";
import type { JobPlan } from "../job-sizing.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { unit } from "./entry.js";
import { patternOf } from "./patterns.js";

/** A job's Container Insights: metrics bill by the hour they are published, so only for the hours runs take. */
function jobInsights(j: JobPlan, metric: number, ingest: number): CostLine {
  const metrics = MONITORING.insightsMetrics;
  const hours = Math.min(HOURS_PER_MONTH, j.taskHours);
  const eventsGb = Number(((hours / HOURS_PER_MONTH) * MONITORING.insightsGbPerTask).toFixed(2));
  return costLine("cluster", "container-insights", [
    {
      usd: (metrics * metric * hours) / HOURS_PER_MONTH,
      text: `${metrics} Container Insights metrics × ${price(metric)} × ${num(hours)} h of runs ÷ ${HOURS_PER_MONTH} h (billed for the hours they are published)`,
    },
    {
      usd: eventsGb * ingest,
      text: `${num(eventsGb, 2)} GB performance events ingested × ${price(ingest)} (kept 1 day)`,
    },
  ]);
}

/**
 * What every stack of the design shares, which no component owns: the KMS key that encrypts its data and logs
 * (Forge's `module.encryption`) and, when it runs tasks, the ECS cluster's Container Insights (`module.cluster`).
 * The line's component is the module's label.
 */
export function sharedCostLines(d: Design): CostLine[] {
  const key = unit(d.ctx, "kms.key-month");
  const lines = [
    costLine("encryption", "kms-key", [
      {
        usd: key,
        text: `1 customer managed key × ${price(key)} (its requests stay within the 20,000 a month KMS does not bill, with S3 bucket keys)`,
      },
    ]),
  ];
  if (!patternOf(d.ctx.pattern).compute) return lines;
  const metric = unit(d.ctx, "cloudwatch.metric-month");
  const ingest = unit(d.ctx, "logs.ingest.gb");
  const metrics = MONITORING.insightsMetrics;
  if (d.job) return [...lines, jobInsights(d.job, metric, ingest)];
  if (!d.service) return lines;
  const eventsGb = Number((d.service.desiredCount * MONITORING.insightsGbPerTask).toFixed(2));
  return [
    ...lines,
    costLine("cluster", "container-insights", [
      { usd: metrics * metric, text: `${metrics} Container Insights metrics × ${price(metric)}` },
      {
        usd: eventsGb * ingest,
        text: `${num(eventsGb, 2)} GB performance events ingested × ${price(ingest)} (kept 1 day)`,
      },
    ]),
  ];
}
