/** One resource change in a plan written for a test, in the shape `terraform show -json` gives. */
export interface TestChange {
  readonly address: string;
  readonly actions?: readonly string[];
  readonly after?: Record<string, unknown> | null;
  readonly afterUnknown?: Record<string, unknown>;
  readonly afterSensitive?: Record<string, unknown>;
  readonly before?: Record<string, unknown> | null;
  readonly providerKey?: string;
  /** Attribute → the addresses its expression refers to, as `configuration` lists them. */
  readonly references?: Record<string, readonly string[]>;
}

export interface TestPlan {
  readonly changes: readonly TestChange[];
  /** The default aws provider's region; null for none (it then comes from the environment). */
  readonly region?: string | null;
  readonly defaultTags?: Record<string, string>;
  /** More provider configurations, by key (e.g. `aws.west`), as `configuration.provider_config` has them. */
  readonly providers?: Record<string, unknown>;
}

function typeOf(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, "").split(".");
  const i = parts[0] === "module" ? parts.lastIndexOf("module") + 2 : 0;
  return parts[parts[i] === "data" ? i + 1 : i]!;
}

/** A plan JSON (format 1.2, Terraform 1.9.8) with these changes and an aws provider. */
export function testPlan(plan: TestPlan): Record<string, unknown> {
  const region = plan.region === undefined ? "eu-west-1" : plan.region;
  const expressions: Record<string, unknown> = {
    ...(region ? { region: { constant_value: region } } : {}),
    ...(plan.defaultTags ? { default_tags: [{ tags: { constant_value: plan.defaultTags } }] } : {}),
  };
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    resource_changes: plan.changes.map((c) => {
      const type = typeOf(c.address);
      const module = /^(module\.[^.]+(?:\.module\.[^.]+)*)\./.exec(c.address)?.[1];
      return {
        address: c.address,
        ...(module ? { module_address: module } : {}),
        mode: c.address.includes("data.") ? "data" : "managed",
        type,
        name: c.address
          .replace(/\[[^\]]*\]$/, "")
          .split(".")
          .pop(),
        provider_name: "registry.terraform.io/hashicorp/aws",
        change: {
          actions: c.actions ?? ["create"],
          before: c.before ?? null,
          after: c.after === undefined ? {} : c.after,
          after_unknown: c.afterUnknown ?? {},
          before_sensitive: {},
          after_sensitive: c.afterSensitive ?? {},
        },
      };
    }),
    configuration: {
      provider_config: {
        aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", expressions },
        ...plan.providers,
      },
      root_module: {
        resources: plan.changes
          .filter((c) => !c.address.startsWith("module."))
          .map((c) => ({
            address: c.address.replace(/\[[^\]]*\]/g, ""),
            mode: "managed",
            type: typeOf(c.address),
            name: c.address
              .replace(/\[[^\]]*\]/g, "")
              .split(".")
              .pop(),
            provider_config_key: c.providerKey ?? "aws",
            expressions: Object.fromEntries(
              Object.entries(c.references ?? {}).map(([k, refs]) => [k, { references: refs }]),
            ),
          })),
      },
    },
  };
}
