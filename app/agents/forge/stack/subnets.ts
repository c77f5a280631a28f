/**
 * The subnet layout of a stack's VPC. Each tier has a fixed place (private, public, database, cache), so adding a
 * database or a cache to a stack later adds subnets and never renumbers the ones that exist.
 */
export const TIERS = ["private", "public", "database", "elasticache"] as const;
export type Tier = (typeof TIERS)[number];

export type SubnetLayout = Readonly<Record<Tier, readonly string[]>>;

/** The smallest subnet AWS allows is a /28. */
const SMALLEST_PREFIX = 28;

function toNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** The bits each subnet takes from the VPC's CIDR: enough for every tier in every AZ. */
function newBits(azCount: number): number {
  return Math.ceil(Math.log2(TIERS.length * azCount));
}

/** The subnet prefix length the layout gives, e.g. 19 for a /16 across 2 AZs. */
export function subnetPrefix(cidr: string, azCount: number): number {
  return Number(cidr.split("/")[1]) + newBits(azCount);
}

export function fitsSubnets(cidr: string, azCount: number): boolean {
  return subnetPrefix(cidr, azCount) <= SMALLEST_PREFIX;
}

/** Terraform's cidrsubnet(cidr, newbits, netnum), for IPv4. */
export function cidrSubnet(cidr: string, bits: number, netnum: number): string {
  const [ip, prefixText] = cidr.split("/") as [string, string];
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix - bits);
  const base = toNumber(ip) - (toNumber(ip) % 2 ** (32 - prefix));
  return `${toIp(base + netnum * size)}/${prefix + bits}`;
}

export function subnetLayout(cidr: string, azCount: number): SubnetLayout {
  const bits = newBits(azCount);
  const tier = (index: number): string[] =>
    Array.from({ length: azCount }, (_, az) => cidrSubnet(cidr, bits, index * azCount + az));
  return { private: tier(0), public: tier(1), database: tier(2), elasticache: tier(3) };
}
