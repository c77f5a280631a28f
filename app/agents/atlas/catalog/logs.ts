import { LOGS } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import type { Design } from "../design.js";
import { num } from "../format.js";
import type { CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";
import { STREAM } from "../stream-sizing.js";

/** Bytes logged per request or message; a stream consumer logs per batch of events. */
function bytesPerUnit(d: Design): number {
  return d.stream ? STREAM.logBytesPerEvent : LOGS.bytesPerRequest;
}

function ingestGb(d: Design): number {
  return gigabytes(bytesPerUnit(d), monthlyRequests(d.ctx), LOGS.baselineGb);
}

/** The CloudWatch log group the containers write to. */
export const logs: CatalogEntry = {
  ids: () => ["logs"],
  component(d) {
    const why =
      d.logRetentionDays === 365
        ? d.ctx.compliance.includes("pci")
          ? "PCI DSS 10.5.1 keeps audit logs for 12 months"
          : "HIPAA audit trails are kept for years: a year stays searchable here, export older logs to S3 for longer"
        : d.ctx.prod
          ? "90 days covers incident reviews in prod"
          : "30 days is enough outside prod";
    const ingest = ingestGb(d);
    return {
      id: "logs",
      kind: "log-group",
      params: { retentionDays: d.logRetentionDays, monthlyIngestGb: ingest },
      dependsOn: [],
      rationale: `Container logs: about ${num(ingest, 1)} GB a month (${bytesPerUnit(d)} bytes per ${d.stream ? "event" : "request or message"} plus ${LOGS.baselineGb} GB), kept ${d.logRetentionDays} days because ${why}.`,
    };
  },
  cost: (d) => [costLine("logs", "logs", logParts(d.ctx, "container logs", ingestGb(d), d.logRetentionDays))],
  risks: (d) => [
    {
      component: "logs",
      failure: "Logs stop arriving (a misconfigured driver) or expire before they are needed",
      impact: "Operators lose the trail to debug incidents; auditors lose evidence",
      mitigation: `The awslogs driver writes from every task; retention is ${d.logRetentionDays} days`,
      residual: "Nothing alarms on a silent log stream until someone looks; add a metric filter alarm",
      severity: "low",
    },
  ],
};
