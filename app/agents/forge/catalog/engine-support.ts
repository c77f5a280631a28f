/**
 * The engine versions Infracrew creates, with the date each major version leaves AWS's standard support. RDS and
 * Aurora refuse to create a major version past that date unless the stack pays for RDS Extended Support, which
 * Forge turns off (`engine_lifecycle_support = "open-source-rds-extended-support-disabled"`), and ElastiCache moves
 * such versions to paid Extended Support. A default past its date would plan and then fail at apply.
 *
 * Read 2026-11-27 from the pages in each row's `source`; cross-checked against endoflife.date's records of the same
 * AWS calendars (products/amazon-rds-postgresql.md, amazon-rds-mysql.md, amazon-aurora-postgresql.md,
 * amazon-elasticache-redis.md, read 2026-08-22). `test/unit/forge/engine-support.test.ts` fails on the day a
 * default leaves standard support: update this table then.
 */
export type EngineKey =
  "rds-postgres" | "rds-mysql" | "aurora-postgres" | "aurora-mysql" | "elasticache-redis";

export interface EngineRelease {
  /** The major version as the parameter group family names it (`17`, `8.4`; Aurora MySQL version 3 is `8.0`). */
  readonly major: string;
  /** The version Forge writes: RDS takes the major alone and picks its default minor. */
  readonly version: string;
  /** The first day the major version is out of standard support (YYYY-MM-DD), or undefined when none is announced. */
  readonly standardSupportEnds: string | undefined;
  readonly source: string;
  readonly note?: string;
}

export interface EngineSupport {
  /** The engine as a person reads it. */
  readonly name: string;
  /** The releases in order of preference: the first in standard support on the run's date is the default. */
  readonly releases: readonly EngineRelease[];
}

const RDS_POSTGRES =
  "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html";
const RDS_MYSQL = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html";
const AURORA_POSTGRES =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html";
const AURORA_MYSQL =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html";
const ELASTICACHE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html";

/** The date this table was last read. */
export const ENGINE_SUPPORT_READ = "2026-11-27";

export const ENGINE_SUPPORT: Readonly<Record<EngineKey, EngineSupport>> = {
  "rds-postgres": {
    name: "RDS for PostgreSQL",
    releases: [
      { major: "17", version: "17", standardSupportEnds: "2030-02-28", source: RDS_POSTGRES },
      { major: "18", version: "18", standardSupportEnds: "2031-02-28", source: RDS_POSTGRES },
      { major: "16", version: "16", standardSupportEnds: "2029-02-28", source: RDS_POSTGRES },
    ],
  },
  "rds-mysql": {
    name: "RDS for MySQL",
    releases: [
      { major: "8.4", version: "8.4", standardSupportEnds: "2029-07-31", source: RDS_MYSQL },
      {
        major: "8.0",
        version: "8.0",
        standardSupportEnds: "2026-07-31",
        source: RDS_MYSQL,
        note: "past standard support: RDS refuses to create it with Extended Support disabled",
      },
    ],
  },
  "aurora-postgres": {
    name: "Aurora PostgreSQL",
    releases: [
      {
        major: "17",
        version: "17.9",
        standardSupportEnds: "2030-02-28",
        source: AURORA_POSTGRES,
        note: "Aurora takes a full minor version; 17.9 was released 2026-04-06 and minor versions stay at least 12 months",
      },
      { major: "16", version: "16.13", standardSupportEnds: "2029-02-28", source: AURORA_POSTGRES },
    ],
  },
  "aurora-mysql": {
    name: "Aurora MySQL",
    releases: [
      {
        major: "8.0",
        version: "8.0.mysql_aurora.3.10.0",
        standardSupportEnds: "2028-04-30",
        source: AURORA_MYSQL,
        note: "Aurora MySQL version 3 is MySQL 8.0-compatible; its end of standard support is the best known public date",
      },
    ],
  },
  "elasticache-redis": {
    name: "ElastiCache for Redis OSS",
    releases: [
      {
        major: "7",
        version: "7.1",
        standardSupportEnds: undefined,
        source: ELASTICACHE,
        note: "no end of standard support announced for Redis OSS 7; Redis OSS 6 ends 2027-01-31",
      },
    ],
  },
};

/** The day (YYYY-MM-DD, UTC) of a clock reading. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whether a release is in standard support on the given day. */
export function inStandardSupport(release: EngineRelease, day: string): boolean {
  return release.standardSupportEnds === undefined || day < release.standardSupportEnds;
}

/** The release to create on `now`: the first in order of preference still in standard support, if any. */
export function supportedRelease(key: EngineKey, now: Date): EngineRelease | undefined {
  const day = dayOf(now);
  return ENGINE_SUPPORT[key].releases.find((r) => inStandardSupport(r, day));
}

/** The release a version string belongs to, by its major. */
export function releaseOf(key: EngineKey, major: string): EngineRelease | undefined {
  return ENGINE_SUPPORT[key].releases.find((r) => r.major === major);
}
