/**
 * The regions of a two-region PlanSpec: `regions: [primary, secondary]`, a component without `region` in the
 * primary, and the secondary's resources made through the `aws.secondary` provider alias.
 */
import type { PlanSpec } from "../../../contracts/generated/index.js";
import type { Component } from "../../../contracts/generated/plan-spec.js";
import { attr, blank, call, ref, type Body, type BodyItem, type Expr } from "../hcl/ast.js";

export const SECONDARY_PROVIDER = "aws.secondary";

/** Where a component runs: its own region, or the PlanSpec's. */
export function componentRegion(spec: PlanSpec, c: Component): string {
  return c.region ?? spec.region;
}

/**
 * The id of a component's twin in the primary (`db` for `db-secondary`, or the database it replicates), so the code
 * running in either region reads the same environment names; the component's own id when it has no twin.
 */
export function twinId(spec: PlanSpec, c: Component): string {
  if (c.kind === "database" && c.params.replicaOf !== undefined) return c.params.replicaOf;
  const suffix = "-secondary";
  if (componentRegion(spec, c) === spec.region || !c.id.endsWith(suffix)) return c.id;
  const base = c.id.slice(0, -suffix.length);
  return spec.components.some((o) => o.id === base && o.kind === c.kind) ? base : c.id;
}

/** An ARN of a resource made in one region as seen from the context's region: a replica's has that region in it. */
export function inRegion(arn: Expr, madeIn: string, ctx: { readonly region: string }): Expr {
  return madeIn === ctx.region ? arn : call("replace", arn, `:${madeIn}:`, `:${ctx.region}:`);
}

/** The secondary region of a two-region PlanSpec, if it has one. */
export function secondaryRegion(spec: PlanSpec): string | undefined {
  return spec.regions?.[1];
}

/** The stack's regions, the primary first. */
export function stackRegions(spec: PlanSpec): string[] {
  return spec.regions ? [...spec.regions] : [spec.region];
}

/**
 * Puts a body's top-level module calls (`providers = { aws = … }`) and resources and data sources
 * (`provider = …`) on a provider alias; blocks that name their provider already keep it.
 */
export function onProvider(body: Body, provider: string | undefined): Body {
  if (provider === undefined) return body;
  return body.map((item): BodyItem => {
    if (item.item !== "block") return item;
    const named = item.body.some(
      (a) => a.item === "attribute" && (a.name === "provider" || a.name === "providers"),
    );
    if (named) return item;
    if (item.type === "module") {
      const at = item.body.findIndex((a) => a.item === "attribute" && a.name === "version") + 1;
      const providers = attr("providers", { aws: ref(provider) });
      return { ...item, body: [...item.body.slice(0, at), providers, ...item.body.slice(at)] };
    }
    if (item.type === "resource" || item.type === "data" || item.type === "ephemeral")
      return { ...item, body: [attr("provider", ref(provider)), blank, ...item.body] };
    return item;
  });
}
