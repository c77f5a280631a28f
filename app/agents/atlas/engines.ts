import type { RelationalEngine } from "../pricing/index.js";
import {
  ENGINE_SUPPORT,
  supportedRelease,
  type EngineKey,
  type EngineRelease,
} from "../forge/catalog/engine-support.js";
import type { DesignContext } from "./context.js";

export type DatabaseFlavor = "rds" | "aurora";

const DATABASE_KEYS: Readonly<Record<DatabaseFlavor, Record<RelationalEngine, EngineKey>>> = {
  rds: { postgres: "rds-postgres", mysql: "rds-mysql" },
  aurora: { postgres: "aurora-postgres", mysql: "aurora-mysql" },
};

/** The database release Atlas creates on the design's date, or undefined when none is in standard support. */
export function databaseRelease(
  ctx: DesignContext,
  flavor: DatabaseFlavor,
  engine: RelationalEngine,
): EngineRelease | undefined {
  return supportedRelease(DATABASE_KEYS[flavor][engine], ctx.now);
}

/** The database engine as a person reads it: "RDS for PostgreSQL", "Aurora MySQL". */
export function databaseEngineName(flavor: DatabaseFlavor, engine: RelationalEngine): string {
  return ENGINE_SUPPORT[DATABASE_KEYS[flavor][engine]].name;
}

/** The cache engine as a person reads it. */
export function cacheEngineName(): string {
  return ENGINE_SUPPORT["elasticache-redis"].name;
}

/** The cache release Atlas creates on the design's date. */
export function cacheRelease(ctx: DesignContext): EngineRelease | undefined {
  return supportedRelease("elasticache-redis", ctx.now);
}

/** "in standard support until 2030-02-28", or that none is announced. */
export function supportWords(release: EngineRelease): string {
  return release.standardSupportEnds
    ? `in standard support until ${release.standardSupportEnds}`
    : "no end of standard support announced";
}
