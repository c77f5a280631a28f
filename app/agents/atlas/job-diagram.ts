import type { Design } from "./design.js";
import type { JobPlan } from "./job-sizing.js";

function node(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, "_");
}

/** A scheduled job's flowchart: the schedule starts the workflow, which runs the task in the VPC. */
export function jobDiagram(d: Design, j: JobPlan): string[] {
  const db = d.database;
  const lines = [
    "flowchart LR",
    `  scheduler["scheduler: EventBridge Scheduler ${j.schedule.expression}, ${j.timezone}"]`,
    `  internet(["Internet: image registry, outside APIs"])`,
    `  subgraph region["AWS ${d.ctx.region}"]`,
    `    workflow["workflow: Step Functions, ${j.retries} retr${j.retries === 1 ? "y" : "ies"}, ${j.timeoutMinutes} min timeout"]`,
    '    dlq[("dead letters: SQS")]',
    '    alarms["alarms: CloudWatch → SNS"]',
    `    subgraph vpc["network: VPC over ${d.azCount} AZs, private subnets"]`,
    `      job["job: Fargate task, ${j.cpu} vCPU / ${j.memoryMb} MiB"]`,
    `      nat["NAT gateway${d.natGateways > 1 ? `s (${d.natGateways})` : ""}"]`,
    ...(db
      ? [
          `      database[("database: ${db.flavor === "aurora" ? "Aurora" : db.multiAz ? "RDS Multi-AZ" : "RDS"} ${db.choice.spec.name}")]`,
        ]
      : []),
    ...(d.cache ? [`      cache[("cache: Redis ${d.cache.choice.spec.name}")]`] : []),
    "    end",
    `    logs["logs: CloudWatch Logs, ${d.logRetentionDays} days"]`,
    ...d.buckets.map((b) => `    ${node(`bucket-${b}`)}[("bucket-${b}: S3")]`),
    "  end",
    "  scheduler -->|StartExecution| workflow",
    "  scheduler -.->|undelivered start| dlq",
    "  workflow -->|RunTask, wait| job",
    "  workflow -.->|failed run| alarms",
    "  dlq -.-> alarms",
    "  job -->|image pull, egress| nat",
    "  nat --> internet",
    "  job -.->|logs| logs",
    ...(db ? ["  job -->|SQL| database"] : []),
    ...(d.cache ? ["  job -->|Redis| cache"] : []),
    ...d.buckets.map((b) => `  job --> ${node(`bucket-${b}`)}`),
  ];
  return lines;
}
