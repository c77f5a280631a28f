import { describe, expect, it } from "vitest";
import { renderStack } from "../../../../app/agents/forge/index.js";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import {
  evaluateOffline,
  NOT_OFFLINE,
  type OfflineInput,
} from "../../../../app/agents/sentinel/offline/evaluate-offline.js";
import { parseTerraformFiles } from "../../../../app/agents/sentinel/parsers/terraform-hcl.js";
import type { ToolOutcome } from "../../../../app/agents/sentinel/report.js";
import type { PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import type { ValidationResult } from "../../../../app/contracts/generated/validation-result.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { EXAMPLE_POLICY, loadPlanSpec, loadPolicy } from "../../../support/forge-stacks.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { policyFrom, ran } from "../../../support/sentinel-evaluate.js";

const NOW = new Date("2026-11-27T12:00:00Z");
const WEB_API = loadPlanSpec("test/golden/atlas/checkout-api.plan-spec.json");
const SITE = loadPlanSpec("test/golden/atlas/docs-site.plan-spec.json");
const WORKER = loadPlanSpec("test/golden/atlas/invoice-worker.plan-spec.json");

/** What `infracrew run` hands Sentinel: the design, and the Terraform files Forge rendered from it, parsed. */
async function offline(
  spec: PlanSpec,
  policy: ResolvedOrgPolicy,
  more: { toolReports?: ToolOutcome[]; edit?: (path: string, text: string) => string } = {},
): Promise<OfflineInput> {
  const files = renderStack(spec, { policy })
    .files.filter((f) => f.path.endsWith(".tf"))
    .map((f) => ({ path: f.path, text: more.edit ? more.edit(f.path, f.content) : f.content }));
  const hcl = parsedValue(await parseTerraformFiles(files));
  return {
    planSpec: spec,
    toolReports: more.toolReports ?? [],
    hcl,
    terraformFiles: files,
    policy,
    now: NOW,
  };
}

function valid(result: ValidationResult): ValidationResult {
  const checked = validateArtifact("ValidationResult", result);
  if (!checked.ok) expect.fail(JSON.stringify(checked.problems));
  return result;
}

const NOT_CHECKED =
  "Offline verdict: Sentinel checked the design and the Terraform files Forge wrote; the required check on the pull request checks more. Not checked here: the security scanners (Trivy, tfsec, Checkov), Conftest and Infracost, which run in the infracrew-plan workflow (not installable offline); and the Terraform plan, so neither the resources inside modules nor changes to stateful resources.";

describe("evaluateOffline: an honest verdict without scanners or a plan", () => {
  it("passes Atlas's web-api design under the example policy, saying first what it did not check", async () => {
    const result = valid(evaluateOffline(await offline(WEB_API, loadPolicy(EXAMPLE_POLICY))));
    expect(result.verdict).toBe("PASS");
    expect(result.reasons).toEqual([
      NOT_CHECKED,
      "The org policy (allowed regions, required tags, size caps and instance families) passed at the design level on the design's 6 components, and on the Terraform files (1 provider, 2 resources outside modules).",
      "The stack's 9 modules are covered by the design check: 7 render the design's components, whose sizes it read, and 2 are shared by the stack (module.cluster, module.encryption); every module deploys with its provider's region and default tags, both checked on the Terraform files. The resources inside modules are seen only in a plan.",
      "The forecast is the design's estimate (no plan, no Infracost output): $1,244.82/month from 12 cost lines, which Atlas priced from AWS public on-demand prices (aws.amazon.com/<service>/pricing/) on 2026-11-27, usage included as the goal implies it.",
      "Budget: the forecast of $1,244.82/month is 77.8 % of the $1,600 budget, under the brake at 80 % ($1,280).",
    ]);
    expect(result.findings).toEqual([]);
    expect(result.cost).toMatchObject({ monthlyUsd: 1244.82, source: "estimate" });
    expect(result.cost.unpriced).toBeUndefined();
    expect(result.cost.note).toMatch(/^The design's estimate \(offline: no plan, no Infracost\)/);
    expect(result.budget).toEqual({ monthlyUsd: 1600, ratio: 0.778, brakeRatio: 0.8 });
    expect(result.tools.map((t) => [t.name, t.status, t.reason])).toEqual([
      ["terraform", "skipped", "no plan; the org policy ran on the Terraform files"],
      ["trivy", "skipped", NOT_OFFLINE],
      ["tfsec", "skipped", NOT_OFFLINE],
      ["checkov", "skipped", NOT_OFFLINE],
      ["conftest", "skipped", NOT_OFFLINE],
      ["infracost", "skipped", NOT_OFFLINE],
      [
        "infracrew-policy",
        "ran",
        "offline: at the design level, on the PlanSpec's 6 components, and on the Terraform files",
      ],
      ["infracrew-budget", "ran", "forecast from the design's estimate"],
    ]);
  });

  it.each([
    ["docs-site", SITE, 21.3],
    ["invoice-worker", WORKER, 127.88],
  ])("passes Atlas's %s design, forecasting the design's own total", async (_, spec, monthly) => {
    const result = valid(evaluateOffline(await offline(spec, loadPolicy(EXAMPLE_POLICY))));
    expect(result.verdict).toBe("PASS");
    expect(result.reasons[0]).toBe(NOT_CHECKED);
    expect(result.cost.monthlyUsd).toBe(monthly);
    const freeTier = spec.cost.monthlyUsdWithoutFreeTier;
    expect(result.reasons.some((r) => r.includes("CloudFront's always-free allowance"))).toBe(
      freeTier !== undefined,
    );
    expect(result.findings.filter((f) => f.ruleId === "unchecked-module")).toEqual([]);
  });

  it("keeps the required check strict: evaluate on the same stack still fails", async () => {
    const input = await offline(WEB_API, loadPolicy(EXAMPLE_POLICY));
    const strict = evaluate({
      goalRef: WEB_API.goalRef,
      toolReports: [],
      hcl: input.hcl!,
      terraformFiles: input.terraformFiles!,
      policy: input.policy,
      budgetMonthlyUsd: 1500,
      now: NOW,
    });
    expect(strict.verdict).toBe("FAIL");
    expect(strict.reasons[0]).toMatch(/^No security scanner \(Trivy, tfsec or Checkov\) checked the stack/);
    expect(strict.findings.some((f) => f.ruleId === "unchecked-module")).toBe(true);
  });

  it("judges a scanner output given as usual: Trivy's HIGH findings fail the offline run", async () => {
    const trivy = ran("trivy", "trivy/config_terraform_aws_v0.72.json");
    const result = valid(
      evaluateOffline(await offline(WEB_API, loadPolicy(EXAMPLE_POLICY), { toolReports: [trivy] })),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toMatch(/^The scanners found \d+ problems at or above HIGH/);
    expect(result.reasons.find((r) => r.startsWith("Offline verdict"))).toContain(
      "Not checked here: the security scanners (tfsec, Checkov), Conftest and Infracost",
    );
    expect(result.tools.find((t) => t.name === "trivy")).toMatchObject({ status: "ran" });
  });

  it("does not fail for a scanner the policy requires but that cannot run offline, and says so", async () => {
    const policy = policyFrom("policy:\n  requiredTools: [trivy, infracost]\n");
    const result = valid(evaluateOffline(await offline(WORKER, policy)));
    expect(result.verdict).toBe("PASS");
    expect(result.tools.find((t) => t.name === "infracost")).toEqual({
      name: "infracost",
      status: "skipped",
      reason: NOT_OFFLINE,
    });
  });

  it("fails at the design level what a plan would fail: a region, a size cap", async () => {
    const policy = policyFrom(
      "policy:\n  allowedRegions: [eu-west-1]\n  sizeCaps:\n    maxTasks: 8\n    allowedInstanceFamilies: [db.r6g, cache.t4g]\n",
    );
    const result = valid(evaluateOffline(await offline(WORKER, policy)));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.slice(0, result.failingReasons)).toEqual([
      "Org policy (allowed-regions): the design deploys to eu-central-1, which the org policy does not allow (allowed: eu-west-1); provider aws deploys to eu-central-1, which the org policy does not allow (allowed: eu-west-1).",
      "Org policy (task-count): component worker: maxCount is 12 tasks, over the org policy's cap of 8 tasks.",
    ]);
  });

  it("checks the providers Forge writes beyond the design's region: CloudFront's WAF in us-east-1", async () => {
    const policy = policyFrom("policy:\n  allowedRegions: [eu-west-1]\n");
    const site = { ...SITE, region: "eu-west-1" };
    const result = valid(evaluateOffline(await offline(site, policy)));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "Org policy (allowed-regions): provider aws.us_east_1 deploys to us-east-1, which the org policy does not allow (allowed: eu-west-1).",
    );
  });

  it("fails an inline skip written into Forge's files that the policy does not allow, and passes Forge's own", async () => {
    const edit = (path: string, text: string) =>
      path.endsWith("/database.tf") ? `# checkov:skip=CKV_AWS_157:no multi-AZ\n${text}` : text;
    const result = valid(evaluateOffline(await offline(WEB_API, loadPolicy(EXAMPLE_POLICY), { edit })));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.slice(0, result.failingReasons)).toEqual([
      'Inline scanner skip at infra/checkout-api/database.tf:1 ("checkov:skip=CKV_AWS_157"): it hides CKV_AWS_157 from the scanners, and policy.allowedSkips does not allow it. Remove it, or allow the rule in policy.allowedSkips on the default branch.',
    ]);
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.blocking])).toEqual([
      ["inline-skip", "infra/checkout-api/database.tf", 1, true],
    ]);
  });

  it("fails when the provider's default tags, which the modules' resources take, lack a required tag", async () => {
    const policy = policyFrom("policy:\n  requiredTags: [team]\n");
    const edit = (path: string, text: string) =>
      path.endsWith("providers.tf") ? text.replace(/\n\s*team\s*= "billing"/, "") : text;
    const result = valid(evaluateOffline(await offline(WORKER, policy, { edit })));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "Org policy (required-tags): aws_vpc_endpoint.network_s3 is missing the required tag team; provider aws's default_tags lack the required tag team, which the resources in modules take their tags from.",
    );
  });

  it("trips the budget brake on the design's estimate", async () => {
    const tight = { ...WORKER, cost: { ...WORKER.cost, budgetMonthlyUsd: 140 } };
    const result = valid(evaluateOffline(await offline(tight, loadPolicy(EXAMPLE_POLICY))));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "Budget brake: the forecast of $127.88/month is 91.3 % of the $140 budget, at or above the brake at 80 % ($112).",
    );
  });

  it("fails a design whose cost lines do not add up to its total, and brakes on the larger", async () => {
    const lines = WORKER.cost.lines.map((l, i) => (i === 0 ? { ...l, monthlyUsd: l.monthlyUsd + 100 } : l));
    const edited = { ...WORKER, cost: { ...WORKER.cost, lines } };
    const result = valid(evaluateOffline(await offline(edited, loadPolicy(EXAMPLE_POLICY))));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "The design's cost lines add up to $227.88/month, not its total of $127.88: the brake judges the larger.",
    );
    expect(result.cost.monthlyUsd).toBe(227.88);
  });
});
