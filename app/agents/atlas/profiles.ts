import type { CpuArchitecture } from "../pricing/index.js";
import { maxAzCount } from "./cidr.js";
import type { DesignContext } from "./context.js";

/**
 * The knobs of one design attempt. Atlas tries the preferred design first, then up to two relaxed retries;
 * every attempt keeps the SLO (topologies are enumerated against it) and the policy (sizes are capped by it).
 */
export interface Profile {
  readonly name: "preferred" | "trimmed" | "lean";
  /** AZs the VPC and service span. */
  readonly azCount: 2 | 3;
  /** The goal's CPU architecture: never changed by a retry, since the image is built for one. */
  readonly arch: CpuArchitecture;
  /** Burstable (t4g) database and cache classes may be chosen. */
  readonly allowBurstable: boolean;
  readonly workingSetRatio: number;
  /** Tasks per AZ the design keeps at least, before the SLO's own floor. */
  readonly tasksPerAz: number;
  /** A static site keeps its WAF web ACL (a compliance regime that asks for one keeps it in every attempt). */
  readonly siteWaf: boolean;
  /** Topology floors the design keeps even when the SLO would allow less. */
  readonly floors: {
    readonly natPerAz: boolean;
    readonly dbMultiAz: boolean;
    readonly cacheMultiAz: boolean;
  };
}

/** The attempts in order: the design a platform engineer would draw, then two relaxed retries. */
export function profiles(ctx: DesignContext): readonly Profile[] {
  const highSlo = ctx.target >= 99.9;
  const preferred: Profile = {
    name: "preferred",
    azCount: ctx.target >= 99.95 && maxAzCount(ctx) >= 3 ? 3 : 2,
    arch: ctx.goal.workload.architecture === "arm64" ? "ARM64" : "X86_64",
    allowBurstable: !ctx.prod,
    workingSetRatio: 0.1,
    tasksPerAz: ctx.prod && ctx.target >= 99.9 ? 2 : 1,
    siteWaf: true,
    floors: { natPerAz: ctx.prod, dbMultiAz: ctx.prod || highSlo, cacheMultiAz: ctx.prod },
  };
  const trimmed: Profile = {
    ...preferred,
    name: "trimmed",
    azCount: 2,
    allowBurstable: true,
    tasksPerAz: 1,
    siteWaf: false,
    floors: { natPerAz: false, dbMultiAz: ctx.prod || highSlo, cacheMultiAz: false },
  };
  const lean: Profile = { ...trimmed, name: "lean", workingSetRatio: 0.05 };
  return [preferred, trimmed, lean];
}

/** The per-AZ task floor the SLO itself needs: two per AZ from 99.95 %, so a task failure never empties an AZ. */
export function sloTasksPerAz(target: number): number {
  return target >= 99.95 ? 2 : 1;
}
