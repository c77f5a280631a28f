/**
 * Pricers whose resource is billed in more than one place or by its options: a Secrets Manager secret and each of
 * its replicas (billed as secrets of their own, each in its region), and a Route 53 health check with the optional
 * features it turns on (HTTPS, string matching, the 10-second interval, latency measurement).
 */
import { servicePrice, unitPrice } from "../../pricing/index.js";
import { ROUTE53 } from "../../pricing/shape-prices.js";
import type { ResourceView } from "../resources.js";
import { usd, value, type Priced, type Pricer } from "./pricers.js";

function replicaRegions(r: ResourceView): string[] | undefined {
  const replicas = value(r, "replica");
  if (replicas === undefined) return [];
  if (!Array.isArray(replicas)) return undefined;
  const regions = replicas.map((b) =>
    typeof b === "object" && b !== null ? (b as { region?: unknown }).region : undefined,
  );
  return regions.every((x): x is string => typeof x === "string") ? regions : undefined;
}

export const secretWithReplicas: Pricer = (r, ctx): Priced => {
  const regions = replicaRegions(r);
  if (!regions) return { unpriced: "the regions of its replicas are not known" };
  const parts: { region: string; usd: number }[] = [];
  for (const region of [ctx.region, ...regions]) {
    const price = ctx.memo(`unit ${region} secrets.secret-month`, unitPrice, region, "secrets.secret-month");
    if (!price) return { unpriced: `no price for secrets.secret-month in ${region}` };
    parts.push({ region, usd: price.usd });
  }
  const [own, ...replicas] = parts;
  return {
    monthlyUsd: parts.reduce((sum, p) => sum + p.usd, 0),
    basis: [
      `secret × ${usd(own!.usd)}`,
      ...replicas.map((p) => `replica in ${p.region} × ${usd(p.usd)}`),
    ].join(" + "),
  };
};

/** The optional features a health check turns on, each billed per month on top of the check. */
function healthCheckFeatures(r: ResourceView): string[] {
  const type = String(value(r, "type") ?? "");
  return [
    ...(type.startsWith("HTTPS") ? ["HTTPS"] : []),
    ...(type.endsWith("STR_MATCH") ? ["string matching"] : []),
    ...(Number(value(r, "request_interval")) === 10 ? ["fast interval"] : []),
    ...(value(r, "measure_latency") === true ? ["latency measurement"] : []),
  ];
}

export const healthCheck: Pricer = (r, ctx): Priced => {
  const base = servicePrice(ROUTE53, ctx.region, "healthCheckMonth");
  const feature = servicePrice(ROUTE53, ctx.region, "healthCheckFeatureMonth");
  if (!base || !feature) return { unpriced: `no price for a health check in ${ctx.region}` };
  const features = healthCheckFeatures(r);
  return {
    monthlyUsd: base.usd + features.length * feature.usd,
    basis: `health check × ${usd(base.usd)}${features.map((f) => ` + ${f} × ${usd(feature.usd)}`).join("")}`,
  };
};
