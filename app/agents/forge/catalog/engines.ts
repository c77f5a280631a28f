/**
 * Database and cache engine defaults Forge fills in when a PlanSpec leaves them out. The default versions are the
 * first of each engine's releases in the dated support table (engine-support.ts); Atlas picks the release in
 * standard support on the design's date and always writes it into the PlanSpec.
 */
import type { CacheParams, DatabaseParams } from "../../../contracts/generated/plan-spec.js";
import { ENGINE_SUPPORT, type EngineKey } from "./engine-support.js";

export interface DatabaseEngine {
  /** The engine name RDS takes. */
  readonly engine: string;
  /** Its row in the dated support table. */
  readonly support: EngineKey;
  readonly defaultVersion: string;
  readonly port: number;
  /** The log types exported to CloudWatch Logs. */
  readonly logExports: readonly string[];
  /** The parameter that refuses unencrypted connections. */
  readonly tlsParameter: { readonly name: string; readonly value: string };
  /** The parameter group family for a major version, e.g. postgres17. */
  family(major: string): string;
  /** The major version of a version string ("17.5" → "17", "8.0.39" → "8.0"), or undefined if it is not one. */
  major(version: string): string | undefined;
}

const postgresMajor = (version: string): string | undefined => /^(\d{1,2})(\.\d+)*$/.exec(version)?.[1];
const mysqlMajor = (version: string): string | undefined =>
  /^(\d\.\d)(\.\d+|\.mysql_aurora\.\d+\.\d+(\.\d+)?)?$/.exec(version)?.[1];

export const DATABASE_ENGINES: Readonly<
  Record<DatabaseParams["flavor"], Record<DatabaseParams["engine"], DatabaseEngine>>
> = {
  rds: {
    postgres: {
      engine: "postgres",
      support: "rds-postgres",
      defaultVersion: ENGINE_SUPPORT["rds-postgres"].releases[0]!.version,
      port: 5432,
      logExports: ["postgresql", "upgrade"],
      tlsParameter: { name: "rds.force_ssl", value: "1" },
      family: (major) => `postgres${major}`,
      major: postgresMajor,
    },
    mysql: {
      engine: "mysql",
      support: "rds-mysql",
      defaultVersion: ENGINE_SUPPORT["rds-mysql"].releases[0]!.version,
      port: 3306,
      logExports: ["error", "general", "slowquery"],
      tlsParameter: { name: "require_secure_transport", value: "ON" },
      family: (major) => `mysql${major}`,
      major: mysqlMajor,
    },
  },
  aurora: {
    postgres: {
      engine: "aurora-postgresql",
      support: "aurora-postgres",
      defaultVersion: ENGINE_SUPPORT["aurora-postgres"].releases[0]!.version,
      port: 5432,
      logExports: ["postgresql"],
      tlsParameter: { name: "rds.force_ssl", value: "1" },
      family: (major) => `aurora-postgresql${major}`,
      major: postgresMajor,
    },
    mysql: {
      engine: "aurora-mysql",
      support: "aurora-mysql",
      defaultVersion: ENGINE_SUPPORT["aurora-mysql"].releases[0]!.version,
      port: 3306,
      logExports: ["audit", "error", "general", "slowquery"],
      tlsParameter: { name: "require_secure_transport", value: "ON" },
      family: (major) => `aurora-mysql${major}`,
      major: mysqlMajor,
    },
  },
};

export interface CacheEngine {
  readonly engine: string;
  readonly support: EngineKey;
  readonly defaultVersion: string;
  readonly port: number;
}

export const CACHE_ENGINES: Readonly<Record<CacheParams["engine"], CacheEngine>> = {
  redis: {
    engine: "redis",
    support: "elasticache-redis",
    defaultVersion: ENGINE_SUPPORT["elasticache-redis"].releases[0]!.version,
    port: 6379,
  },
};

/** The master user Forge names; RDS keeps its password in Secrets Manager (manage_master_user_password). */
export const DATABASE_MASTER_USERNAME = "dbadmin";

/** Days of automated backups when the PlanSpec does not say. */
export const DEFAULT_BACKUP_RETENTION_DAYS = 7;
