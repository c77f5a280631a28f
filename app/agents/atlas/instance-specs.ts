/** vCPUs and memory (GiB) of the database and cache classes Atlas sizes from, per AWS's instance class pages. */
export interface ClassSpec {
  readonly name: string;
  readonly family: string;
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly burstable: boolean;
}

const SIZES_M_R = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] as const;
const SIZE_VCPU: Record<string, number> = {
  large: 2,
  xlarge: 4,
  "2xlarge": 8,
  "4xlarge": 16,
  "8xlarge": 32,
  "12xlarge": 48,
  "16xlarge": 64,
};

function family(prefix: string, name: string, memoryPerVcpu: number): ClassSpec[] {
  return SIZES_M_R.map((size) => ({
    name: `${prefix}.${name}.${size}`,
    family: `${prefix}.${name}`,
    vcpu: SIZE_VCPU[size]!,
    memoryGb: SIZE_VCPU[size]! * memoryPerVcpu,
    burstable: false,
  }));
}

function burstable(prefix: string, sizes: readonly (readonly [string, number, number])[]): ClassSpec[] {
  return sizes.map(([size, vcpu, memoryGb]) => ({
    name: `${prefix}.t4g.${size}`,
    family: `${prefix}.t4g`,
    vcpu,
    memoryGb,
    burstable: true,
  }));
}

/** RDS classes (https://aws.amazon.com/rds/instance-types/): m = 4 GiB per vCPU, r = 8 GiB per vCPU. */
export const DB_CLASSES: readonly ClassSpec[] = [
  ...burstable("db", [
    ["micro", 2, 1],
    ["small", 2, 2],
    ["medium", 2, 4],
    ["large", 2, 8],
    ["xlarge", 4, 16],
    ["2xlarge", 8, 32],
  ]),
  ...family("db", "m6g", 4),
  ...family("db", "m7g", 4),
  ...family("db", "r6g", 8),
  ...family("db", "r7g", 8),
];

/** Aurora runs on the burstable and memory-optimised classes only (no m family). */
export const AURORA_CLASSES: readonly ClassSpec[] = DB_CLASSES.filter(
  (c) => c.name === "db.t4g.medium" || c.name === "db.t4g.large" || /^db\.r[67]g\./.test(c.name),
);

/**
 * An Aurora global database's clusters: memory-optimized classes only, no burstable db.t* (AWS, "Configuration
 * requirements of an Amazon Aurora global database":
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html).
 */
export const AURORA_GLOBAL_CLASSES: readonly ClassSpec[] = AURORA_CLASSES.filter((c) => !c.burstable);

const CACHE_MEMORY: Record<string, Record<string, number>> = {
  m: {
    large: 6.38,
    xlarge: 12.93,
    "2xlarge": 26.04,
    "4xlarge": 52.26,
    "8xlarge": 103.68,
    "12xlarge": 157.12,
    "16xlarge": 209.55,
  },
  r: {
    large: 13.07,
    xlarge: 26.32,
    "2xlarge": 52.82,
    "4xlarge": 105.81,
    "8xlarge": 209.55,
    "12xlarge": 317.77,
    "16xlarge": 419.09,
  },
};

function cacheFamily(name: string): ClassSpec[] {
  const memory = CACHE_MEMORY[name.charAt(0)]!;
  return SIZES_M_R.map((size) => ({
    name: `cache.${name}.${size}`,
    family: `cache.${name}`,
    vcpu: SIZE_VCPU[size]!,
    memoryGb: memory[size]!,
    burstable: false,
  }));
}

/** ElastiCache node types (https://aws.amazon.com/elasticache/pricing/ lists memory per node type). */
export const CACHE_CLASSES: readonly ClassSpec[] = [
  ...burstable("cache", [
    ["micro", 2, 0.5],
    ["small", 2, 1.37],
    ["medium", 2, 3.09],
  ]),
  ...cacheFamily("m6g"),
  ...cacheFamily("m7g"),
  ...cacheFamily("r6g"),
  ...cacheFamily("r7g"),
];

/** Fargate's valid task sizes: vCPUs and the memory range (MiB) each allows. */
export const FARGATE_SIZES: readonly {
  readonly cpu: 0.25 | 0.5 | 1 | 2 | 4;
  readonly minMb: number;
  readonly maxMb: number;
}[] = [
  { cpu: 0.25, minMb: 512, maxMb: 2048 },
  { cpu: 0.5, minMb: 1024, maxMb: 4096 },
  { cpu: 1, minMb: 2048, maxMb: 8192 },
  { cpu: 2, minMb: 4096, maxMb: 16384 },
  { cpu: 4, minMb: 8192, maxMb: 30720 },
];
