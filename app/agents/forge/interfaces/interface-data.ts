/** The vendored interface of a pinned registry module: what `scripts/vendor-module-interfaces.ts` writes. */
export interface ModuleInterface {
  /** The registry source, e.g. `terraform-aws-modules/vpc/aws` or `…/ecs/aws//modules/service`. */
  readonly source: string;
  readonly version: string;
  /** The module repository's commit at that version's tag. */
  readonly commit?: string;
  /** The module's own Terraform constraint, e.g. `>= 1.5.7`. */
  readonly requiredVersion?: string;
  /** Provider name to the module's version constraint, e.g. `{ aws: ">= 6.28" }`. */
  readonly providers: Readonly<Record<string, string>>;
  readonly variables: readonly ModuleVariable[];
  readonly outputs: readonly string[];
}

export interface ModuleVariable {
  readonly name: string;
  /** The type constraint in canonical one-line form; see terraform-type.ts. */
  readonly type: string;
  /** A variable without a default must be set by every call. */
  readonly required: boolean;
}

/** The vendored arguments of a raw provider resource or data source: what `vendor-resource-interfaces.ts` writes. */
export interface ResourceInterface {
  /** The Terraform type, e.g. `aws_wafv2_web_acl`. */
  readonly type: string;
  readonly kind: "resource" | "data" | "ephemeral";
  /** The provider documentation page the arguments come from. */
  readonly doc: string;
  /** The documentation's commit in hashicorp/terraform-provider-aws, for data read from a page. */
  readonly commit?: string;
  /** The AWS provider release whose schema the data was read from (scripts/vendor-resource-schema.ts). */
  readonly provider?: string;
  readonly args: readonly ResourceArgument[];
  /** Nested block name to its arguments, from the page's `### <block> Block` sections. */
  readonly blocks: Readonly<Record<string, readonly ResourceArgument[]>>;
  /** Exported attributes, from the page's attribute reference. */
  readonly attributes: readonly string[];
}

export interface ResourceArgument {
  readonly name: string;
  readonly required: boolean;
}
