/**
 * A function linked to a database runs in the VPC, and its security group lets it reach only what it is linked
 * to: the database, the Secrets Manager interface endpoint and the gateway endpoints of its tables and buckets.
 * Without the endpoint, the function could not reach the secret, its tables or its buckets at all.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component, NetworkComponent } from "../../contracts/generated/plan-spec.js";
import type { Problem } from "../../contracts/problem.js";
import { linkedOf } from "./stack/context.js";
import { componentRegion } from "./stack/regions.js";

type Endpoint = "secretsManagerEndpoint" | "dynamodbGatewayEndpoint" | "s3GatewayEndpoint";

const REACHED: readonly { kind: Component["kind"]; endpoint: Endpoint; what: string }[] = [
  { kind: "database", endpoint: "secretsManagerEndpoint", what: "its database's secret" },
  { kind: "key-value-store", endpoint: "dynamodbGatewayEndpoint", what: "its DynamoDB tables" },
  { kind: "object-storage", endpoint: "s3GatewayEndpoint", what: "its buckets" },
];

export function checkFunctionVpc(spec: PlanSpec, fn: Component, out: Problem[]): void {
  const linked = (kind: Component["kind"]) => linkedOf(spec, fn, kind).length > 0;
  if (!linked("database")) return;
  const region = componentRegion(spec, fn);
  const i = spec.components.findIndex((c) => c.kind === "network" && componentRegion(spec, c) === region);
  if (i < 0) return;
  const network = spec.components[i] as NetworkComponent;
  for (const r of REACHED) {
    if (linked(r.kind) && network.params[r.endpoint] !== true) {
      out.push({
        path: `components[${i}].params.${r.endpoint}`,
        message: `${fn.id} runs in this VPC (it reaches a database) and reaches ${r.what} only through this endpoint: set it to true`,
      });
    }
  }
}
