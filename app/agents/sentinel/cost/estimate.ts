import { PRICE_DATE, PRICE_SOURCE } from "../../pricing/index.js";
import { attribute, isLive, type ResourceView, type StackModel } from "../resources.js";
import { billingOf } from "./free-types.js";
import { PRICERS, type Priced, type PricingContext } from "./pricers.js";
import { SHAPE_PRICERS } from "./shape-pricers.js";

export interface CostLine {
  readonly address: string;
  readonly monthlyUsd: number;
  readonly basis: string;
}

/** The offline estimate: what could be priced, line by line, and what could not, with why. */
export interface CostEstimate {
  readonly monthlyUsd: number;
  readonly lines: readonly CostLine[];
  readonly unpriced: readonly { readonly address: string; readonly why: string }[];
  /** Resources billed only by use (storage, requests), which count as $0 here. */
  readonly usageOnly: readonly string[];
  readonly priceSource: string;
  readonly priceDate: string;
}

function regionOf(resource: ResourceView, providers: ReadonlyMap<string, string>): string | undefined {
  if (typeof resource.values.region === "string") {
    const own = attribute(resource, "region");
    if (own.state === "known") return own.value as string;
  }
  return providers.get(resource.providerKey);
}

/** Finds a resource by address, indexing them the first time a pricer follows a reference. */
function finder(resources: readonly ResourceView[]): (address: string) => ResourceView | undefined {
  let index: Map<string, ResourceView> | undefined;
  return (address) => (index ??= new Map(resources.map((r) => [r.address, r]))).get(address);
}

function memoizer(): PricingContext["memo"] {
  const cache = new Map<string, unknown>();
  return (key, lookup, ...args) => {
    if (!cache.has(key)) cache.set(key, lookup(...args));
    return cache.get(key) as ReturnType<typeof lookup>;
  };
}

function price(
  resource: ResourceView,
  regions: ReadonlyMap<string, string>,
  contextIn: (region: string) => PricingContext,
): Priced {
  const pricer = PRICERS[resource.type] ?? SHAPE_PRICERS[resource.type];
  if (!pricer) return { unpriced: "the offline price table has no price for this type" };
  const region = regionOf(resource, regions);
  if (!region) return { unpriced: "its region is not known" };
  if (!resource.instances.known) return { unpriced: `its count is not known (${resource.instances.why})` };
  const priced = pricer(resource, contextIn(region));
  const count = resource.instances.value;
  if ("unpriced" in priced || count === 1) return priced;
  return { monthlyUsd: priced.monthlyUsd * count, basis: `${count} × (${priced.basis})` };
}

export function roundCents(usd: number): number {
  return Math.round((usd + Number.EPSILON) * 100) / 100;
}

/**
 * Prices the resources that exist after apply with Atlas's price table (on-demand, 730 hours a month).
 * Free resources cost nothing; usage-billed ones count as $0 and are listed; anything else the table cannot
 * price is named with the reason, never silently counted as zero.
 */
export function estimateCost(model: StackModel): CostEstimate {
  const regions = new Map<string, string>();
  for (const p of model.providers) if (p.region.known) regions.set(p.key, p.region.value);
  const shared = { find: finder(model.resources), memo: memoizer() };
  const contexts = new Map<string, PricingContext>();
  const contextIn = (region: string) => {
    let context = contexts.get(region);
    if (!context) contexts.set(region, (context = { ...shared, region }));
    return context;
  };
  const lines: CostLine[] = [];
  const unpriced: { address: string; why: string }[] = [];
  const usageOnly: string[] = [];
  for (const resource of model.resources) {
    if (!resource.managed || !isLive(resource.action)) continue;
    const billing = billingOf(resource.type);
    if (billing === "free") continue;
    if (billing === "usage") {
      usageOnly.push(resource.address);
      continue;
    }
    const priced = price(resource, regions, contextIn);
    if ("unpriced" in priced) unpriced.push({ address: resource.address, why: priced.unpriced });
    else lines.push({ address: resource.address, ...priced });
  }
  const total = lines.reduce((sum, line) => sum + line.monthlyUsd, 0);
  return {
    monthlyUsd: roundCents(total),
    lines,
    unpriced,
    usageOnly,
    priceSource: PRICE_SOURCE,
    priceDate: PRICE_DATE,
  };
}
