import { SIZE_FACTORS } from "./instance-prices.js";
import type { ServicePrices } from "./types.js";

/**
 * EC2 on-demand Linux prices of the general-purpose (m), compute (c) and memory (r) families, x86 and Graviton,
 * by the hourly price of their `large` size: EC2 prices every size of these families linearly from it (xlarge =
 * 2 × large, …), as `SIZE_FACTORS` says. Shared tenancy. Best known public figures from the pricing page, read
 * 2026-12-05; not yet cross-checked against a second source.
 */
export const EC2_FAMILY_LARGE = {
  source: "https://aws.amazon.com/ec2/pricing/on-demand/",
  date: "2026-12-05",
  regions: {
    "us-east-1": {
      m5: 0.096,
      m6i: 0.096,
      m7i: 0.1008,
      m6g: 0.077,
      m7g: 0.0816,
      c5: 0.085,
      c6i: 0.085,
      c7i: 0.08925,
      c6g: 0.068,
      c7g: 0.0725,
      r5: 0.126,
      r6i: 0.126,
      r7i: 0.1323,
      r6g: 0.1008,
      r7g: 0.1071,
    },
    "eu-west-1": {
      m5: 0.107,
      m6i: 0.107,
      m7i: 0.11235,
      m6g: 0.086,
      m7g: 0.0912,
      c5: 0.096,
      c6i: 0.096,
      c7i: 0.1008,
      c6g: 0.077,
      c7g: 0.0821,
      r5: 0.128,
      r6i: 0.128,
      r7i: 0.1344,
      r6g: 0.1024,
      r7g: 0.1088,
    },
    "eu-central-1": {
      m5: 0.115,
      m6i: 0.115,
      m7i: 0.12075,
      m6g: 0.092,
      m7g: 0.0976,
      c5: 0.097,
      c6i: 0.097,
      c7i: 0.10185,
      c6g: 0.0776,
      c7g: 0.0826,
      r5: 0.152,
      r6i: 0.152,
      r7i: 0.1596,
      r6g: 0.1216,
      r7g: 0.1292,
    },
  } as Readonly<Record<string, Readonly<Record<string, number>>>>,
} as const;

/** Every size of the priced families in a region, as instance type → hourly price. */
export function familyInstancePrices(region: string): Record<string, number> {
  const families = EC2_FAMILY_LARGE.regions[region] ?? {};
  return Object.fromEntries(
    Object.entries(families).flatMap(([family, large]) =>
      Object.entries(SIZE_FACTORS).map(([size, factor]) => [
        `${family}.${size}`,
        Number((large * factor).toFixed(5)),
      ]),
    ),
  );
}

/** vCPUs of an instance of the m, c or r families by its size (large = 2). */
export function familyVcpus(instanceType: string): number | undefined {
  const factor = SIZE_FACTORS[instanceType.split(".")[1] ?? ""];
  return factor === undefined ? undefined : 2 * factor;
}

/** EBS gp3 volumes (the nodes' root volumes), 3,000 IOPS and 125 MB/s included. */
export const EBS_GP3: ServicePrices<"gbMonth"> = {
  source: "https://aws.amazon.com/ebs/pricing/",
  date: "2026-12-05",
  note: "gp3 storage, baseline IOPS and throughput included. Best known public figures, not yet cross-checked against a second source.",
  units: { gbMonth: "per GB-month" },
  regions: {
    "us-east-1": { gbMonth: 0.08 },
    "eu-west-1": { gbMonth: 0.088 },
    "eu-central-1": { gbMonth: 0.0952 },
  },
};

/**
 * The metrics EC2 detailed monitoring bills per instance, at CloudWatch's custom-metric rate (the CloudWatch
 * pricing page's EC2 example counts seven).
 */
export const EC2_DETAILED_MONITORING_METRICS = 7;
