import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { DATABASE, MONITORING, TRAFFIC } from "../assumptions.js";
import { costLine, type CostPart } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { defaultDatabaseName } from "../../forge/catalog/database-names.js";
import { databaseRelease, supportWords } from "../engines.js";
import { unit, who, type CatalogEntry } from "./entry.js";
import { logParts, UNSET_LOG_RETENTION_DAYS } from "./log-cost.js";

/** What every database flavor adds: the master user's secret RDS manages, and its logs in CloudWatch. */
function extras(d: Design): CostPart[] {
  const secret = unit(d.ctx, "secrets.secret-month");
  const logGb = Number((d.database!.instances * MONITORING.databaseLogGbPerInstance).toFixed(1));
  return [
    { usd: secret, text: `1 master user secret × ${price(secret)}` },
    ...logParts(d.ctx, "database logs and Enhanced Monitoring", logGb, UNSET_LOG_RETENTION_DAYS),
  ];
}

const ENGINE = {
  postgres: { name: "PostgreSQL" },
  mysql: { name: "MySQL" },
} as const;

/** Postgres or MySQL on RDS (Single- or Multi-AZ) or Aurora (a writer and a reader). */
export const database: CatalogEntry = {
  ids: (d) => (d.database ? ["database"] : []),
  component(d) {
    const db = d.database!;
    const { prod, compliance } = d.ctx;
    const spec = db.choice.spec;
    const engine = ENGINE[db.need.engine];
    const release = databaseRelease(d.ctx, db.flavor, db.need.engine)!;
    const databaseName = defaultDatabaseName(d.ctx.goal.name, db.need.engine);
    const flavor =
      db.flavor === "aurora"
        ? `Aurora ${engine.name}, a writer and a reader in another AZ (${SLAS.auroraMultiAz.percent} % SLA, failover in about 30 s)`
        : `RDS for ${engine.name}, ${db.multiAz ? `Multi-AZ with a synchronous standby (${SLAS.rdsMultiAz.percent} % SLA, failover in 60–120 s)` : `Single-AZ (${SLAS.rdsSingleAz.percent} % SLA)`}`;
    return {
      id: "database",
      kind: "database",
      params: {
        engine: db.need.engine,
        flavor: db.flavor,
        engineVersion: release.version,
        databaseName,
        instanceClass: spec.name,
        instances: db.instances,
        storageGb: db.need.storageGb,
        multiAz: db.multiAz,
        backupRetentionDays: compliance.includes("pci") || compliance.includes("hipaa") ? 35 : prod ? 14 : 7,
        deletionProtection: prod,
      },
      dependsOn: ["network"],
      rationale: `${flavor}, version ${release.version} (${supportWords(release)}), database ${databaseName}. ${spec.name} (${spec.vcpu} vCPU, ${spec.memoryGb} GiB) is the cheapest allowed class with ≥ ${db.need.vcpu} vCPU for ${num(db.need.peakQps)} queries/s at peak and ≥ ${num(db.need.memoryGb, 1)} GiB to keep ${num(d.profile.workingSetRatio * 100)} % of ${num(db.need.storageGb)} GB in memory.`,
    };
  },
  cost(d) {
    const db = d.database!;
    const { ctx } = d;
    const cls = db.choice.spec.name;
    if (db.flavor === "aurora") {
      const storage = unit(ctx, "aurora.storage.gb-month");
      const io = unit(ctx, "aurora.io.per-million");
      const avgQps = db.need.peakQps * (ctx.avgRps / ctx.peakRps);
      const ioMillions = Number(
        ((avgQps * TRAFFIC.secondsPerMonth * DATABASE.auroraIoPerQuery) / 1e6).toFixed(0),
      );
      return [
        costLine("database", "database", [
          {
            usd: db.instances * H * db.choice.hourly,
            text: `${db.instances} × ${cls} × ${H} h × ${price(db.choice.hourly)}`,
          },
          { usd: db.need.storageGb * storage, text: `${num(db.need.storageGb, 0)} GB × ${price(storage)}` },
          { usd: ioMillions * io, text: `${num(ioMillions, 0)} M I/O × ${price(io)}` },
          ...extras(d),
        ]),
      ];
    }
    const factor = db.multiAz ? 2 : 1;
    const storage = unit(ctx, db.multiAz ? "rds.gp3.gb-month.multi-az" : "rds.gp3.gb-month");
    return [
      costLine("database", "database", [
        {
          usd: factor * H * db.choice.hourly,
          text: `${cls} ${db.multiAz ? "Multi-AZ" : "Single-AZ"} × ${H} h × ${price(factor * db.choice.hourly)}`,
        },
        { usd: db.need.storageGb * storage, text: `${num(db.need.storageGb, 0)} GB gp3 × ${price(storage)}` },
        ...extras(d),
      ]),
    ];
  },
  link(d) {
    const db = d.database;
    if (!db) return undefined;
    return slaLink(
      "database",
      db.flavor === "aurora" ? SLAS.auroraMultiAz : db.multiAz ? SLAS.rdsMultiAz : SLAS.rdsSingleAz,
    );
  },
  risks(d) {
    const db = d.database!;
    const failover = db.flavor === "aurora" ? "about 30 s" : "60–120 s";
    return [
      {
        component: "database",
        failure: db.multiAz ? "The primary instance or its AZ fails" : "The instance or its AZ fails",
        impact: `Queries fail for ${who(d)} ${db.multiAz ? `during the failover (${failover})` : "until the instance is restored"}`,
        mitigation: db.multiAz
          ? `${db.flavor === "aurora" ? "Aurora promotes the reader" : "RDS promotes the synchronous standby"}; automated backups with point-in-time recovery`
          : "Automated backups with point-in-time recovery (restore in minutes to an hour)",
        residual: db.multiAz
          ? `${failover} of failed writes; clients must reconnect`
          : "Downtime during restore; up to 5 minutes of writes lost (RPO)",
        severity: db.multiAz ? "medium" : "high",
      },
      ...(db.choice.spec.burstable
        ? [
            {
              component: "database",
              failure: `Sustained load drains the burstable ${db.choice.spec.name}'s CPU credits`,
              impact: `Queries slow down for ${who(d)} once the credits run out (or unlimited mode bills extra)`,
              mitigation:
                "A CloudWatch alarm on CPUCreditBalance; the class can be changed to db.m7g or db.r6g in a maintenance window",
              residual: "Slower queries until the class is changed",
              severity: "medium" as const,
            },
          ]
        : []),
    ];
  },
};
