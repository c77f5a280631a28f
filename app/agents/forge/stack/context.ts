/**
 * What every part of a stack's rendering needs to know about the whole PlanSpec: its components by kind, how they
 * are linked, their Terraform labels and AWS names.
 */
import { sha256Hex } from "../../../contracts/canonical.js";
import type { PlanSpec } from "../../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../contracts/generated/org-policy.js";
import type { Component } from "../../../contracts/generated/plan-spec.js";
import { ref, type Expr } from "../hcl/ast.js";
import { terraformLabel } from "../names.js";

export type Kind = Component["kind"];
export type ComponentOf<K extends Kind> = Extract<Component, { kind: K }>;

export interface StackContext {
  readonly spec: PlanSpec;
  readonly policy: ResolvedOrgPolicy;
  /** The stack's KMS key: every data store and log group is encrypted with it. */
  readonly keyArn: Expr;
  ofKind<K extends Kind>(kind: K): ComponentOf<K>[];
  /** Components of a kind linked to `c`: either one lists the other in dependsOn. */
  linked<K extends Kind>(c: Component, kind: K): ComponentOf<K>[];
  label(c: Component): string;
  /** An AWS resource name for a component, `<stack>-<id>`, fitted to a service's length limit. */
  awsName(c: Component, maxLength: number): string;
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

export function stackContext(spec: PlanSpec, policy: ResolvedOrgPolicy): StackContext {
  const ofKind = <K extends Kind>(kind: K): ComponentOf<K>[] =>
    spec.components.filter((c): c is ComponentOf<K> => c.kind === kind);
  return {
    spec,
    policy,
    keyArn: ref("module.encryption.key_arn"),
    ofKind,
    linked: (c, kind) => ofKind(kind).filter((other) => other !== c && isLinked(c, other)),
    label: (c) => terraformLabel(c.id),
    awsName: (c, maxLength) => fitName(`${spec.name}-${c.id}`, maxLength),
  };
}
