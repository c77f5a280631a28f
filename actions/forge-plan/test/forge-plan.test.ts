import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { readRepoFile } from "../../../test/support/repo-files.js";
import { answer, fakeToolkit, type Handler } from "../../forge-common/test/fake-toolkit.js";
import { open } from "../../forge-common/src/plan-crypto.js";
import { run } from "../src/runner.js";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const DIR = "infra/invoice-worker";
const PLAN_JSON = readRepoFile("test/fixtures/forge/tfplan-show.json");
const PLANSPEC = readRepoFile("test/golden/forge/invoice-worker/infra/invoice-worker/planspec.json");
const TIMEOUT = "timeout --signal=INT --kill-after=120 1800 terraform";
const PLAN_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

const KEY = Buffer.alloc(32, 7);
const KEY_B64 = KEY.toString("base64");

const INPUTS = {
  "plan-key": KEY_B64,
  "working-directory": DIR,
  stack: "invoice-worker",
  sha: SHA,
  pr: "43",
  repository: "acme/platform-infra",
};

/** The commands a successful plan runs, in order, with their exact argv. */
const PLAN_COMMANDS = [
  "git rev-parse HEAD",
  "terraform version -json",
  `${TIMEOUT} init -input=false -no-color`,
  "terraform validate -json -no-color",
  `${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`,
  "terraform show -json tfplan",
];

function handlers(overrides: Handler[] = []): Handler[] {
  return [
    ...overrides,
    answer("git rev-parse HEAD", { stdout: `${SHA}\n` }),
    answer("terraform version -json", { stdout: '{"terraform_version":"1.11.4","platform":"linux_amd64"}' }),
    answer(`${TIMEOUT} init -input=false -no-color`, {
      stdout: "Terraform has been successfully initialized!",
    }),
    answer("terraform validate -json -no-color", {
      stdout: '{"valid":true,"error_count":0,"warning_count":0,"diagnostics":[]}',
    }),
    answer(
      `${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`,
      (fake) => {
        fake.files.set(`${DIR}/tfplan`, PLAN_BYTES);
        return { exitCode: 2, stdout: "Plan: 1 to add, 1 to change, 1 to destroy." };
      },
    ),
    answer("terraform show -json tfplan", { stdout: PLAN_JSON }),
  ];
}

function setup(
  options: { inputs?: Record<string, string>; overrides?: Handler[]; files?: Record<string, string> } = {},
) {
  return fakeToolkit({
    inputs: { ...INPUTS, ...options.inputs },
    handlers: handlers(options.overrides),
    files: { [`${DIR}/planspec.json`]: PLANSPEC, ...options.files },
    now: "2026-11-27T12:05:00Z",
  });
}

describe("forge-plan", () => {
  it("plans the head SHA, saves plan and redacted JSON as the SHA's artifact, and emits the ValidateRequest", async () => {
    const fake = setup();
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.commandLines()).toEqual(PLAN_COMMANDS);
    expect(fake.calls.filter((c) => c.command !== "git").every((c) => c.cwd === DIR)).toBe(true);
    expect(fake.calls.find((c) => c.args[0] === "show")?.silent).toBe(true);

    expect(fake.uploads).toHaveLength(1);
    const upload = fake.uploads[0]!;
    expect(upload.name).toBe(`infracrew-plan-invoice-worker-${SHA}`);
    expect(upload.root).toBe(DIR);
    expect(upload.retentionDays).toBe(7);
    expect(Object.keys(upload.files)).toEqual(
      ["tfplan.enc", "tfplan.json.enc", "infracrew-plan.json", "validate-request.json"].map(
        (f) => `${DIR}/${f}`,
      ),
    );

    const request = JSON.parse(upload.files[`${DIR}/validate-request.json`] as string) as Record<
      string,
      unknown
    >;
    expect(validateArtifact("ValidateRequest", request).ok).toBe(true);
    expect(request).toMatchObject({
      kind: "ValidateRequest",
      createdAt: "2026-11-27T12:05:00.000Z",
      goalRef: { name: "invoice-worker" },
      repo: "acme/platform-infra",
      pr: 43,
      stack: "invoice-worker",
      dir: DIR,
      sha: SHA,
      budgetMonthlyUsd: 300,
      plan: {
        artifact: `infracrew-plan-invoice-worker-${SHA}`,
        planFile: "tfplan.enc",
        planJsonFile: "tfplan.json.enc",
        sha256: createHash("sha256").update(PLAN_BYTES).digest("hex"),
      },
      planCounts: { create: 1, update: 1, delete: 1, replace: 1 },
      terraformVersion: "1.11.4",
    });
    expect(request.id).toMatch(/^validate-invoice-worker-[0-9a-f]{12}$/);
    const meta = JSON.parse(upload.files[`${DIR}/infracrew-plan.json`] as string) as Record<string, unknown>;
    expect(meta).toMatchObject({
      stack: "invoice-worker",
      sha: SHA,
      dir: DIR,
      createdAt: "2026-11-27T12:05:00.000Z",
    });
    expect(meta.planSha256).toBe(createHash("sha256").update(PLAN_BYTES).digest("hex"));
    expect(fake.outputs).toEqual({
      "validate-request": `${DIR}/validate-request.json`,
      "plan-json": `${DIR}/tfplan.json`,
      artifact: `infracrew-plan-invoice-worker-${SHA}`,
      "has-changes": "true",
    });
  });

  it("uploads the plan and its JSON only sealed: AES-256-GCM with the plan key, bound to the stack and the commit", async () => {
    const fake = setup();
    await run(fake);
    const files = fake.uploads[0]!.files;
    const sealedPlan = files[`${DIR}/tfplan.enc`] as Uint8Array;
    const sealedJson = files[`${DIR}/tfplan.json.enc`] as Uint8Array;
    expect(Buffer.from(sealedPlan).includes(Buffer.from(PLAN_BYTES))).toBe(false);
    expect(Buffer.from(sealedJson).toString("latin1")).not.toContain("resource_changes");
    const bound = { stack: "invoice-worker", sha: SHA };
    const plan = open(KEY, sealedPlan, { ...bound, file: "tfplan" });
    expect(plan.ok && Buffer.from(plan.plaintext)).toEqual(Buffer.from(PLAN_BYTES));
    const json = open(KEY, sealedJson, { ...bound, file: "tfplan.json" });
    expect(json.ok && JSON.parse(json.plaintext.toString("utf8"))).toEqual(
      JSON.parse(fake.files.get(`${DIR}/tfplan.json`) as string),
    );
    // Bound: the plan file does not open as the JSON, nor for another commit, nor with another key.
    expect(open(KEY, sealedPlan, { ...bound, file: "tfplan.json" }).ok).toBe(false);
    expect(open(KEY, sealedPlan, { ...bound, sha: "0".repeat(40), file: "tfplan" }).ok).toBe(false);
    expect(open(Buffer.alloc(32, 8), sealedPlan, { ...bound, file: "tfplan" }).ok).toBe(false);
    // A fresh IV per file: sealing the same bytes twice gives different files.
    const again = setup();
    await run(again);
    expect(Buffer.from(again.uploads[0]!.files[`${DIR}/tfplan.enc`] as Uint8Array)).not.toEqual(
      Buffer.from(sealedPlan),
    );
    const meta = JSON.parse(files[`${DIR}/infracrew-plan.json`] as string) as Record<string, unknown>;
    expect(meta.sealed).toBe("AES-256-GCM");
  });

  it("masks the plan key before anything else", async () => {
    const fake = setup();
    await run(fake);
    expect(fake.journal[0]).toBe(`mask ${KEY_B64}`);
  });

  it.each([
    [
      "missing",
      "",
      "forge-plan: plan-key: the plan encryption key is missing (the secret INFRACREW_PLAN_KEY is not set): create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
    ],
    [
      "too short",
      Buffer.alloc(16, 1).toString("base64"),
      "forge-plan: plan-key: the plan encryption key INFRACREW_PLAN_KEY decodes to 16 bytes, not 32: create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
    ],
    [
      "not base64",
      "correct horse battery staple",
      "forge-plan: plan-key: the plan encryption key INFRACREW_PLAN_KEY is not base64: create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
    ],
  ])("refuses a %s plan key before running anything, without repeating it", async (_name, key, message) => {
    const fake = setup({ inputs: { "plan-key": key } });
    await run(fake);
    expect(fake.failed).toBe(message);
    expect(fake.calls).toEqual([]);
    expect(fake.uploads).toEqual([]);
    if (key !== "") expect(fake.failed).not.toContain(key);
  });

  it("masks every sensitive plan value and never writes one to the artifact or the log", async () => {
    const fake = setup();
    await run(fake);
    expect(fake.secrets).toEqual(expect.arrayContaining(["sk-output-51d0e9", "tok-variable-8f3a2c"]));
    expect(fake.secrets.some((s) => s.includes("legacy-4c1d77"))).toBe(true);
    const sealedJson = fake.uploads[0]!.files[`${DIR}/tfplan.json.enc`] as Uint8Array;
    const opened = open(KEY, sealedJson, { stack: "invoice-worker", sha: SHA, file: "tfplan.json" });
    const planJson = opened.ok ? opened.plaintext.toString("utf8") : "";
    for (const secret of ["sk-output-51d0e9", "tok-variable-8f3a2c", "legacy-4c1d77", "legacy-old-90aa"]) {
      expect(planJson).not.toContain(secret);
      expect(fake.logs.join("\n")).not.toContain(secret);
    }
    expect(planJson).toContain('"(sensitive)"');
  });

  it("runs every terraform command silent and prints the plan only once its secrets are masked", async () => {
    // The plan's own output shows a value that only `terraform show -json` reveals as sensitive.
    const fake = setup({
      overrides: [
        answer(
          `${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`,
          (f) => {
            f.files.set(`${DIR}/tfplan`, PLAN_BYTES);
            return {
              exitCode: 2,
              stdout:
                '  + api_token = "tok-variable-8f3a2c"\n  + signing_key = "sk-output-51d0e9"\nPlan: 1 to add.',
            };
          },
        ),
      ],
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.calls.filter((c) => c.command !== "git").every((c) => c.silent === true)).toBe(true);
    expect(fake.logs.some((l) => l.includes("tok-variable-8f3a2c"))).toBe(true);
    expect(fake.unmaskedLeaks()).toEqual([]);
  });

  it("the leak check itself: a plan streamed to the log before masking would be caught", async () => {
    const fake = fakeToolkit();
    await fake.exec("terraform", ["plan"]).catch(() => undefined);
    fake.journal.push('log   + api_token = "tok-variable-8f3a2c"');
    fake.core.setSecret("tok-variable-8f3a2c");
    expect(fake.unmaskedLeaks()).toEqual([
      'tok-variable-8f3a2c in: log   + api_token = "tok-variable-8f3a2c"',
    ]);
  });

  it("reports no changes when the plan exits 0", async () => {
    const fake = setup({
      overrides: [
        answer(
          `${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`,
          (f) => {
            f.files.set(`${DIR}/tfplan`, "plan");
            return { exitCode: 0 };
          },
        ),
      ],
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.outputs["has-changes"]).toBe("false");
  });

  it("passes the state bucket and region to init when the policy names none", async () => {
    const init = `${TIMEOUT} init -input=false -no-color -backend-config=bucket=acme-state -backend-config=region=eu-west-1`;
    const fake = setup({
      inputs: { "backend-bucket": "acme-state", "backend-region": "eu-west-1", "timeout-minutes": "10" },
      overrides: [
        answer(init.replace("1800", "600"), { stdout: "ok" }),
        answer(
          "timeout --signal=INT --kill-after=120 600 terraform plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color",
          (f) => {
            f.files.set(`${DIR}/tfplan`, "plan");
            return { exitCode: 2 };
          },
        ),
      ],
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.commandLines()[2]).toBe(init.replace("1800", "600"));
  });

  it.each([
    [
      "a checkout at another SHA",
      [answer("git rev-parse HEAD", { stdout: "0000000000000000000000000000000000000000\n" })],
      `forge-plan: refused: the checkout is at 0000000000000000000000000000000000000000, not the pull request's head SHA ${SHA}; check out that commit (actions/checkout with ref: ${SHA})`,
      ["git rev-parse HEAD"],
    ],
    [
      "a failing init",
      [
        answer(`${TIMEOUT} init -input=false -no-color`, {
          exitCode: 1,
          stderr:
            '\n│ Error: Failed to get existing workspaces: S3 bucket "acme-state" does not exist.\n│ \n│ The referenced S3 bucket must have been previously created.\n',
        }),
      ],
      'forge-plan: init: terraform init failed (exit 1): Error: Failed to get existing workspaces: S3 bucket "acme-state" does not exist. The referenced S3 bucket must have been previously created.',
      PLAN_COMMANDS.slice(0, 3),
    ],
    [
      "a failing plan",
      [
        answer(`${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`, {
          exitCode: 1,
          stderr: "Error: Error acquiring the state lock\n\nLock Info:\n  ID: 1234\n",
        }),
      ],
      "forge-plan: plan: terraform plan failed (exit 1): Error: Error acquiring the state lock Lock Info:",
      PLAN_COMMANDS.slice(0, 5),
    ],
    [
      "a plan that runs out of time",
      [
        answer(`${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`, {
          exitCode: 124,
        }),
      ],
      "forge-plan: timeout: terraform plan ran out of time and was stopped (SIGINT)",
      PLAN_COMMANDS.slice(0, 5),
    ],
    [
      "a show that prints no JSON",
      [answer("terraform show -json tfplan", { stdout: "not json" })],
      "forge-plan: plan: terraform show -json printed no JSON plan",
      PLAN_COMMANDS,
    ],
  ])("fails clearly on %s, and saves nothing", async (_name, overrides, message, commands) => {
    const fake = setup({ overrides });
    await run(fake);
    expect(fake.failed).toBe(message);
    expect(fake.commandLines()).toEqual(commands);
    expect(fake.uploads).toEqual([]);
  });

  it("annotates validate's errors on their files and lines", async () => {
    const report = {
      valid: false,
      error_count: 1,
      diagnostics: [
        {
          severity: "error",
          summary: "Unsupported argument",
          detail: 'An argument named "drop_invalid_headers" is not expected here.',
          range: { filename: "lb.tf", start: { line: 12, column: 3 } },
        },
      ],
    };
    const fake = setup({
      overrides: [
        answer("terraform validate -json -no-color", { exitCode: 1, stdout: JSON.stringify(report) }),
      ],
    });
    await run(fake);
    expect(fake.failed).toBe(
      "forge-plan: plan: terraform validate found 1 error(s): Unsupported argument (lb.tf:12)",
    );
    expect(fake.annotations).toEqual([
      {
        message: 'Unsupported argument: An argument named "drop_invalid_headers" is not expected here.',
        file: `${DIR}/lb.tf`,
        line: 12,
      },
    ]);
  });

  it.each([
    [{ sha: "HEAD" }, 'forge-plan: sha: must be a full 40-character lowercase commit SHA (got "HEAD")'],
    [
      { "working-directory": "../etc" },
      'forge-plan: working-directory: must be a relative path of letters, digits, dashes and underscores (got "../etc")',
    ],
    [{ stack: "" }, "forge-plan: stack: is required"],
    [{ "timeout-minutes": "0" }, 'forge-plan: timeout-minutes: must be a whole number above 0 (got "0")'],
  ])("refuses bad inputs %j before running anything", async (inputs, message) => {
    const fake = setup({ inputs });
    await run(fake);
    expect(fake.failed).toBe(message);
    expect(fake.calls).toEqual([]);
  });

  it("refuses a stack Forge did not render (no planspec.json)", async () => {
    const fake = fakeToolkit({ inputs: INPUTS, handlers: handlers() });
    await run(fake);
    expect(fake.failed).toBe(
      `forge-plan: refused: ${DIR}/planspec.json: is missing: the stack was not rendered by Infracrew Forge`,
    );
  });

  it("turns an unexpected error into a failed step, never a crash", async () => {
    const fake = setup({
      overrides: [
        answer("terraform version -json", () => {
          throw new Error("spawn terraform ENOENT");
        }),
      ],
    });
    await run(fake);
    expect(fake.failed).toMatch(/^forge-plan: internal error: Error: spawn terraform ENOENT/);
  });
});
