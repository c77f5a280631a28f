/**
 * What a two-region PlanSpec must also be for Forge to render it: the primary first in regions, every component in
 * one of them, each region's components using only each other (the secondary database follows the primary through
 * replicaOf), Aurora for a global database, and replicas in the other region.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import type { Problem } from "../../contracts/problem.js";
import { DATABASE_ENGINES } from "./catalog/engines.js";
import { componentRegion } from "./stack/regions.js";

/** Kinds that are global (Route 53, CloudFront): they take no region. */
const GLOBAL_KINDS = new Set<Component["kind"]>(["domain", "cdn"]);

/** Kinds Forge renders in the primary region only, and what to do instead. */
const PRIMARY_ONLY: Partial<Record<Component["kind"], string>> = {
  "key-value-store":
    "a DynamoDB table is one global table in the primary; name the secondary in params.replicaRegions",
  "kubernetes-cluster": "Forge renders an EKS cluster in the primary region only",
  stream: "Forge renders a stream in the primary region only",
};

function at(i: number, field: string): string {
  return `components[${i}].${field}`;
}

function oneRegion(spec: PlanSpec, out: Problem[]): void {
  if (spec.multiRegion)
    out.push({
      path: "multiRegion",
      message: "applies to a two-region PlanSpec; set regions or leave it out",
    });
  spec.components.forEach((c, i) => {
    if (c.region !== undefined && c.region !== spec.region)
      out.push({
        path: at(i, "region"),
        message: `is not the PlanSpec's region ${spec.region}; a second region needs regions: [${spec.region}, ${c.region}] (got ${c.region})`,
      });
    if (c.kind === "database" && c.params.replicaOf !== undefined)
      out.push({
        path: at(i, "params.replicaOf"),
        message: "an Aurora Global Database needs two regions: set regions to [primary, secondary]",
      });
    if (c.kind === "key-value-store" && c.params.replicaRegions?.length)
      out.push({
        path: at(i, "params.replicaRegions"),
        message: "a DynamoDB global table needs two regions: set regions to [primary, secondary]",
      });
  });
}

function checkPlacement(
  spec: PlanSpec,
  regions: readonly string[],
  c: Component,
  i: number,
  out: Problem[],
): void {
  if (c.region === undefined) return;
  if (GLOBAL_KINDS.has(c.kind)) {
    out.push({ path: at(i, "region"), message: `a ${c.kind} is global; leave region out (got ${c.region})` });
    return;
  }
  if (!regions.includes(c.region)) {
    out.push({
      path: at(i, "region"),
      message: `must be one of regions (${regions.join(", ")}) (got ${c.region})`,
    });
    return;
  }
  if (c.region === spec.region) return;
  const instead = PRIMARY_ONLY[c.kind];
  if (instead) out.push({ path: at(i, "region"), message: `${instead} (got ${c.region})` });
  const ecr =
    c.kind === "function" ? /^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\./.exec(c.params.image ?? "")?.[1] : undefined;
  if (ecr !== undefined && ecr !== c.region)
    out.push({
      path: at(i, "params.image"),
      message: `Lambda takes an image from ECR in its own region only: push it to ${c.region} too (got an image in ${ecr})`,
    });
  if (c.kind === "container-service" && c.params.gpu)
    out.push({
      path: at(i, "region"),
      message: `Forge renders GPU services in the primary region only (got ${c.region})`,
    });
}

function checkLinksStayInRegion(spec: PlanSpec, c: Component, i: number, out: Problem[]): void {
  if (GLOBAL_KINDS.has(c.kind)) return;
  const here = componentRegion(spec, c);
  c.dependsOn.forEach((id, j) => {
    const other = spec.components.find((o) => o.id === id);
    if (!other || GLOBAL_KINDS.has(other.kind)) return;
    if (c.kind === "database" && c.params.replicaOf === id) return;
    if (other.kind === "key-value-store" && (other.params.replicaRegions ?? []).includes(here)) return;
    const there = componentRegion(spec, other);
    if (there !== here)
      out.push({
        path: at(i, `dependsOn[${j}]`),
        message: `"${id}" runs in ${there} and ${c.id} in ${here}; a component uses its own region's components only (a secondary database follows the primary through params.replicaOf; a global table reaches a region named in its params.replicaRegions)`,
      });
  });
}

function checkReplica(
  spec: PlanSpec,
  c: Extract<Component, { kind: "database" }>,
  i: number,
  out: Problem[],
): void {
  const id = c.params.replicaOf;
  if (id === undefined) return;
  const primary = spec.components.find((o) => o.id === id);
  if (primary?.kind !== "database") {
    out.push({ path: at(i, "params.replicaOf"), message: `must name a database component (got "${id}")` });
    return;
  }
  if (c.params.flavor !== "aurora" || primary.params.flavor !== "aurora") {
    out.push({
      path: at(i, "params.flavor"),
      message: `an RDS instance (flavor rds) cannot be part of a global database; Aurora Global Database joins Aurora clusters only: use flavor aurora for ${c.id} and ${primary.id}`,
    });
    return;
  }
  if (primary.params.replicaOf !== undefined)
    out.push({
      path: at(i, "params.replicaOf"),
      message: `"${id}" is a secondary itself; name the primary database`,
    });
  if (componentRegion(spec, primary) !== spec.region)
    out.push({
      path: at(i, "params.replicaOf"),
      message: `"${id}" must run in the primary region ${spec.region}`,
    });
  if (componentRegion(spec, c) === spec.region)
    out.push({
      path: at(i, "region"),
      message: `a secondary database runs in the secondary region ${spec.regions![1]}`,
    });
  if (c.params.engine !== primary.params.engine) {
    out.push({
      path: at(i, "params.engine"),
      message: `must be ${primary.params.engine}, the engine of ${id} (got ${c.params.engine})`,
    });
    return;
  }
  const engine = DATABASE_ENGINES.aurora[c.params.engine];
  const version = (db: typeof c): string => db.params.engineVersion ?? engine.defaultVersion;
  if (version(c) !== version(primary))
    out.push({
      path: at(i, "params.engineVersion"),
      message: `must equal ${id}'s ${version(primary)}: a global database runs one engine version (got ${version(c)})`,
    });
  const first = spec.components.findIndex((o) => o.kind === "database" && o.params.replicaOf === id);
  if (first !== i) out.push({ path: at(i, "params.replicaOf"), message: `"${id}" has a secondary already` });
}

function checkReplicaRegions(
  spec: PlanSpec,
  c: Extract<Component, { kind: "key-value-store" }>,
  i: number,
  out: Problem[],
): void {
  const other = spec.regions!.filter((r) => r !== componentRegion(spec, c));
  (c.params.replicaRegions ?? []).forEach((r, j) => {
    if (!other.includes(r))
      out.push({
        path: at(i, `params.replicaRegions[${j}]`),
        message: `must be the other region of regions (${other.join(", ")}) (got ${r})`,
      });
  });
}

/** Every reason Forge cannot render the PlanSpec's regions; empty for a one-region PlanSpec that names none. */
export function checkRegions(spec: PlanSpec): Problem[] {
  const out: Problem[] = [];
  const regions = spec.regions;
  if (!regions) {
    oneRegion(spec, out);
    return out;
  }
  if (regions[0] !== spec.region)
    out.push({
      path: "regions[0]",
      message: `must be the PlanSpec's region ${spec.region}, the primary (got ${regions[0]})`,
    });
  spec.components.forEach((c, i) => {
    checkPlacement(spec, regions, c, i, out);
    checkLinksStayInRegion(spec, c, i, out);
    if (c.kind === "database") checkReplica(spec, c, i, out);
    if (c.kind === "key-value-store") checkReplicaRegions(spec, c, i, out);
  });
  for (const region of regions) {
    const networks = spec.components.filter(
      (c) => c.kind === "network" && componentRegion(spec, c) === region,
    );
    if (networks.length > 1)
      out.push({
        path: "components",
        message: `Forge renders one network per region (${region} has ${networks.map((n) => n.id).join(", ")})`,
      });
  }
  return out;
}
