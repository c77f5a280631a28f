import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { readRepoFile } from "../../../test/support/repo-files.js";
import {
  answer,
  fakeToolkit,
  type FakeToolkit,
  type Handler,
  type StoredArtifact,
} from "../../forge-common/test/fake-toolkit.js";
import { seal } from "../../forge-common/src/plan-crypto.js";
import { run } from "../src/runner.js";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const OTHER = "9b2cf6a1e0d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0";
const GOOD = "1111111111111111111111111111111111111111";
const DIR = "infra/invoice-worker";
const ARTIFACT = `infracrew-plan-invoice-worker-${SHA}`;
const PLAN_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]);
const TIMEOUT = "timeout --signal=INT --kill-after=120 1800 terraform";
const PLANSPEC = readRepoFile("test/golden/forge/invoice-worker/infra/invoice-worker/planspec.json");
const OUTPUT = readRepoFile("test/fixtures/forge/terraform-output.json");
const PLAN_JSON = readRepoFile("test/fixtures/forge/tfplan-show.json");
const CHANGES = { create: 31, update: 0, delete: 0, replace: 0 };

/** The plan key of these tests (what `openssl rand -base64 32` gives), and another one. */
const KEY = Buffer.alloc(32, 7);
const KEY_B64 = KEY.toString("base64");
const PLAN_SHA256 = createHash("sha256").update(PLAN_BYTES).digest("hex");
const PLAN_RUN = 555;
const PLAN_ARTIFACT = 7;

const INPUTS = {
  mode: "apply",
  "working-directory": DIR,
  stack: "invoice-worker",
  sha: SHA,
  pr: "43",
  repository: "acme/platform-infra",
  "plan-run-id": String(PLAN_RUN),
  "plan-artifact-id": String(PLAN_ARTIFACT),
  "plan-sha256": PLAN_SHA256,
  "plan-key": KEY_B64,
};
const ENV = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/platform-infra",
  GITHUB_RUN_ID: "987654321",
  RUNNER_TEMP: "/runner/temp",
};
const DOWNLOADED = "/runner/temp/infracrew-approved-plan";
/** A rollback's inputs on top of INPUTS: it plans afresh, with no saved plan and no key. */
const ROLLBACK = {
  mode: "rollback",
  "plan-run-id": "",
  "plan-artifact-id": "",
  "plan-sha256": "",
  "plan-key": "",
};

/**
 * The plan artifact forge-plan uploads: the plan sealed for its stack and commit, the sealed JSON, the metadata.
 * `overrides` change the metadata; `artifact` what GitHub says about the artifact; `sealedFor` what the plan was
 * sealed for, and `plan` its plaintext.
 */
function savedPlan(
  overrides: Record<string, unknown> = {},
  createdAt = "2026-11-27T12:05:00Z",
  options: {
    artifact?: Partial<StoredArtifact["artifact"]>;
    sealedFor?: { stack: string; sha: string };
    plan?: Uint8Array;
    key?: Buffer;
    tfplanEnc?: Uint8Array;
  } = {},
): StoredArtifact {
  const bound = options.sealedFor ?? { stack: "invoice-worker", sha: SHA };
  const key = options.key ?? KEY;
  const meta = {
    stack: "invoice-worker",
    sha: SHA,
    dir: DIR,
    createdAt,
    terraformVersion: "1.11.4",
    planSha256: PLAN_SHA256,
    sealed: "AES-256-GCM",
    changes: CHANGES,
    ...overrides,
  };
  return {
    artifact: {
      id: PLAN_ARTIFACT,
      name: ARTIFACT,
      createdAt: new Date(createdAt),
      runId: PLAN_RUN,
      expired: false,
      ...options.artifact,
    },
    files: {
      "tfplan.enc": options.tfplanEnc ?? seal(key, options.plan ?? PLAN_BYTES, { ...bound, file: "tfplan" }),
      "tfplan.json.enc": seal(key, Buffer.from("{}"), { ...bound, file: "tfplan.json" }),
      "infracrew-plan.json": JSON.stringify(meta),
    },
  };
}

const head = (sha: string): Handler => answer("git rev-parse HEAD", { stdout: `${sha}\n` });

function terraform(overrides: Handler[] = []): Handler[] {
  return [
    ...overrides,
    answer(`${TIMEOUT} init -input=false -no-color`, {
      stdout: "Terraform has been successfully initialized!",
    }),
    answer(`${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`, {
      stdout: "Apply complete! Resources: 31 added.",
    }),
    answer(`${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`, {
      exitCode: 2,
    }),
    answer("terraform output -json", { stdout: OUTPUT }),
    answer("terraform show -json tfplan", { stdout: PLAN_JSON }),
  ];
}

function setup(
  options: {
    inputs?: Record<string, string>;
    handlers?: Handler[];
    artifacts?: Record<string, StoredArtifact>;
    now?: string;
  } = {},
): FakeToolkit {
  return fakeToolkit({
    inputs: { ...INPUTS, ...options.inputs },
    handlers: options.handlers ?? [head(SHA), ...terraform()],
    files: { [`${DIR}/planspec.json`]: PLANSPEC },
    artifacts: options.artifacts ?? { [ARTIFACT]: savedPlan() },
    now: options.now ?? "2026-11-27T12:30:00Z",
    env: ENV,
  });
}

function result(fake: FakeToolkit): Record<string, unknown> {
  expect(fake.uploads.map((u) => [u.name, Object.keys(u.files), u.root, u.retentionDays])).toEqual([
    ["infracrew-apply-result", [`${DIR}/apply-result.json`], DIR, 30],
  ]);
  const value = JSON.parse(fake.uploads[0]!.files[`${DIR}/apply-result.json`] as string) as Record<
    string,
    unknown
  >;
  const checked = validateArtifact("ApplyResult", value);
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  return value;
}

describe("forge-apply, mode apply", () => {
  it("applies exactly the saved plan of the approved SHA and emits the ApplyResult", async () => {
    const fake = setup();
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.commandLines()).toEqual([
      "git rev-parse HEAD",
      `${TIMEOUT} init -input=false -no-color`,
      "terraform show -json tfplan",
      `${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`,
      "terraform output -json",
    ]);
    expect(fake.lookups).toEqual([PLAN_ARTIFACT]);
    expect(fake.calls.find((c) => c.args[0] === "output")?.silent).toBe(true);
    expect(result(fake)).toEqual({
      schemaVersion: "0.1",
      kind: "ApplyResult",
      id: expect.stringMatching(/^applied-invoice-worker-[0-9a-f]{12}$/),
      createdAt: "2026-11-27T12:30:00.000Z",
      goalRef: JSON.parse(PLANSPEC).goalRef,
      repo: "acme/platform-infra",
      pr: 43,
      stack: "invoice-worker",
      sha: SHA,
      mode: "apply",
      status: "success",
      startedAt: "2026-11-27T12:30:00.000Z",
      finishedAt: "2026-11-27T12:30:00.000Z",
      durationSeconds: 1.5,
      outputs: {
        jobs_queue_url: {
          value: "https://sqs.eu-central-1.amazonaws.com/123456789012/invoice-worker-jobs",
          sensitive: false,
        },
        network_private_subnets: { value: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], sensitive: false },
        signing_key: { value: "(sensitive)", sensitive: true },
      },
      changes: CHANGES,
      runUrl: "https://github.com/acme/platform-infra/actions/runs/987654321",
    });
    expect(fake.secrets).toEqual(expect.arrayContaining(["sk-output-51d0e9", "tok-variable-8f3a2c"]));
    expect(fake.unmaskedLeaks()).toEqual([]);
    expect(fake.outputs).toEqual({ status: "success", "apply-result": `${DIR}/apply-result.json` });
  });

  it("downloads exactly the approved artifact outside the checkout, and applies its opened plan", async () => {
    const fake = setup();
    await run(fake);
    expect(fake.lookups).toEqual([PLAN_ARTIFACT]);
    expect(fake.downloads).toEqual([{ id: PLAN_ARTIFACT, directory: DOWNLOADED }]);
    expect(Buffer.from(fake.files.get(`${DIR}/tfplan`) as Uint8Array)).toEqual(Buffer.from(PLAN_BYTES));
    expect(fake.secrets).toContain(KEY_B64);
    expect(fake.journal[0]).toBe(`mask ${KEY_B64}`);
  });

  it.each<
    [
      string,
      { handlers?: Handler[]; artifacts?: Record<string, StoredArtifact>; now?: string },
      string,
      string,
      string[],
    ]
  >([
    [
      "a checkout at another SHA",
      { handlers: [head(OTHER), ...terraform()] },
      "refused",
      `the checkout is at ${OTHER}, not the approved SHA ${SHA}; check out that commit (actions/checkout with ref: ${SHA})`,
      ["git rev-parse HEAD"],
    ],
    [
      "a saved plan whose metadata names another SHA",
      { artifacts: { [ARTIFACT]: savedPlan({ sha: OTHER }) } },
      "refused",
      `the saved plan is for invoice-worker at ${OTHER}, not the approved invoice-worker at ${SHA}`,
      ["git rev-parse HEAD"],
    ],
    [
      "a missing plan artifact",
      { artifacts: {} },
      "download",
      `the approved plan artifact ${PLAN_ARTIFACT} does not exist (or was deleted): run the plan again (/plan) and approve it`,
      ["git rev-parse HEAD"],
    ],
    [
      "an artifact from another run",
      { artifacts: { [ARTIFACT]: savedPlan({}, undefined, { artifact: { runId: 999 } }) } },
      "refused",
      `artifact ${PLAN_ARTIFACT} belongs to run 999, not to the approved plan run ${PLAN_RUN}`,
      ["git rev-parse HEAD"],
    ],
    [
      "an artifact of another stack",
      {
        artifacts: {
          [ARTIFACT]: savedPlan({}, undefined, { artifact: { name: `infracrew-plan-payments-${SHA}` } }),
        },
      },
      "refused",
      `artifact ${PLAN_ARTIFACT} is "infracrew-plan-payments-${SHA}", not the plan ${ARTIFACT} of invoice-worker at ${SHA}`,
      ["git rev-parse HEAD"],
    ],
    [
      "an expired artifact",
      { artifacts: { [ARTIFACT]: savedPlan({}, undefined, { artifact: { expired: true } }) } },
      "refused",
      `the approved plan artifact ${PLAN_ARTIFACT} has expired: run the plan again (/plan) and approve it`,
      ["git rev-parse HEAD"],
    ],
    [
      "a plan older than the limit",
      { artifacts: { [ARTIFACT]: savedPlan({}, "2026-11-26T10:00:00Z") } },
      "refused",
      "the saved plan is 1590 minutes old; the limit is 1440: run the plan again (/plan) and approve it",
      ["git rev-parse HEAD"],
    ],
    [
      "a plan whose sha256 is not the approved one",
      { artifacts: { [ARTIFACT]: savedPlan({}, undefined, { plan: new Uint8Array([1, 2, 3]) }) } },
      "refused",
      `tfplan is not the plan Sentinel passed: its sha256 is ${createHash("sha256")
        .update(new Uint8Array([1, 2, 3]))
        .digest("hex")}, the approved one ${PLAN_SHA256}`,
      ["git rev-parse HEAD"],
    ],
    [
      "metadata that names another sha256",
      { artifacts: { [ARTIFACT]: savedPlan({ planSha256: "0".repeat(64) }) } },
      "refused",
      `the plan's metadata names sha256 ${"0".repeat(64)}, not the approved ${PLAN_SHA256}`,
      ["git rev-parse HEAD"],
    ],
    [
      "a tampered ciphertext",
      {
        artifacts: {
          [ARTIFACT]: savedPlan({}, undefined, {
            tfplanEnc: (() => {
              const sealed = Buffer.from(
                seal(KEY, PLAN_BYTES, { stack: "invoice-worker", sha: SHA, file: "tfplan" }),
              );
              sealed[sealed.length - 1]! ^= 0x01;
              return sealed;
            })(),
          }),
        },
      },
      "refused",
      `tfplan.enc does not open with INFRACREW_PLAN_KEY for invoice-worker at ${SHA}: another key, another stack or commit, or a changed file`,
      ["git rev-parse HEAD"],
    ],
    [
      "a plan sealed with another key",
      { artifacts: { [ARTIFACT]: savedPlan({}, undefined, { key: Buffer.alloc(32, 8) }) } },
      "refused",
      `tfplan.enc does not open with INFRACREW_PLAN_KEY for invoice-worker at ${SHA}: another key, another stack or commit, or a changed file`,
      ["git rev-parse HEAD"],
    ],
    [
      "a plan sealed for another commit, relabelled",
      {
        artifacts: {
          [ARTIFACT]: savedPlan({}, undefined, { sealedFor: { stack: "invoice-worker", sha: OTHER } }),
        },
      },
      "refused",
      `tfplan.enc does not open with INFRACREW_PLAN_KEY for invoice-worker at ${SHA}: another key, another stack or commit, or a changed file`,
      ["git rev-parse HEAD"],
    ],
    [
      "a failing apply",
      {
        handlers: [
          head(SHA),
          ...terraform([
            answer(`${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`, {
              exitCode: 1,
              stderr:
                "│ Error: Saved plan is stale\n│ \n│ The given plan file can no longer be applied because the state was changed by another operation after the plan was created.\n",
            }),
          ]),
        ],
      },
      "apply",
      "terraform apply failed (exit 1): Error: Saved plan is stale The given plan file can no longer be applied because the state was changed by another operation after the plan was created.",
      [
        "git rev-parse HEAD",
        `${TIMEOUT} init -input=false -no-color`,
        "terraform show -json tfplan",
        `${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`,
      ],
    ],
    [
      "a failing init",
      {
        handlers: [
          head(SHA),
          ...terraform([
            answer(`${TIMEOUT} init -input=false -no-color`, {
              exitCode: 1,
              stderr: "Error: No valid credential sources found\n",
            }),
          ]),
        ],
      },
      "init",
      "terraform init failed (exit 1): Error: No valid credential sources found",
      ["git rev-parse HEAD", `${TIMEOUT} init -input=false -no-color`],
    ],
    [
      "an apply that runs out of time",
      {
        handlers: [
          head(SHA),
          ...terraform([
            answer(`${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`, { exitCode: 124 }),
          ]),
        ],
      },
      "timeout",
      "terraform apply ran out of time and was stopped (SIGINT)",
      [
        "git rev-parse HEAD",
        `${TIMEOUT} init -input=false -no-color`,
        "terraform show -json tfplan",
        `${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`,
      ],
    ],
  ])(
    "on %s: fails with a clear ApplyResult and never applies what was not approved",
    async (_name, options, phase, message, commands) => {
      const fake = setup(options);
      await run(fake);
      expect(fake.commandLines()).toEqual(commands);
      const value = result(fake);
      const status = phase === "timeout" ? "timeout" : "failure";
      expect(value).toMatchObject({ mode: "apply", status, error: { phase, message } });
      expect(fake.failed).toBe(`forge-apply: apply ${status}: ${phase}: ${message}`);
      expect(fake.outputs.status).toBe(status);
    },
  );

  it("refuses known-good-sha in mode apply, and bad inputs, before running anything", async () => {
    for (const [inputs, message] of [
      [{ "known-good-sha": GOOD }, "forge-apply: known-good-sha: is for mode rollback only"],
      [{ mode: "destroy" }, 'forge-apply: mode: must be one of: apply, rollback (got "destroy")'],
      [{ sha: "main" }, 'forge-apply: sha: must be a full 40-character lowercase commit SHA (got "main")'],
      [
        { "plan-run-id": "", "plan-artifact-id": "", "plan-sha256": "" },
        "forge-apply: plan-run-id, plan-artifact-id, plan-sha256: required for mode apply (the plan Sentinel passed, as the App dispatched it)",
      ],
      [
        { "plan-sha256": "" },
        "forge-apply: plan-sha256: required for mode apply (the plan Sentinel passed, as the App dispatched it)",
      ],
      [
        { "plan-key": "" },
        "forge-apply: plan-key: the plan encryption key is missing (the secret INFRACREW_PLAN_KEY is not set): create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
      ],
      [
        { "plan-key": "c2hvcnQ=" },
        "forge-apply: plan-key: the plan encryption key INFRACREW_PLAN_KEY decodes to 5 bytes, not 32: create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
      ],
      [
        { "plan-key": "not base64 at all!" },
        "forge-apply: plan-key: the plan encryption key INFRACREW_PLAN_KEY is not base64: create it with `openssl rand -base64 32` and store it as the repository secret INFRACREW_PLAN_KEY",
      ],
      [
        { mode: "rollback", "known-good-sha": GOOD },
        "forge-apply: plan-run-id, plan-artifact-id, plan-sha256: are for mode apply only",
      ],
    ] as const) {
      const fake = setup({ inputs });
      await run(fake);
      expect(fake.failed).toBe(message);
      expect(fake.calls).toEqual([]);
      expect(fake.uploads).toEqual([]);
    }
  });
});

describe("forge-apply never prints a secret before it is masked", () => {
  it("masks the saved plan's and the outputs' secrets first, then prints what the apply said", async () => {
    const fake = setup({
      handlers: [
        head(SHA),
        ...terraform([
          answer(`${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`, {
            stdout:
              'module.jobs.aws_sqs_queue.this: Creating... [token=tok-variable-8f3a2c]\nApply complete!\nOutputs:\nsigning_key = "sk-output-51d0e9"',
          }),
        ]),
      ],
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.calls.filter((c) => c.command !== "git").every((c) => c.silent === true)).toBe(true);
    expect(fake.logs.some((l) => l.includes("Apply complete!"))).toBe(true);
    expect(fake.unmaskedLeaks()).toEqual([]);
  });

  it("prints a failed apply's output after the plan's secrets are masked", async () => {
    const fake = setup({
      handlers: [
        head(SHA),
        ...terraform([
          answer(`${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`, {
            exitCode: 1,
            stderr: 'Error: creating queue: token "tok-variable-8f3a2c" rejected\n',
          }),
        ]),
      ],
    });
    await run(fake);
    expect(fake.failed).toContain("terraform apply failed (exit 1)");
    expect(fake.unmaskedLeaks()).toEqual([]);
  });
});

describe("forge-apply, mode rollback", () => {
  it("plans and applies the last known-good SHA", async () => {
    const fake = setup({
      inputs: { ...ROLLBACK, "known-good-sha": GOOD },
      handlers: [head(GOOD), ...terraform()],
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.commandLines()).toEqual([
      "git rev-parse HEAD",
      `${TIMEOUT} init -input=false -no-color`,
      `${TIMEOUT} plan -input=false -out=tfplan -lock-timeout=5m -detailed-exitcode -no-color`,
      "terraform show -json tfplan",
      `${TIMEOUT} apply -input=false -lock-timeout=5m -no-color tfplan`,
      "terraform output -json",
    ]);
    expect(fake.lookups).toEqual([]);
    expect(result(fake)).toMatchObject({ mode: "rollback", status: "success", sha: GOOD });
  });

  it("refuses to roll back from a checkout other than the known-good SHA", async () => {
    const fake = setup({
      inputs: { ...ROLLBACK, "known-good-sha": GOOD },
      handlers: [head(SHA), ...terraform()],
    });
    await run(fake);
    expect(result(fake)).toMatchObject({ status: "failure", sha: GOOD, error: { phase: "refused" } });
    expect(fake.commandLines()).toEqual(["git rev-parse HEAD"]);
  });

  it("on a first apply, destroys what was created but the data stores, and names them", async () => {
    const spec = JSON.parse(readRepoFile("test/fixtures/forge/plan-spec-checkout-api.json")) as Record<
      string,
      unknown
    >;
    const before = [
      "data.aws_availability_zones.network",
      "data.aws_caller_identity.current",
      "module.app.aws_ecs_service.this[0]",
      "module.cache.aws_elasticache_replication_group.this[0]",
      "module.cluster.aws_ecs_cluster.this[0]",
      "module.db.module.db_instance.aws_db_instance.this[0]",
      "module.db_security_group.aws_security_group.this_name_prefix[0]",
      "module.encryption.aws_kms_key.this[0]",
      "module.lb.aws_lb.this[0]",
      "module.network.aws_vpc.this[0]",
      "module.uploads.aws_s3_bucket.this[0]",
    ];
    const after = [
      "data.aws_availability_zones.network",
      "data.aws_caller_identity.current",
      "module.db.module.db_instance.aws_db_instance.this[0]",
      "module.db_security_group.aws_security_group.this_name_prefix[0]",
      "module.encryption.aws_kms_key.this[0]",
      "module.network.aws_vpc.this[0]",
      "module.uploads.aws_s3_bucket.this[0]",
    ];
    let lists = 0;
    const destroy = `${TIMEOUT} destroy -input=false -auto-approve -lock-timeout=5m -no-color -target=module.app -target=module.cache -target=module.cluster -target=module.lb`;
    const fake = fakeToolkit({
      inputs: {
        ...INPUTS,
        ...ROLLBACK,
        stack: "checkout-api",
        "working-directory": "infra/checkout-api",
      },
      handlers: [
        head(SHA),
        answer(`${TIMEOUT} init -input=false -no-color`, {}),
        answer("terraform state list", () => ({
          stdout: `${(lists++ === 0 ? before : after).join("\n")}\n`,
        })),
        answer(destroy, { stdout: "Destroy complete! Resources: 4 destroyed." }),
      ],
      files: { "infra/checkout-api/planspec.json": JSON.stringify(spec) },
      env: ENV,
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.commandLines()).toEqual([
      "git rev-parse HEAD",
      `${TIMEOUT} init -input=false -no-color`,
      "terraform state list",
      destroy,
      "terraform state list",
    ]);
    const upload = fake.uploads[0]!;
    const value = JSON.parse(upload.files["infra/checkout-api/apply-result.json"] as string) as Record<
      string,
      unknown
    >;
    expect(value).toMatchObject({
      mode: "rollback",
      status: "success",
      sha: SHA,
      outputs: {},
      destroyed: [
        "module.app.aws_ecs_service.this[0]",
        "module.cache.aws_elasticache_replication_group.this[0]",
        "module.cluster.aws_ecs_cluster.this[0]",
        "module.lb.aws_lb.this[0]",
      ],
      retained: [
        "module.db.module.db_instance.aws_db_instance.this[0]",
        "module.uploads.aws_s3_bucket.this[0]",
      ],
    });
    expect(fake.logs).toContain(
      "warning: Kept the data stores of the first apply, for a person to decide: module.db.module.db_instance.aws_db_instance.this[0], module.uploads.aws_s3_bucket.this[0]",
    );
  });

  it("on a first apply that created nothing, destroys nothing", async () => {
    const fake = setup({
      inputs: { ...ROLLBACK },
      handlers: [
        head(SHA),
        answer(`${TIMEOUT} init -input=false -no-color`, {}),
        answer("terraform state list", { stdout: "" }),
      ],
    });
    await run(fake);
    expect(fake.commandLines()).toEqual([
      "git rev-parse HEAD",
      `${TIMEOUT} init -input=false -no-color`,
      "terraform state list",
      "terraform state list",
    ]);
    expect(result(fake)).toMatchObject({ status: "success", destroyed: [], retained: [] });
  });

  it("reports a destroy that fails", async () => {
    const fake = setup({
      inputs: { ...ROLLBACK },
      handlers: [
        head(SHA),
        answer(`${TIMEOUT} init -input=false -no-color`, {}),
        answer("terraform state list", {
          stdout: "module.worker.aws_ecs_service.this[0]\nmodule.jobs.aws_sqs_queue.this[0]\n",
        }),
        (call) =>
          call.args.includes("destroy")
            ? { exitCode: 1, stderr: "Error: deleting ECS Service: ServiceNotActiveException\n" }
            : undefined,
      ],
    });
    await run(fake);
    expect(result(fake)).toMatchObject({
      status: "failure",
      error: {
        phase: "destroy",
        message: "terraform destroy failed (exit 1): Error: deleting ECS Service: ServiceNotActiveException",
      },
    });
    expect(fake.commandLines()[3]).toBe(
      `${TIMEOUT} destroy -input=false -auto-approve -lock-timeout=5m -no-color -target=module.jobs -target=module.worker`,
    );
  });
});
