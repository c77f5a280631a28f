import { MONITORING } from "../assumptions.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { unit } from "./entry.js";
import { patternOf } from "./patterns.js";

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
  if (!patternOf(d.ctx.pattern).compute || !d.service) return lines;
  const metric = unit(d.ctx, "cloudwatch.metric-month");
  const ingest = unit(d.ctx, "logs.ingest.gb");
  const metrics = MONITORING.insightsMetrics;
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
