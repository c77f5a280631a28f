/**
 * What every part of a stack's rendering needs to know about the whole PlanSpec: its components by kind, how they
 * are linked, their Terraform labels and AWS names, and the region a part renders in.
 */
import { sha256Hex } from "../../../contracts/canonical.js";
import type { PlanSpec } from "../../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../contracts/generated/org-policy.js";
import type { Component } from "../../../contracts/generated/plan-spec.js";
import { ref, type Expr } from "../hcl/ast.js";
import { terraformLabel } from "../names.js";
import { componentRegion, SECONDARY_PROVIDER } from "./regions.js";

export type Kind = Component["kind"];
export type ComponentOf<K extends Kind> = Extract<Component, { kind: K }>;

export interface StackContext {
  readonly spec: PlanSpec;
  readonly policy: ResolvedOrgPolicy;
  /** The region this context renders in: the PlanSpec's region, or its secondary. */
  readonly region: string;
  /** `aws.secondary` in the secondary region of a two-region stack; undefined in the primary. */
  readonly provider: string | undefined;
  /** The region's KMS key: every data store and log group in the region is encrypted with it. */
  readonly keyArn: Expr;
  /** Components of a kind in this context's region (the whole stack's from the top context), and every domain. */
  ofKind<K extends Kind>(kind: K): ComponentOf<K>[];
  /** Components of a kind linked to `c`: either one lists the other in dependsOn. */
  linked<K extends Kind>(c: Component, kind: K): ComponentOf<K>[];
  label(c: Component): string;
  /** The label of a module the stack shares in this region: `cluster`, or `cluster_secondary` in the secondary. */
  shared(label: string): string;
  /** An AWS resource name for a component, `<stack>-<id>`, fitted to a service's length limit. */
  awsName(c: Component, maxLength: number): string;
  /** The same stack seen from one region: its components, key, shared modules and provider. */
  inRegion(region: string): StackContext;
}

/** Fits a name to a limit: cut, with 6 hex digits of its hash so that two long names stay apart. */
export function fitName(name: string, maxLength: number): string {
  const clean = name.replace(/-{2,}/g, "-");
  if (clean.length <= maxLength) return clean;
  return `${clean.slice(0, maxLength - 7).replace(/-+$/, "")}-${sha256Hex(clean).slice(0, 6)}`;
}

export function isLinked(a: Component, b: Component): boolean {
  return a.dependsOn.includes(b.id) || b.dependsOn.includes(a.id);
}

/** The components of a kind linked to `c` (by dependsOn either way), in the whole PlanSpec. */
export function linkedOf(spec: PlanSpec, c: Component, kind: Component["kind"]): Component[] {
  return spec.components.filter((o) => o !== c && o.kind === kind && isLinked(c, o));
}

function context(spec: PlanSpec, policy: ResolvedOrgPolicy, region: string | undefined): StackContext {
  const here = region ?? spec.region;
  const secondary = here !== spec.region;
  const inScope = (c: Component): boolean =>
    region === undefined ||
    c.kind === "domain" ||
    componentRegion(spec, c) === region ||
    (c.kind === "key-value-store" && (c.params.replicaRegions ?? []).includes(region));
  const ofKind = <K extends Kind>(kind: K): ComponentOf<K>[] =>
    spec.components.filter((c): c is ComponentOf<K> => c.kind === kind && inScope(c));
  const shared = (label: string): string => (secondary ? `${label}_secondary` : label);
  return {
    spec,
    policy,
    region: here,
    provider: secondary ? SECONDARY_PROVIDER : undefined,
    keyArn: ref(`module.${shared("encryption")}.key_arn`),
    ofKind,
    linked: (c, kind) => ofKind(kind).filter((other) => other !== c && isLinked(c, other)),
    label: (c) => terraformLabel(c.id),
    shared,
    awsName: (c, maxLength) => fitName(`${spec.name}-${c.id}`, maxLength),
    inRegion: (r) => context(spec, policy, r),
  };
}

export function stackContext(spec: PlanSpec, policy: ResolvedOrgPolicy): StackContext {
  return context(spec, policy, undefined);
}
