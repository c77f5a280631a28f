/**
 * The VPC's address range. The goal may name it (`network.cidr`); otherwise Atlas takes a block from the policy's
 * pool (`policy.network.cidrPool`, default 10.0.0.0/8), a /16 each, starting at a slot chosen from the stack's name
 * and skipping every block that overlaps the policy's reserved ranges (`policy.network.reservedCidrs`: the corporate
 * network, VPN pools, peered VPCs) and every range another goal of the repository holds (the store's, passed in:
 * Atlas stays pure). A goal's own `network.cidr` may overlap neither.
 */
import { sha256Hex } from "../../contracts/canonical.js";
import type { TakenCidr } from "../../contracts/taken-cidr.js";
import type { DesignContext } from "./context.js";

export interface Block {
  readonly start: number;
  readonly prefix: number;
}

export const DEFAULT_POOL = "10.0.0.0/8";
/** The size of a VPC carved from a pool, unless the pool itself is smaller. */
export const VPC_PREFIX = 16;

export function parseCidr(text: string): Block {
  const [ip, prefixText] = text.split("/") as [string, string];
  const prefix = Number(prefixText);
  const value = ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - prefix);
  return { start: value - (value % size), prefix };
}

export function formatCidr(block: Block): string {
  const ip = [24, 16, 8, 0].map((shift) => Math.floor(block.start / 2 ** shift) % 256).join(".");
  return `${ip}/${block.prefix}`;
}

function end(block: Block): number {
  return block.start + 2 ** (32 - block.prefix);
}

export function overlaps(a: Block, b: Block): boolean {
  return a.start < end(b) && b.start < end(a);
}

export function contains(outer: Block, inner: Block): boolean {
  return outer.start <= inner.start && end(inner) <= end(outer);
}

/** RFC 1918: the ranges AWS and every corporate network treat as private. */
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(parseCidr);

export function isPrivate(block: Block): boolean {
  return PRIVATE.some((p) => contains(p, block));
}

/** The blocks a pool offers, in order: /16s, or the whole range when it is smaller than a /16. */
function slots(pool: readonly string[]): Block[] {
  return pool.flatMap((text) => {
    const range = parseCidr(text);
    if (range.prefix >= VPC_PREFIX) return [range];
    const count = 2 ** (VPC_PREFIX - range.prefix);
    return Array.from({ length: count }, (_, i) => ({
      start: range.start + i * 2 ** (32 - VPC_PREFIX),
      prefix: VPC_PREFIX,
    }));
  });
}

export type CidrChoice =
  | {
      readonly ok: true;
      readonly cidr: string;
      readonly from: "goal" | "pool";
      readonly pool: readonly string[];
    }
  | {
      readonly ok: false;
      readonly problem: "not-private" | "reserved" | "taken" | "outside-pool" | "pool-exhausted";
      readonly overlapping?: string;
      /** The goal whose VPC the asked range overlaps. */
      readonly holder?: TakenCidr;
      readonly free?: string;
    };

function reserved(ctx: DesignContext): Block[] {
  return (ctx.policy.policy.network?.reservedCidrs ?? []).map(parseCidr);
}

function pool(ctx: DesignContext): readonly string[] {
  return ctx.policy.policy.network?.cidrPool ?? [DEFAULT_POOL];
}

/** The first free block of the pool, from the slot the name picks; undefined when every block is reserved or held. */
function fromPool(ctx: DesignContext): string | undefined {
  const all = slots(pool(ctx));
  const taken = [...reserved(ctx), ...ctx.takenCidrs.map((t) => parseCidr(t.cidr))];
  // The name's first bytes pick the first slot tried: over 10.0.0.0/8 that is 10.<first byte of the name's hash>.0.0/16.
  const first = Math.floor((parseInt(sha256Hex(ctx.goal.name).slice(0, 8), 16) / 2 ** 32) * all.length);
  for (let i = 0; i < all.length; i++) {
    const block = all[(first + i) % all.length]!;
    if (!taken.some((r) => overlaps(r, block))) return formatCidr(block);
  }
  return undefined;
}

/** The VPC range of the design: the goal's, checked against the policy, or one from the pool. */
export function chooseCidr(ctx: DesignContext): CidrChoice {
  const asked = ctx.goal.network?.cidr;
  const free = fromPool(ctx);
  if (asked === undefined) {
    return free === undefined
      ? { ok: false, problem: "pool-exhausted" }
      : { ok: true, cidr: free, from: "pool", pool: pool(ctx) };
  }
  const block = parseCidr(asked);
  const extra = free === undefined ? {} : { free };
  if (!isPrivate(block)) return { ok: false, problem: "not-private", ...extra };
  const clash = reserved(ctx).find((r) => overlaps(r, block));
  if (clash) return { ok: false, problem: "reserved", overlapping: formatCidr(clash), ...extra };
  const holder = ctx.takenCidrs.find((t) => overlaps(parseCidr(t.cidr), block));
  if (holder) return { ok: false, problem: "taken", overlapping: holder.cidr, holder, ...extra };
  const poolSet = ctx.policy.policy.network?.cidrPool;
  if (poolSet && !poolSet.map(parseCidr).some((p) => contains(p, block)))
    return { ok: false, problem: "outside-pool", ...extra };
  return { ok: true, cidr: formatCidr(block), from: "goal", pool: pool(ctx) };
}

/** Subnet tiers Forge lays out per AZ (private, public, database, cache), as app/agents/forge/stack/subnets.ts does. */
const TIERS = 4;
/** Elastic Load Balancing needs subnets of at least a /27 with 8 free addresses (ELB User Guide, "Subnets"). */
export const LB_SUBNET_PREFIX = 27;

/** The subnet prefix Forge's layout gives a VPC of this prefix over this many AZs. */
export function subnetPrefixFor(vpcPrefix: number, azCount: number): number {
  return vpcPrefix + Math.ceil(Math.log2(TIERS * azCount));
}

/** The most AZs (3 at most) whose subnets still hold a load balancer, for the goal's own range; 3 for a pool block. */
export function maxAzCount(ctx: DesignContext): number {
  const asked = ctx.goal.network?.cidr;
  if (asked === undefined) return 3;
  const prefix = parseCidr(asked).prefix;
  return [3, 2, 1].find((az) => subnetPrefixFor(prefix, az) <= LB_SUBNET_PREFIX) ?? 0;
}
