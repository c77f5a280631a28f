/**
 * What a schema-valid PlanSpec must also be for Forge to render it: components Forge knows, links that name real
 * components, sizes AWS accepts, and no two components claiming one Terraform name. Each problem says what to
 * change; renderStack refuses a PlanSpec with any.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { closest, type Problem } from "../../contracts/problem.js";
import { databaseNameProblem } from "./catalog/database-names.js";
import { DATABASE_ENGINES } from "./catalog/engines.js";
import { isFargateSize } from "./catalog/fargate.js";
import { instanceArchitecture } from "./catalog/instance-arch.js";
import { terraformLabel } from "./names.js";
import {
  GPU_SERVICE_PARTS,
  KUBERNETES_PARTS,
  SCHEDULED_TASK_PARTS,
  STREAM_PARTS,
} from "./stack/component-parts.js";
import { fitsInstance, GPU_FAMILIES, gpuInstanceFor, gpuInstances } from "./catalog/gpu-instances.js";
import { checkFunctionVpc } from "./check-function-vpc.js";
import { checkRegions } from "./check-regions.js";
import { checkTwoTargets } from "./check-domain-targets.js";
import { linkedOf } from "./stack/context.js";
import { componentRegion, stackRegions } from "./stack/regions.js";
import { fitsSubnets, subnetPrefix } from "./stack/subnets.js";

/** The component kinds Forge v0 renders. */
export const RENDERED_KINDS = [
  "network",
  "load-balancer",
  "container-service",
  "database",
  "cache",
  "object-storage",
  "cdn",
  "queue",
  "log-group",
  "function",
  "http-api",
  "key-value-store",
  "domain",
  "scheduled-task",
  "kubernetes-cluster",
  "stream",
] as const;

/** Files and Terraform names Forge writes for the stack as a whole. */
const RESERVED_FILES = new Set(["main", "versions", "providers", "backend", "variables", "outputs"]);
/** `cluster` is the ECS cluster's, in stacks that run ECS tasks. */
function reservedLabels(spec: PlanSpec): string[] {
  return stackRegions(spec).flatMap((region, i) => {
    const ecs = spec.components.some(
      (c) =>
        (c.kind === "container-service" || c.kind === "scheduled-task") &&
        componentRegion(spec, c) === region,
    );
    const suffix = i > 0 ? "_secondary" : "";
    return [`encryption${suffix}`, ...(ecs ? [`cluster${suffix}`] : [])];
  });
}

/** The components that run in c's region (global ones, such as a domain, count as the primary's). */
function inRegionOf(spec: PlanSpec, c: Component): Component[] {
  const region = componentRegion(spec, c);
  return spec.components.filter((o) => componentRegion(spec, o) === region);
}

const NEEDS_NETWORK = new Set([
  "load-balancer",
  "container-service",
  "database",
  "cache",
  "scheduled-task",
  "kubernetes-cluster",
]);

/** Components whose compute pulls images over the internet through a NAT gateway. */
const PULLS_IMAGES = new Set(["container-service", "scheduled-task", "kubernetes-cluster"]);

function at(i: number, field?: string): string {
  return `components[${i}]${field ? `.${field}` : ""}`;
}

function checkLinks(spec: PlanSpec, out: Problem[]): void {
  const ids = spec.components.map((c) => c.id);
  spec.components.forEach((c, i) => {
    if (ids.indexOf(c.id) !== i)
      out.push({ path: at(i, "id"), message: `"${c.id}" is used by another component already` });
    c.dependsOn.forEach((dep, j) => {
      if (ids.includes(dep)) return;
      const hint = closest(dep, ids);
      out.push({
        path: at(i, `dependsOn[${j}]`),
        message: `names no component ("${dep}")${hint ? `; did you mean "${hint}"?` : ""}`,
      });
    });
  });
}

function checkNames(spec: PlanSpec, out: Problem[]): void {
  const labels = new Map<string, string>(
    reservedLabels(spec).map((l) => [l, "Forge's shared resources in main.tf"]),
  );
  spec.components.forEach((c, i) => {
    if (RESERVED_FILES.has(c.id)) {
      out.push({
        path: at(i, "id"),
        message: `"${c.id}" would write ${c.id}.tf, which Forge writes for the stack; pick another id`,
      });
    }
    const own = [
      terraformLabel(c.id),
      ...(c.kind === "database" && c.params.flavor === "rds"
        ? [`${terraformLabel(c.id)}_security_group`]
        : []),
      ...(c.kind === "scheduled-task"
        ? SCHEDULED_TASK_PARTS.map((part) => `${terraformLabel(c.id)}_${part}`)
        : []),
      ...(c.kind === "container-service" && c.params.gpu
        ? GPU_SERVICE_PARTS.map((part) => `${terraformLabel(c.id)}_${part}`)
        : []),
      ...(c.kind === "stream" ? STREAM_PARTS.map((part) => `${terraformLabel(c.id)}_${part}`) : []),
      ...(c.kind === "kubernetes-cluster"
        ? KUBERNETES_PARTS.map((part) => `${terraformLabel(c.id)}_${part}`)
        : []),
      ...(c.kind === "domain" && c.params.targets.length > 1
        ? ["secondary", "primary_errors", "secondary_errors"].map((part) => `${terraformLabel(c.id)}_${part}`)
        : []),
    ];
    for (const label of own) {
      const holder = labels.get(label);
      if (holder)
        out.push({
          path: at(i, "id"),
          message: `"${c.id}" gives the Terraform name ${label}, which ${holder} has; pick another id`,
        });
      else labels.set(label, `component "${c.id}"`);
    }
  });
}

function checkFargateSize(p: { cpu: number; memoryMb: number }, i: number, out: Problem[]): void {
  if (!isFargateSize(p.cpu, p.memoryMb)) {
    out.push({
      path: at(i, "params.memoryMb"),
      message: `${p.memoryMb} MiB is not a Fargate size for ${p.cpu} vCPU`,
    });
  }
}

function checkComponent(spec: PlanSpec, c: Component, i: number, out: Problem[]): void {
  const local = inRegionOf(spec, c);
  const network = local.filter((o) => o.kind === "network");
  if (NEEDS_NETWORK.has(c.kind) && network.length === 0) {
    const where = spec.regions ? ` ${componentRegion(spec, c)}` : "";
    out.push({
      path: at(i, "kind"),
      message: `a ${c.kind} needs a network component to run in${where}; add one`,
    });
  }
  switch (c.kind) {
    case "network": {
      const { azCount, natGateways, cidr } = c.params;
      if (![0, 1, azCount].includes(natGateways)) {
        out.push({
          path: at(i, "params.natGateways"),
          message: `must be 0, 1 (shared) or ${azCount} (one per AZ) (got ${natGateways})`,
        });
      }
      if (!fitsSubnets(cidr, azCount)) {
        out.push({
          path: at(i, "params.cidr"),
          message: `${cidr} is too small for ${azCount} AZs: each subnet would be a /${subnetPrefix(cidr, azCount)}, and AWS's smallest is a /28`,
        });
      }
      if (
        fitsSubnets(cidr, azCount) &&
        subnetPrefix(cidr, azCount) > 27 &&
        local.some((o) => o.kind === "load-balancer")
      ) {
        out.push({
          path: at(i, "params.cidr"),
          message: `${cidr} over ${azCount} AZs gives /${subnetPrefix(cidr, azCount)} subnets; a load balancer needs at least a /27 with 8 free addresses`,
        });
      }
      if (natGateways === 0 && local.some((o) => PULLS_IMAGES.has(o.kind))) {
        out.push({
          path: at(i, "params.natGateways"),
          message:
            "must be at least 1: the container services, tasks and nodes pull their images over the internet",
        });
      }
      return;
    }
    case "load-balancer": {
      const services = linkedOf(spec, c, "container-service");
      if (services.length !== 1) {
        out.push({
          path: at(i, "dependsOn"),
          message: `a load balancer forwards to exactly one container-service, linked by dependsOn either way (found ${services.length})`,
        });
      }
      return;
    }
    case "container-service": {
      const p = c.params;
      if (p.gpu) checkGpu(p.gpu, p, i, out);
      else checkFargateSize(p, i, out);
      if (!(p.minCount <= p.desiredCount && p.desiredCount <= p.maxCount)) {
        out.push({
          path: at(i, "params.desiredCount"),
          message: `must lie between minCount ${p.minCount} and maxCount ${p.maxCount} (got ${p.desiredCount})`,
        });
      }
      const lbs = linkedOf(spec, c, "load-balancer");
      if (lbs.length > 1)
        out.push({
          path: at(i, "dependsOn"),
          message: "a container-service sits behind at most one load balancer",
        });
      const lb = lbs[0];
      if (lb?.kind === "load-balancer" && p.port !== undefined && p.port !== lb.params.targetPort) {
        out.push({
          path: at(i, "params.port"),
          message: `must equal ${lb.id}'s targetPort ${lb.params.targetPort} (got ${p.port})`,
        });
      }
      if (p.scaling.metric === "requests-per-target" && lbs.length === 0) {
        out.push({
          path: at(i, "params.scaling.metric"),
          message: "requests-per-target needs a linked load-balancer",
        });
      }
      if (p.scaling.metric === "queue-depth" && linkedOf(spec, c, "queue").length !== 1) {
        out.push({
          path: at(i, "params.scaling.metric"),
          message: "queue-depth needs exactly one linked queue",
        });
      }
      if (linkedOf(spec, c, "log-group").length > 1) {
        out.push({ path: at(i, "dependsOn"), message: "a container-service logs to at most one log-group" });
      }
      return;
    }
    case "database": {
      const engine = DATABASE_ENGINES[c.params.flavor][c.params.engine];
      if (c.params.engineVersion !== undefined && engine.major(c.params.engineVersion) === undefined) {
        out.push({
          path: at(i, "params.engineVersion"),
          message: `is not a ${engine.engine} version such as ${engine.defaultVersion} (got ${JSON.stringify(c.params.engineVersion)})`,
        });
      }
      const name = c.params.databaseName;
      const nameProblem = name === undefined ? undefined : databaseNameProblem(name, c.params.engine);
      if (nameProblem) {
        out.push({
          path: at(i, "params.databaseName"),
          message: `${nameProblem}, so RDS would refuse it (got ${JSON.stringify(name)})`,
        });
      }
      if (c.params.flavor === "rds" && c.params.instances !== 1) {
        out.push({
          path: at(i, "params.instances"),
          message: `an RDS instance is 1 (use flavor aurora for readers) (got ${c.params.instances})`,
        });
      }
      return;
    }
    case "cdn": {
      const origin = spec.components.find((o) => o.id === c.params.origin);
      if (origin?.kind !== "object-storage") {
        out.push({
          path: at(i, "params.origin"),
          message: `must name an object-storage component (got "${c.params.origin}")`,
        });
      }
      return;
    }
    case "http-api": {
      const functions = linkedOf(spec, c, "function");
      if (functions.length !== 1) {
        out.push({
          path: at(i, "dependsOn"),
          message: `an HTTP API invokes exactly one function, linked by dependsOn either way (found ${functions.length})`,
        });
      }
      if (c.params.auth === "jwt" && !c.params.jwt) {
        out.push({ path: at(i, "params.jwt"), message: "auth jwt needs the issuer and audience" });
      }
      return;
    }
    case "scheduled-task":
      checkFargateSize(c.params, i, out);
      return;
    case "kubernetes-cluster":
      checkNodeGroups(c, i, out);
      return;
    case "stream":
      checkStream(spec, c, i, out);
      return;
    case "function":
      checkFunctionVpc(spec, c, out);
      return;
    case "domain": {
      checkDomain(spec, c, i, out);
      return;
    }
    default:
      return;
  }
}

function checkGpu(
  gpu: NonNullable<Extract<Component, { kind: "container-service" }>["params"]["gpu"]>,
  p: { cpu: number; memoryMb: number },
  i: number,
  out: Problem[],
): void {
  const family = GPU_FAMILIES[gpu.type];
  if (gpu.instanceType !== undefined && !gpu.instanceType.startsWith(`${family}.`)) {
    out.push({
      path: at(i, "params.gpu.instanceType"),
      message: `must be a ${family} type for ${gpu.type} (got ${gpu.instanceType})`,
    });
    return;
  }
  if (
    gpu.instanceType !== undefined &&
    !gpuInstances(gpu.type).some((s) => s.instanceType === gpu.instanceType)
  ) {
    out.push({
      path: at(i, "params.gpu.instanceType"),
      message: `${gpu.instanceType} is not a ${family} size Forge knows`,
    });
    return;
  }
  const instance = gpuInstanceFor(gpu, p.cpu, p.memoryMb);
  if (!instance || !fitsInstance(instance, p.cpu, p.memoryMb, gpu.count)) {
    out.push({
      path: at(i, "params.memoryMb"),
      message: `a task of ${p.cpu} vCPU, ${p.memoryMb} MiB and ${gpu.count} GPU does not fit ${gpu.instanceType ?? `any ${family} instance`} (one task per instance, 1 GiB kept for the ECS agent)`,
    });
  }
}

function checkStream(
  spec: PlanSpec,
  c: Extract<Component, { kind: "stream" }>,
  i: number,
  out: Problem[],
): void {
  const p = c.params;
  if (p.engine === "kafka") {
    if (!spec.components.some((o) => o.kind === "network"))
      out.push({
        path: at(i, "params.engine"),
        message: "an MSK Serverless cluster needs a network component to run in; add one",
      });
    for (const field of ["mode", "shards", "delivery"] as const) {
      if (p[field] !== undefined)
        out.push({
          path: at(i, `params.${field}`),
          message: "applies to Kinesis only; leave it out for kafka",
        });
    }
    return;
  }
  if (p.mode === "provisioned" && p.shards === undefined)
    out.push({ path: at(i, "params.shards"), message: "a provisioned Kinesis stream needs its shard count" });
  if (p.mode !== "provisioned" && p.shards !== undefined)
    out.push({
      path: at(i, "params.shards"),
      message: "applies to provisioned mode only; an on-demand stream scales itself",
    });
  if (p.delivery) {
    const bucket = spec.components.find((o) => o.id === p.delivery!.bucket);
    if (bucket?.kind !== "object-storage")
      out.push({
        path: at(i, "params.delivery.bucket"),
        message: `must name an object-storage component (got "${p.delivery.bucket}")`,
      });
  }
}

function checkNodeGroups(
  c: Extract<Component, { kind: "kubernetes-cluster" }>,
  i: number,
  out: Problem[],
): void {
  const names = c.params.nodeGroups.map((g) => g.name);
  c.params.nodeGroups.forEach((g, j) => {
    const where = at(i, `params.nodeGroups[${j}]`);
    if (names.indexOf(g.name) !== j)
      out.push({ path: `${where}.name`, message: `"${g.name}" is used by another node group` });
    if (!(g.min <= g.desired && g.desired <= g.max)) {
      out.push({
        path: `${where}.desired`,
        message: `must lie between min ${g.min} and max ${g.max} (got ${g.desired})`,
      });
    }
    const arches = new Set(g.instanceTypes.map(instanceArchitecture));
    if (arches.size > 1) {
      out.push({
        path: `${where}.instanceTypes`,
        message: `mixes Graviton (arm64) and x86_64 types; a node group runs one AMI, so split them (got ${g.instanceTypes.join(", ")})`,
      });
    }
  });
}

function checkDomain(
  spec: PlanSpec,
  c: Extract<Component, { kind: "domain" }>,
  i: number,
  out: Problem[],
): void {
  if (c.params.targets.length > 1) checkTwoTargets(spec, c, i, out);
  c.params.targets.forEach((id, j) => {
    const target = spec.components.find((o) => o.id === id);
    const publicLb = target?.kind === "load-balancer" && target.params.scheme === "internet-facing";
    if (target?.kind !== "http-api" && target?.kind !== "cdn" && !publicLb) {
      out.push({
        path: at(i, `params.targets[${j}]`),
        message: `must name an http-api, a cdn or an internet-facing load-balancer component (got "${id}"${target ? `, a ${target.kind}` : ""})`,
      });
    }
  });
  if (
    spec.components.some(
      (o, k) => k !== i && o.kind === "domain" && o.params.targets.some((t) => c.params.targets.includes(t)),
    )
  ) {
    out.push({ path: at(i, "params.targets"), message: "another domain serves this target already" });
  }
}

/** Every reason Forge cannot render this PlanSpec; empty when it can. */
export function checkPlanSpecForRender(spec: PlanSpec): Problem[] {
  const out: Problem[] = [];
  checkLinks(spec, out);
  checkNames(spec, out);
  if (!spec.regions && spec.components.filter((c) => c.kind === "network").length > 1) {
    out.push({ path: "components", message: "Forge renders one network per stack" });
  }
  out.push(...checkRegions(spec));
  spec.components.forEach((c, i) => {
    if (!(RENDERED_KINDS as readonly string[]).includes(c.kind)) {
      out.push({
        path: at(i, "kind"),
        message: `Forge v0 does not render ${c.kind} components yet (it renders ${RENDERED_KINDS.join(", ")})`,
      });
      return;
    }
    checkComponent(spec, c, i, out);
  });
  const buckets = spec.components.flatMap((c, i) =>
    c.kind === "object-storage" ? [[`${c.params.bucket} ${componentRegion(spec, c)}`, i] as const] : [],
  );
  for (const [key, i] of buckets) {
    const bucket = key.split(" ")[0]!;
    if (buckets.find(([b]) => b === key)![1] !== i)
      out.push({ path: at(i, "params.bucket"), message: `"${bucket}" is used by another bucket already` });
  }
  return out;
}
