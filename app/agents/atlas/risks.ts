import type { Risk } from "../../contracts/generated/plan-spec.js";
import { QUEUE } from "./assumptions.js";
import type { Design } from "./design.js";
import { num } from "./format.js";

function who(d: Design): string {
  return d.ctx.pattern === "worker" ? "jobs in the queue" : "every caller of the API";
}

function networkRisk(d: Design): Risk {
  const perAz = d.natGateways > 1;
  return {
    component: "network",
    failure: perAz ? "An AZ (and its NAT gateway) fails" : "The AZ holding the one NAT gateway fails",
    impact: perAz
      ? `Tasks in that AZ lose egress; the tasks in the other ${d.azCount - 1 === 1 ? "AZ keep" : `${d.azCount - 1} AZs keep`} serving`
      : "Every task loses egress: image pulls, new tasks and calls to outside APIs fail",
    mitigation: perAz
      ? d.ctx.pattern === "web-api"
        ? "One NAT gateway per AZ; the service keeps running in the remaining AZs and the ALB stops routing to the failed one"
        : "One NAT gateway per AZ; the workers in the remaining AZs keep draining the queue"
      : "Running tasks keep serving what needs no egress; a second NAT gateway can be added in minutes",
    residual: perAz
      ? "Reduced capacity until autoscaling replaces the lost tasks"
      : "No outside calls until the AZ recovers or a NAT gateway is added",
    severity: perAz ? "low" : "medium",
  };
}

function serviceRisks(d: Design): Risk[] {
  const s = d.service!;
  const ceiling = s.maxCount * s.plan.perTaskRps;
  const unit = d.ctx.pattern === "worker" ? "msg/s" : "rps";
  return [
    {
      component: s.id,
      failure: "A bad image or configuration crashes every new task",
      impact:
        d.ctx.pattern === "worker"
          ? "Jobs wait in the queue and finish late"
          : `Requests fail for ${who(d)} if the old tasks are gone`,
      mitigation:
        "ECS rolling deployment with the circuit breaker and rollback keeps the old tasks until the new ones are healthy",
      residual: "A deploy stalls until it is fixed; the previous version keeps serving",
      severity: "medium",
    },
    {
      component: s.id,
      failure: `Load beyond ${num(ceiling)} ${unit} (${s.maxCount} tasks at full use)`,
      impact:
        d.ctx.pattern === "worker"
          ? "The backlog grows and jobs finish late"
          : "Latency climbs past the p95 target and requests time out",
      mitigation: `Autoscaling up to ${s.maxCount} tasks, twice what the stated peak needs`,
      residual: "A longer surge needs maxCount (and the policy's maxTasks) raised",
      severity: "low",
    },
  ];
}

function databaseRisk(d: Design): Risk {
  const db = d.database!;
  const failover = db.flavor === "aurora" ? "about 30 s" : "60–120 s";
  return {
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
  };
}

function cacheRisk(d: Design): Risk {
  const c = d.cache!;
  return {
    component: "cache",
    failure: c.multiAz ? "The primary node or its AZ fails" : "The cache node fails",
    impact: c.multiAz
      ? "Writes to the cache fail for a few seconds to a minute"
      : "Cached data and sessions are lost; the database takes the whole load",
    mitigation: c.multiAz
      ? "The replica in another AZ is promoted automatically"
      : "A replacement node starts empty; the application falls back to the database",
    residual: c.multiAz
      ? "Writes not yet replicated are lost"
      : "Users may have to sign in again; slower responses while the cache warms",
    severity: c.multiAz ? "low" : "medium",
  };
}

function loadBalancerRisk(d: Design): Risk {
  return {
    component: "load-balancer",
    failure: "The region's load balancing is disrupted, or a WAF rule blocks legitimate traffic",
    impact: "Every caller of the API gets errors",
    mitigation: `An ALB spans ${d.azCount} AZs (99.99 % SLA)${d.waf ? "; WAF rules start in count mode before they block" : ""}`,
    residual: "No second region to fail over to",
    severity: "medium",
  };
}

function queueRisk(): Risk {
  return {
    component: "queue",
    failure: "A poison message fails every time it is processed",
    impact: "It is retried and delays the jobs behind it",
    mitigation: `After ${QUEUE.maxReceiveCount} receives it moves to the dead-letter queue, kept 14 days`,
    residual: "Someone must inspect and redrive the dead-letter queue; alarm on its depth",
    severity: "low",
  };
}

function bucketRisk(id: string): Risk {
  return {
    component: id,
    failure: "Objects are deleted or overwritten by mistake",
    impact: "The data they hold is gone for its readers",
    mitigation: "Versioning keeps every earlier version; public access is blocked and encryption is on",
    residual: "Old versions cost storage until a lifecycle rule expires them",
    severity: "low",
  };
}

function siteRisks(): Risk[] {
  return [
    {
      component: "cdn",
      failure: "A CloudFront disruption or a bad cache behaviour",
      impact: "Visitors cannot load the site",
      mitigation:
        "CloudFront's 99.9 % SLA; a bad publish is rolled back from the versioned bucket and invalidated",
      residual: "No second CDN",
      severity: "medium",
    },
    {
      component: "site",
      failure: "A broken publish or a deleted file",
      impact: "Visitors see broken pages once caches expire",
      mitigation: "Versioning restores earlier files; the bucket is readable only by CloudFront",
      residual: "Cached broken pages until invalidated",
      severity: "low",
    },
  ];
}

/** The failure impact of each component: what breaks, for whom, the mitigation and what is left. */
export function risks(d: Design): Risk[] {
  const buckets = d.buckets.map((b) => bucketRisk(`bucket-${b}`));
  if (d.ctx.pattern === "static-site") return [...siteRisks(), ...buckets];
  return [
    networkRisk(d),
    ...(d.ctx.pattern === "web-api" ? [loadBalancerRisk(d)] : [queueRisk()]),
    ...serviceRisks(d),
    ...(d.database ? [databaseRisk(d)] : []),
    ...(d.cache ? [cacheRisk(d)] : []),
    ...buckets,
  ];
}
