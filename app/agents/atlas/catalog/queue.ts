import { slaLink } from "../availability.js";
import { QUEUE } from "../assumptions.js";
import { monthlyRequests, type DesignContext } from "../context.js";
import { costLine } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";

function requestMillions(ctx: DesignContext): number {
  return Number(((monthlyRequests(ctx) * QUEUE.requestsPerMessage) / 1e6).toFixed(1));
}

/** An SQS standard queue with a dead-letter queue, feeding the workers. */
export const queue: CatalogEntry = {
  ids: () => ["queue"],
  component(d) {
    return {
      id: "queue",
      kind: "queue",
      params: {
        visibilityTimeoutSeconds: QUEUE.visibilityTimeoutSeconds,
        messageRetentionSeconds: QUEUE.messageRetentionSeconds,
        deadLetter: {
          maxReceiveCount: QUEUE.maxReceiveCount,
          messageRetentionSeconds: QUEUE.deadLetterRetentionSeconds,
        },
        monthlyRequestsMillions: requestMillions(d.ctx),
      },
      dependsOn: [],
      rationale: `SQS standard queue (${SLAS.sqs.percent} % SLA) buffers bursts up to ${num(d.ctx.peakRps)} msg/s; a message that fails ${QUEUE.maxReceiveCount} times moves to the dead-letter queue, kept 14 days. Messages are kept 4 days, so a stopped worker loses nothing.`,
    };
  },
  cost(d) {
    const perMillion = unit(d.ctx, "sqs.standard.per-million");
    const millions = requestMillions(d.ctx);
    return [
      costLine("queue", "queue", [
        {
          usd: millions * perMillion,
          text: `${num(millions, 1)} M requests (send, receive, delete) × ${price(perMillion)}`,
        },
      ]),
    ];
  },
  link() {
    return slaLink("queue", SLAS.sqs, `${SLAS.sqs.basis}: producers put their jobs on the queue`);
  },
  risks: () => [
    {
      component: "queue",
      failure: "A poison message fails every time it is processed",
      impact: "It is retried and delays the jobs behind it",
      mitigation: `After ${QUEUE.maxReceiveCount} receives it moves to the dead-letter queue, kept 14 days`,
      residual: "Someone must inspect and redrive the dead-letter queue; alarm on its depth",
      severity: "low",
    },
  ],
};
