import type { GoalStatement } from "../../contracts/generated/index.js";
import type { Blocked } from "./blocked.js";

function clash(field: string, message: string, change: string): Blocked {
  return {
    reasons: [{ code: "not-in-catalog", message, field }],
    attempts: [],
    suggestions: [
      { message: change, field },
      { message: "remove regions", field: "regions" },
    ],
  };
}

/** What a two-region goal of a type Atlas designs in two regions still asks that the pair cannot give. */
export function pairClash(goal: GoalStatement): Blocked | undefined {
  if (!goal.workload.domain) {
    return clash(
      "workload.domain",
      "a two-region design needs workload.domain: Route 53 fails a name over between the two regions' front doors, and the goal names none",
      "set workload.domain to a name in one of policy.dns.hostedZones",
    );
  }
  if (goal.data?.objectStorage) {
    return clash(
      "data.objectStorage",
      "a two-region design does not replicate buckets yet (S3 Cross-Region Replication is not designed): the second region's buckets would be empty at failover",
      "remove data.objectStorage, or keep the goal in one region",
    );
  }
  if (goal.workload.type === "serverless-api" && goal.data?.relational) {
    return clash(
      "data.relational",
      "a serverless-api in two regions is designed active-active on a DynamoDB global table (data.keyValue); a relational database in two regions is designed for web-api only (an Aurora global database behind the load balancers)",
      "use data.keyValue, or file the goal as a web-api",
    );
  }
  return undefined;
}
