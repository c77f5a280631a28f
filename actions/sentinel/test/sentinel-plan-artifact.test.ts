/**
 * Sentinel in the validation job: the plan JSON and the ValidateRequest come from forge-plan's artifact, the plan
 * sealed with the plan key; the policy comes from wherever the workflow checked out the default branch. And every
 * result names the saved plan it judged.
 */
import { describe, expect, it } from "vitest";
import { readRepoFile } from "../../../test/support/repo-files.js";
import { OUT_DIR, WORKSPACE, fakeToolkit, type FakeCommand } from "../../../test/support/fake-toolkit.js";
import { COMPLIANT_STACK } from "../../../test/support/sentinel-evaluate.js";
import { fixture } from "../../../test/support/sentinel-fixtures.js";
import { testPlan } from "../../../test/support/sentinel-plan.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { seal } from "../../forge-common/src/plan-crypto.js";
import { run } from "../src/runner.js";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const OTHER = "9b2cf6a1e0d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0";
const KEY = Buffer.alloc(32, 7);
const KEY_B64 = KEY.toString("base64");
const ARTIFACT = `infracrew-plan-checkout-api-${SHA}`;
const PLAN_SHA256 = "5d41402abc4b2a76b9719d911017c592ae8c2e0d38ab8a4a6ea6e0f3b2c1d4e5";
const PLAN_JSON = JSON.stringify(testPlan(COMPLIANT_STACK));

const REQUEST = {
  ...(JSON.parse(readRepoFile("schemas/examples/validate-request.json")) as Record<string, unknown>),
  stack: "checkout-api",
  dir: "infra/checkout-api",
  sha: SHA,
  budgetMonthlyUsd: 5000,
  plan: { artifact: ARTIFACT, planFile: "tfplan.enc", planJsonFile: "tfplan.json.enc", sha256: PLAN_SHA256 },
};

const INPUTS = {
  dir: "infra/checkout-api",
  "plan-artifact": ARTIFACT,
  "plan-key": KEY_B64,
  scanners: "trivy,conftest",
  policy: ".infracrew-default/.github/infracrew.yml",
  "conftest-policy": ".infracrew-default/policy",
  "fail-step": "true",
};

const COMMANDS: Record<string, FakeCommand> = {
  trivy: { writes: { [`${OUT_DIR}/trivy.json`]: fixture("trivy/config_terraform_no_failures.json") } },
  conftest: { exitCode: 0, stdout: fixture("conftest/terraform_plan_all_pass.json") },
};

const FILES = {
  "infra/checkout-api/main.tf": 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
};

/** forge-plan's artifact: the request in clear, the plan JSON sealed for `sealedFor` with `key`. */
function planArtifact(
  options: {
    key?: Buffer;
    sealedFor?: { stack: string; sha: string };
    request?: object;
    json?: Uint8Array;
  } = {},
): Record<string, Uint8Array> {
  const bound = options.sealedFor ?? { stack: "checkout-api", sha: SHA };
  return {
    "validate-request.json": Buffer.from(JSON.stringify(options.request ?? REQUEST)),
    "tfplan.json.enc":
      options.json ?? seal(options.key ?? KEY, Buffer.from(PLAN_JSON), { ...bound, file: "tfplan.json" }),
  };
}

function resultOf(toolkit: ReturnType<typeof fakeToolkit>) {
  return JSON.parse(toolkit.files.get(`${OUT_DIR}/validation-result.json`)!) as {
    verdict: string;
    reasons: string[];
    sha?: string;
    savedPlan?: unknown;
  };
}

describe("Sentinel on forge-plan's sealed artifact", () => {
  it("opens the plan JSON with the key, judges it with the default branch's policy, and names the saved plan", async () => {
    const toolkit = fakeToolkit({
      inputs: INPUTS,
      files: FILES,
      commands: COMMANDS,
      artifacts: { [ARTIFACT]: planArtifact() },
    });
    await run(toolkit);
    expect(toolkit.secrets[0]).toBe(KEY_B64);
    expect(toolkit.downloads).toEqual([{ name: ARTIFACT, directory: `${OUT_DIR}/plan-artifact` }]);
    const result = resultOf(toolkit);
    expect(validateArtifact("ValidationResult", result).ok).toBe(true);
    expect(result.verdict).toBe("PASS");
    expect(result.sha).toBe(SHA);
    expect(result.savedPlan).toEqual({ artifact: ARTIFACT, sha256: PLAN_SHA256 });
    // The opened JSON is written outside the workspace, and Conftest reads it with the default branch's Rego.
    expect(toolkit.files.get(`${OUT_DIR}/tfplan.json`)).toBe(PLAN_JSON);
    const conftest = toolkit.calls.find((c) => c.command === "conftest")!;
    expect(conftest.args).toEqual([
      "test",
      "--output",
      "json",
      "--all-namespaces",
      "--policy",
      ".infracrew-default/policy",
      `${OUT_DIR}/tfplan.json`,
    ]);
    expect(conftest.cwd).toBe(WORKSPACE);
  });

  it.each([
    [
      "a plan sealed with another key",
      { artifacts: { [ARTIFACT]: planArtifact({ key: Buffer.alloc(32, 9) }) } },
      `The plan JSON cannot be opened: tfplan.json.enc does not open with INFRACREW_PLAN_KEY for checkout-api at ${SHA}: another key, another stack or commit, or a changed file.`,
    ],
    [
      "a request relabelled to another commit",
      { artifacts: { [ARTIFACT]: planArtifact({ sealedFor: { stack: "checkout-api", sha: OTHER } }) } },
      `The plan JSON cannot be opened: tfplan.json.enc does not open with INFRACREW_PLAN_KEY for checkout-api at ${SHA}: another key, another stack or commit, or a changed file.`,
    ],
    [
      "a tampered plan JSON",
      {
        artifacts: {
          [ARTIFACT]: planArtifact({
            json: (() => {
              const sealed = Buffer.from(
                seal(KEY, Buffer.from(PLAN_JSON), { stack: "checkout-api", sha: SHA, file: "tfplan.json" }),
              );
              sealed[40] = sealed[40]! ^ 0xff;
              return sealed;
            })(),
          }),
        },
      },
      `The plan JSON cannot be opened: tfplan.json.enc does not open with INFRACREW_PLAN_KEY for checkout-api at ${SHA}: another key, another stack or commit, or a changed file.`,
    ],
    [
      "no artifact in the run",
      { artifacts: {} },
      `There is no plan artifact ${ARTIFACT} in this run, so there is no plan to validate.`,
    ],
    [
      "an artifact for another stack directory",
      { artifacts: { [ARTIFACT]: planArtifact({ request: { ...REQUEST, dir: "infra/payments" } }) } },
      "The plan artifact is for infra/payments, not for the stack infra/checkout-api being validated.",
    ],
  ])("fails on %s, and says why", async (_name, options, reason) => {
    const toolkit = fakeToolkit({ inputs: INPUTS, files: FILES, commands: COMMANDS, ...options });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons).toContain(reason);
  });

  it("fails a key that is not a key, without repeating it", async () => {
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, "plan-key": "hunter2-is-not-a-key" },
      files: FILES,
      commands: COMMANDS,
      artifacts: { [ARTIFACT]: planArtifact() },
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.join(" ")).toContain("is not base64");
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(toolkit.secrets).toContain("hunter2-is-not-a-key");
  });

  it("refuses plan-artifact without a key, or together with plan-json", async () => {
    for (const [inputs, message] of [
      [
        { ...INPUTS, "plan-key": "" },
        "plan-key: is required with plan-artifact: the secret INFRACREW_PLAN_KEY, which opens the sealed plan",
      ],
      [
        { ...INPUTS, "plan-json": "tfplan.json" },
        "plan-artifact: gives the plan JSON and the ValidateRequest: leave plan-json and validate-request out",
      ],
    ] as const) {
      const toolkit = fakeToolkit({
        inputs,
        files: FILES,
        commands: COMMANDS,
        artifacts: { [ARTIFACT]: planArtifact() },
      });
      await run(toolkit);
      expect(toolkit.failures).toEqual([`Sentinel's inputs are invalid: ${message}`]);
      expect(toolkit.calls).toEqual([]);
    }
  });
});

describe("the saved plan in every result", () => {
  it("is copied from a ValidateRequest file too", async () => {
    const toolkit = fakeToolkit({
      inputs: {
        dir: "infra/checkout-api",
        "plan-json": "tfplan.json",
        "validate-request": "validate-request.json",
        scanners: "trivy",
      },
      files: { ...FILES, "tfplan.json": PLAN_JSON, "validate-request.json": JSON.stringify(REQUEST) },
      commands: COMMANDS,
    });
    await run(toolkit);
    expect(resultOf(toolkit).savedPlan).toEqual({ artifact: ARTIFACT, sha256: PLAN_SHA256 });
  });

  it("is absent without a ValidateRequest", async () => {
    const toolkit = fakeToolkit({
      inputs: { dir: "infra/checkout-api", "plan-json": "tfplan.json", budget: "5000", scanners: "trivy" },
      files: { ...FILES, "tfplan.json": PLAN_JSON },
      commands: COMMANDS,
    });
    await run(toolkit);
    expect(resultOf(toolkit).savedPlan).toBeUndefined();
  });
});
