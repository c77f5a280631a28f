/**
 * versions.tf, providers.tf and backend.tf: the Terraform and AWS provider pins, the region and default tags, and
 * the S3 state backend from the OrgPolicy.
 */
import type { ResolvedOrgPolicy } from "../../../contracts/generated/org-policy.js";
import { attr, attrs, blank, block, comment, sortedObject, type Body } from "../hcl/ast.js";
import type { ModuleInterface } from "../interfaces/interface-data.js";
import { MODULE_LIST } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import { SECONDARY_PROVIDER, secondaryRegion } from "../stack/regions.js";
import { US_EAST_1, usEast1Uses } from "../stack/us-east-1.js";

function parseFloor(constraint: string | undefined): number[] | undefined {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(constraint?.trim() ?? "");
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
}

function highestFloor(constraints: readonly (string | undefined)[]): number[] | undefined {
  return constraints
    .map(parseFloor)
    .filter((v): v is number[] => v !== undefined)
    .sort(compare)
    .at(-1);
}

/**
 * The AWS provider pin: `~> <major>.<minor>` at the highest floor any pinned module sets (today `~> 6.42`, from
 * s3-bucket), so every stack takes the same provider line and no module is below its floor.
 */
export const AWS_PROVIDER_CONSTRAINT = ((): string => {
  const floor = highestFloor(MODULE_LIST.map((m) => m.providers.aws));
  if (!floor) throw new Error("internal: no vendored module sets an aws provider floor");
  return `~> ${floor[0]}.${floor[1]}`;
})();

/** A Terraform language or backend feature a stack uses, and the first Terraform version that has it. */
export interface TerraformFeature {
  readonly name: string;
  readonly floor: string;
}

/**
 * S3 native state locking (`use_lockfile`): experimental in Terraform 1.10, generally available in 1.11.0 (Terraform
 * 1.11.0 changelog, 2025-02-27; "Upgrading to Terraform v1.11").
 */
export const S3_NATIVE_LOCKING: TerraformFeature = {
  name: "S3 native state locking (the backend's use_lockfile)",
  floor: "1.11.0",
};

/** The features a stack's own files use, beyond what its modules need. */
export function stackFeatures(policy: ResolvedOrgPolicy): TerraformFeature[] {
  return policy.terraform.backend?.dynamodbTable === undefined ? [S3_NATIVE_LOCKING] : [];
}

/**
 * The policy's Terraform constraint, plus the highest floor of what the stack uses when that is above the policy's
 * own floor: the modules' `required_version`, and the features of the stack's own files (`use_lockfile`).
 */
export function requiredVersion(
  policy: ResolvedOrgPolicy,
  modules: readonly ModuleInterface[],
  features: readonly TerraformFeature[] = stackFeatures(policy),
): { constraint: string; note?: string } {
  const needs = [
    ...modules.map((m) => ({ floor: m.requiredVersion, what: `${m.source} ${m.version}` })),
    ...features.map((f) => ({ floor: `>= ${f.floor}`, what: f.name })),
  ];
  const floor = highestFloor(needs.map((n) => n.floor));
  const policyFloor = parseFloor(policy.terraform.version) ?? [1, 6, 0];
  if (!floor || compare(floor, policyFloor) <= 0) return { constraint: policy.terraform.version };
  const text = floor.join(".");
  const names = needs
    .filter((n) => compare(parseFloor(n.floor) ?? [0, 0, 0], floor) === 0)
    .map((n) => n.what);
  return {
    constraint: `${policy.terraform.version}, >= ${text}`,
    note: `${names.join(" and ")} need${names.length === 1 ? "s" : ""} Terraform >= ${text}.`,
  };
}

export function renderVersionsTf(ctx: StackContext, modules: readonly ModuleInterface[]): Body {
  const version = requiredVersion(ctx.policy, modules);
  return [
    block(
      "terraform",
      [],
      [
        ...(version.note ? [comment(version.note)] : []),
        attr("required_version", version.constraint),
        blank,
        block(
          "required_providers",
          [],
          [attr("aws", { source: "hashicorp/aws", version: AWS_PROVIDER_CONSTRAINT })],
        ),
      ],
    ),
  ];
}

/** The tags every resource carries: the goal's, then Infracrew's (which win on a clash). */
export function defaultTags(ctx: StackContext): Record<string, string> {
  return {
    ...ctx.spec.tags,
    "managed-by": "infracrew",
    "infracrew-goal": `${ctx.spec.goalRef.name}@${ctx.spec.goalRef.hash}`,
  };
}

export function renderProvidersTf(ctx: StackContext): Body {
  const tags = block("default_tags", [], [attr("tags", sortedObject(defaultTags(ctx)))]);
  const usEast1 = usEast1Uses(ctx);
  const secondary = secondaryRegion(ctx.spec);
  return [
    block("provider", ["aws"], [attr("region", ctx.spec.region), blank, tags]),
    ...(secondary
      ? [
          blank,
          comment(
            `The secondary region: every component with region ${secondary} is made through this provider.`,
          ),
          block(
            "provider",
            ["aws"],
            [attr("alias", SECONDARY_PROVIDER.split(".")[1]!), attr("region", secondary), blank, tags],
          ),
        ]
      : []),
    ...(usEast1.length > 0
      ? [
          blank,
          comment(`CloudFront takes ${usEast1.join(" and ")} made in us-east-1 only.`),
          block(
            "provider",
            ["aws"],
            [attr("alias", US_EAST_1.split(".")[1]!), attr("region", "us-east-1"), blank, tags],
          ),
        ]
      : []),
  ];
}

/** The state key of a stack, <keyPrefix>/<name>/terraform.tfstate. */
export function stateKey(ctx: StackContext): string {
  return `${ctx.policy.terraform.backend?.keyPrefix ?? "infracrew"}/${ctx.spec.name}/terraform.tfstate`;
}

export function renderBackendTf(ctx: StackContext): Body {
  const backend = ctx.policy.terraform.backend;
  if (!backend) {
    return [
      comment(
        "The OrgPolicy (.github/infracrew.yml) names no state bucket, so `terraform init` is given it:",
      ),
      comment('  terraform init -backend-config="bucket=<bucket>" -backend-config="region=<region>"'),
      comment("The Infracrew workflows pass the repository variables INFRACREW_STATE_BUCKET and"),
      comment("INFRACREW_STATE_REGION. Set terraform.backend in the policy to write them here instead."),
      block(
        "terraform",
        [],
        [block("backend", ["s3"], [...attrs({ key: stateKey(ctx), encrypt: true, use_lockfile: true })])],
      ),
    ];
  }
  return [
    block(
      "terraform",
      [],
      [
        block(
          "backend",
          ["s3"],
          [
            ...attrs({
              bucket: backend.bucket,
              key: stateKey(ctx),
              region: backend.region,
              encrypt: true,
              use_lockfile: backend.dynamodbTable === undefined ? true : undefined,
              dynamodb_table: backend.dynamodbTable,
            }),
          ],
        ),
      ],
    ),
  ];
}
