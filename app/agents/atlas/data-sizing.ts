import {
  auroraInstanceHourly,
  elasticacheNodeHourly,
  rdsInstanceHourly,
  type RelationalEngine,
} from "../pricing/index.js";
import { CACHE, DATABASE } from "./assumptions.js";
import type { DesignContext } from "./context.js";
import {
  AURORA_CLASSES,
  AURORA_GLOBAL_CLASSES,
  CACHE_CLASSES,
  DB_CLASSES,
  type ClassSpec,
} from "./instance-specs.js";
import type { Profile } from "./profiles.js";

/** What the database must hold and serve. */
export interface DbNeed {
  readonly engine: RelationalEngine;
  readonly storageGb: number;
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly peakQps: number;
}

export interface ClassChoice {
  readonly spec: ClassSpec;
  readonly hourly: number;
}

export type ClassPick =
  | { readonly ok: true; readonly choice: ClassChoice }
  | { readonly ok: false; readonly reason: "family"; readonly family: string }
  | { readonly ok: false; readonly reason: "size" };

export function dbNeed(ctx: DesignContext, profile: Profile): DbNeed | undefined {
  const relational = ctx.goal.data?.relational;
  if (!relational) return undefined;
  const perUnit = ctx.pattern === "worker" ? DATABASE.queriesPerMessage : DATABASE.queriesPerRequest;
  const peakQps = ctx.peakRps * perUnit;
  return {
    engine: relational.engine,
    storageGb: relational.storageGb,
    vcpu: Math.max(2, Math.ceil(peakQps / DATABASE.qpsPerVcpu)),
    memoryGb: Math.max(1, Math.min(DATABASE.maxWorkingSetGb, relational.storageGb * profile.workingSetRatio)),
    peakQps,
  };
}

function allowedFamily(ctx: DesignContext, family: string): boolean {
  const allowed = ctx.policy.policy.sizeCaps.allowedInstanceFamilies;
  return allowed === undefined || allowed.includes(family);
}

/** The cheapest class that is allowed, priced in the region and big enough; ties go to the smaller class. */
function cheapest(
  ctx: DesignContext,
  profile: Profile,
  classes: readonly ClassSpec[],
  fits: (spec: ClassSpec) => boolean,
  hourly: (spec: ClassSpec) => number | undefined,
): ClassPick {
  const allowed = classes.filter((c) => allowedFamily(ctx, c.family) && hourly(c) !== undefined);
  const candidates = allowed.filter((c) => profile.allowBurstable || !c.burstable).filter(fits);
  if (candidates.length === 0) {
    const fitting = classes.filter(
      (c) => hourly(c) !== undefined && (profile.allowBurstable || !c.burstable) && fits(c),
    );
    const cheapestFitting = fitting.sort((a, b) => hourly(a)! - hourly(b)!)[0];
    return cheapestFitting
      ? { ok: false, reason: "family", family: cheapestFitting.family }
      : { ok: false, reason: "size" };
  }
  const best = candidates
    .map((spec) => ({ spec, hourly: hourly(spec)! }))
    .sort(
      (a, b) =>
        a.hourly - b.hourly || a.spec.memoryGb - b.spec.memoryGb || a.spec.name.localeCompare(b.spec.name),
    )[0]!;
  return { ok: true, choice: best };
}

function fitsDb(need: DbNeed): (spec: ClassSpec) => boolean {
  return (spec) => spec.vcpu >= need.vcpu && spec.memoryGb >= need.memoryGb;
}

export function pickRdsClass(ctx: DesignContext, profile: Profile, need: DbNeed): ClassPick {
  return cheapest(
    ctx,
    profile,
    DB_CLASSES,
    fitsDb(need),
    (c) => rdsInstanceHourly(ctx.region, need.engine, c.name, false)?.usd,
  );
}

export function pickAuroraClass(ctx: DesignContext, profile: Profile, need: DbNeed): ClassPick {
  return cheapest(
    ctx,
    profile,
    ctx.globalDatabase ? AURORA_GLOBAL_CLASSES : AURORA_CLASSES,
    fitsDb(need),
    (c) => auroraInstanceHourly(ctx.region, need.engine, c.name)?.usd,
  );
}

/** The memory a cache node needs: the goal's data plus ElastiCache's reserved share. */
export function cacheMemoryNeed(ctx: DesignContext): number | undefined {
  const cache = ctx.goal.data?.cache;
  if (!cache) return undefined;
  return (cache.memoryGb ?? CACHE.defaultMemoryGb) / (1 - CACHE.reservedMemory);
}

export function pickCacheNode(ctx: DesignContext, profile: Profile, memoryGb: number): ClassPick {
  return cheapest(
    ctx,
    profile,
    CACHE_CLASSES,
    (c) => c.memoryGb >= memoryGb,
    (c) => elasticacheNodeHourly(ctx.region, c.name)?.usd,
  );
}

/** The largest cache the catalog can size, in GB of data (after the reserved share). */
export function maxCacheDataGb(): number {
  return Math.floor(Math.max(...CACHE_CLASSES.map((c) => c.memoryGb)) * (1 - CACHE.reservedMemory));
}
