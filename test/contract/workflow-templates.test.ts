import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { defaultPolicy } from "../../app/contracts/policy-intake.js";
import { readRepoFile, repoPath } from "../support/repo-files.js";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  environment?: string | { name: string };
  "timeout-minutes"?: number;
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const TEMPLATES = ["infracrew-plan.yml", "infracrew-apply.yml", "infracrew-drift.yml"];
const read = (name: string): string => readRepoFile("templates/workflows", name);
const load = (name: string): Workflow => YAML.parse(read(name)) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const uses = (w: Workflow): string[] => steps(w).flatMap((s) => (s.uses ? [s.uses] : []));

describe.each(TEMPLATES)("the workflow template %s", (name) => {
  const workflow = load(name);

  it("is valid GitHub Actions workflow syntax, by GitHub's own parser (@actions/workflow-parser)", async () => {
    const parsed = parseWorkflow({ name, content: read(name) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBe(Object.keys(workflow.jobs).length);
  });

  it("takes AWS credentials from OIDC only, with id-token: write only in the jobs that ask for a token", () => {
    const text = read(name);
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const aws = job.steps.filter((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      const gate = job.steps.some((s) => s.uses?.startsWith("infracrew/infracrew/actions/gate@"));
      expect(job.permissions?.["id-token"], id).toBe(aws.length > 0 || gate ? "write" : undefined);
      for (const step of aws)
        expect(step.with?.["role-to-assume"]).toMatch(/^\$\{\{ vars\.INFRACREW_AWS_(APPLY_)?ROLE_ARN \}\}$/);
    }
    // Nothing by default: every job says what it needs.
    expect(workflow.permissions).toEqual({});
  });

  it("pins every third-party action by a full commit SHA, with the version in a comment", () => {
    expect(unpinnedUses(read(name))).toEqual([]);
    expect(uses(workflow).length).toBeGreaterThan(0);
  });

  it("puts no expression into a script: values reach run: through env, and are checked there", () => {
    for (const [id, job] of Object.entries(workflow.jobs))
      for (const step of job.steps.filter((s) => s.run !== undefined))
        expect(step.run, `${id}: ${step.name ?? step.id}`).not.toContain("${{");
  });

  it("sets a timeout on every job, and one concurrency group per stack on every job that touches one", () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job["timeout-minutes"], id).toBeGreaterThan(0);
      const touchesStack = job.steps.some((s) => s.uses?.includes("/actions/forge-"));
      if (touchesStack) {
        expect(job.concurrency?.group, id).toMatch(
          /^infracrew-\$\{\{ (needs\.stack\.outputs\.name|inputs\.stack|matrix\.stack\.name) \}\}$/,
        );
        expect(job.concurrency?.["cancel-in-progress"], id).toBe(false);
      }
    }
  });

  it("calls the Infracrew actions only with the inputs they declare, and with every one they require", () => {
    for (const step of steps(workflow).filter((s) => s.uses?.startsWith("infracrew/infracrew/actions/"))) {
      const action = step.uses!.replace(/^infracrew\/infracrew\//, "").replace(/@v0$/, "");
      const declared = (
        YAML.parse(readRepoFile(action, "action.yml")) as { inputs: Record<string, { required?: boolean }> }
      ).inputs;
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(declared), `${action} ${input}`).toContain(input);
      for (const [input, spec] of Object.entries(declared))
        if (spec.required) expect(Object.keys(step.with ?? {}), `${action} ${input}`).toContain(input);
    }
  });
});

/** The `uses:` lines of a workflow that are not pinned as this project requires, with why. */
function unpinnedUses(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split("\n")) {
    const found = /^\s*(?:-\s+)?uses:\s*(\S+)(?:\s+#\s*(.*))?$/.exec(line);
    if (!found) continue;
    const [, ref = "", comment = ""] = found;
    if (ref.startsWith("./")) continue;
    if (ref.startsWith("infracrew/infracrew/actions/")) {
      // Ours: no published commit to pin; onboarding pins it to the commit the App runs (INFRACREW_ACTIONS_SHA).
      if (!/@v0$/.test(ref) || !comment.includes("INFRACREW_ACTIONS_SHA"))
        problems.push(`${ref}: an Infracrew action is @v0 with the comment that onboarding pins it`);
      continue;
    }
    if (ref.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) problems.push(`${ref}: a container is pinned by digest`);
      continue;
    }
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._/-]+@[0-9a-f]{40}$/.test(ref))
      problems.push(`${ref}: not pinned by a full commit SHA`);
    else if (!/^v\d+(\.\d+)*$/.test(comment.trim()))
      problems.push(`${ref}: no "# v1.2.3" comment naming the version`);
  }
  return problems;
}

describe("the pinning check", () => {
  it("fails an action pinned by tag, by branch, by a short SHA, or without its version comment", () => {
    const workflow = [
      "steps:",
      "  - uses: actions/checkout@v4",
      "  - uses: actions/checkout@main",
      "  - uses: actions/checkout@11d5960 # v4.4.0",
      "  - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262",
      "  - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # latest",
      "  - uses: docker://alpine:3",
      "  - uses: infracrew/infracrew/actions/gate@main",
      "  - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0",
      "  - uses: infracost/actions/setup@e9d6e6cd65e168e76b0de50ff9957d2fe8bb1832 # v3.0.1",
      "  - uses: ./local-action",
    ].join("\n");
    expect(unpinnedUses(workflow)).toEqual([
      "actions/checkout@v4: not pinned by a full commit SHA",
      "actions/checkout@main: not pinned by a full commit SHA",
      "actions/checkout@11d5960: not pinned by a full commit SHA",
      'actions/checkout@11d5960a326750d5838078e36cf38b85af677262: no "# v1.2.3" comment naming the version',
      'actions/checkout@11d5960a326750d5838078e36cf38b85af677262: no "# v1.2.3" comment naming the version',
      "docker://alpine:3: a container is pinned by digest",
      "infracrew/infracrew/actions/gate@main: an Infracrew action is @v0 with the comment that onboarding pins it",
    ]);
  });
});

describe("the workflow parser", () => {
  it("rejects what GitHub would reject: a misspelt key, an unknown trigger, a broken expression", () => {
    const broken = read("infracrew-apply.yml")
      .replace("timeout-minutes: 15", "timout-minutes: 15")
      .replace("workflow_dispatch:", "workflow_dispatched:")
      .replace("${{ inputs.stack }}", "${{ inputs.stack }");
    const parsed = parseWorkflow({ name: "broken.yml", content: broken }, new NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((e) => e.message);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Unexpected value 'workflow_dispatched'"),
        expect.stringContaining("Unexpected value 'timout-minutes'"),
        expect.stringContaining("Unexpected symbol: '}'"),
      ]),
    );
  });
});

const PINNED = {
  checkout: "actions/checkout@11d5960a326750d5838078e36cf38b85af677262",
  aws: "aws-actions/configure-aws-credentials@7474bc4690e29a8392af63c5b98e7449536d5c3a",
  terraform: "hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd",
  trivy: "aquasecurity/setup-trivy@81e514348e19b6112ce2a7e3ecbafe19c1e1f567",
  infracost: "infracost/actions/setup@e9d6e6cd65e168e76b0de50ff9957d2fe8bb1832",
};

/** Every expression in a step's inputs and environment. */
const expressions = (step: Step): string[] =>
  [...Object.values(step.with ?? {}), ...Object.values(step.env ?? {})]
    .map(String)
    .flatMap((v) => v.match(/\$\{\{[^}]*\}\}/g) ?? []);

describe("what each template does", () => {
  it("plans pull requests with the official setup actions for Terraform, Trivy and Infracost, and Conftest's release binary", () => {
    const plan = load("infracrew-plan.yml");
    expect(Object.keys(plan.on)).toEqual(["pull_request", "workflow_dispatch"]);
    expect(uses(plan)).toEqual(
      expect.arrayContaining([
        PINNED.terraform,
        PINNED.trivy,
        PINNED.infracost,
        "infracrew/infracrew/actions/forge-plan@v0",
        "infracrew/infracrew/actions/sentinel@v0",
      ]),
    );
    expect(read("infracrew-plan.yml")).toContain(
      "https://github.com/open-policy-agent/conftest/releases/download/",
    );
    expect(read("infracrew-plan.yml")).toContain('pipx install "checkov==${CHECKOV_VERSION}"');
    const forge = steps(plan).find((s) => s.id === "plan")!;
    // A push plans the pull request's head; `/plan` dispatches the head SHA it saw, and the run checks that out.
    expect(forge.with?.sha).toBe("${{ env.INFRACREW_SHA }}");
    expect(forge.with?.["plan-key"]).toBe("${{ secrets.INFRACREW_PLAN_KEY }}");
    expect(plan.env?.INFRACREW_SHA).toBe("${{ inputs.sha || github.event.pull_request.head.sha }}");
    for (const job of Object.values(plan.jobs))
      expect(job.steps.find((s) => s.uses === PINNED.checkout)?.with?.ref).toBe("${{ env.INFRACREW_SHA }}");
  });

  it("judges the plan in a job of its own, with the default branch's policy, never the pull request's", () => {
    const plan = load("infracrew-plan.yml");
    const { plan: planJob, validate } = plan.jobs;
    // The plan job runs the PR's Terraform: no scanner and no verdict there.
    expect(planJob!.steps.some((s) => s.uses?.includes("/actions/sentinel") || s.uses === PINNED.trivy)).toBe(
      false,
    );
    // The validate job runs no code of the PR: no Terraform, no cloud credentials, no OIDC token.
    expect(
      validate!.steps.some(
        (s) => s.uses?.includes("forge-") || s.uses === PINNED.terraform || s.uses === PINNED.aws,
      ),
    ).toBe(false);
    expect(validate!.permissions).toEqual({ contents: "read" });
    const checkouts = validate!.steps.filter((s) => s.uses === PINNED.checkout);
    expect(checkouts.map((s) => s.with)).toEqual([
      { ref: "${{ env.INFRACREW_SHA }}", "persist-credentials": false },
      {
        ref: "${{ github.event.repository.default_branch }}",
        path: ".infracrew-default",
        "sparse-checkout": ".github/infracrew.yml\npolicy/\n",
        "sparse-checkout-cone-mode": false,
        "persist-credentials": false,
      },
    ]);
    const sentinel = validate!.steps.find((s) => s.id === "sentinel")!;
    expect(sentinel.with).toEqual({
      dir: "${{ needs.stack.outputs.dir }}",
      "plan-artifact": "${{ needs.plan.outputs.artifact }}",
      "plan-key": "${{ secrets.INFRACREW_PLAN_KEY }}",
      scanners: "trivy,checkov,conftest,infracost",
      policy: ".infracrew-default/.github/infracrew.yml",
      "conftest-policy": ".infracrew-default/policy",
    });
    const order = validate!.steps.map((s) => s.id ?? s.uses ?? s.name);
    expect(order.indexOf(PINNED.trivy)).toBeLessThan(order.indexOf("sentinel"));
    expect((plan.jobs.validate as unknown as { needs: string[] }).needs).toEqual(["stack", "plan"]);
  });

  it("applies on dispatch with the contract's inputs, inside the rollback SLA", () => {
    const apply = load("infracrew-apply.yml");
    const inputs = (
      apply.on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[] }> }
    ).inputs;
    expect(Object.keys(inputs).sort()).toEqual(
      [
        "pr",
        "stack",
        "mode",
        "sha",
        "target_sha",
        "nonce",
        "plan_run_id",
        "plan_artifact_id",
        "plan_sha256",
      ].sort(),
    );
    expect(inputs.mode?.options).toEqual(["apply", "rollback"]);
    const policy = defaultPolicy();
    expect(apply.jobs.rollback!["timeout-minutes"]).toBe(policy.rollback.finishWithinMinutes);
    expect(apply.jobs.apply!["timeout-minutes"]).toBeGreaterThan(policy.apply.timeoutMinutes);
    const applyStep = apply.jobs.apply!.steps.find((s) => s.uses?.includes("forge-apply"))!;
    expect(Number(applyStep.with?.["timeout-minutes"])).toBe(policy.apply.timeoutMinutes);
    const rollbackStep = apply.jobs.rollback!.steps.find((s) => s.uses?.includes("forge-apply"))!;
    expect(Number(rollbackStep.with?.["timeout-minutes"])).toBeLessThan(policy.rollback.finishWithinMinutes);
    for (const job of Object.values(apply.jobs)) expect(job.permissions?.actions).toBe("read");
  });

  it.each(["apply", "rollback"])(
    "runs the %s job in infracrew-apply, gated first, and uses only the gate's outputs after it",
    (id) => {
      const job = load("infracrew-apply.yml").jobs[id]!;
      expect(job.environment).toBe("infracrew-apply");
      const [gate, ...rest] = job.steps;
      // The gate is the first step: before any checkout, before any cloud credentials.
      expect(gate).toMatchObject({ id: "gate", uses: "infracrew/infracrew/actions/gate@v0" });
      expect(gate!.with).toMatchObject({
        mode: id,
        nonce: "${{ inputs.nonce }}",
        "app-url": "${{ vars.INFRACREW_APP_URL }}",
        protection: "${{ vars.INFRACREW_PROTECTION || 'auto' }}",
        "app-slug": "${{ vars.INFRACREW_APP_SLUG || 'infracrew' }}",
        "default-branch": "${{ github.event.repository.default_branch }}",
      });
      for (const step of rest) {
        for (const expression of expressions(step))
          expect(expression, `${id}: ${step.name ?? step.uses}`).not.toMatch(/inputs\./);
      }
      const checkout = rest.find((s) => s.uses === PINNED.checkout)!;
      expect(checkout.with).toEqual({
        ref: "${{ steps.gate.outputs.checkout-ref }}",
        "persist-credentials": false,
      });
      const forge = rest.find((s) => s.uses?.includes("forge-apply"))!;
      expect(forge.with?.["working-directory"]).toBe("${{ steps.gate.outputs.dir }}");
      expect(forge.with?.stack).toBe("${{ steps.gate.outputs.stack }}");
      if (id === "apply") {
        expect(forge.with).toMatchObject({
          "plan-run-id": "${{ steps.gate.outputs.plan-run-id }}",
          "plan-artifact-id": "${{ steps.gate.outputs.plan-artifact-id }}",
          "plan-sha256": "${{ steps.gate.outputs.plan-sha256 }}",
          "plan-key": "${{ secrets.INFRACREW_PLAN_KEY }}",
        });
      } else {
        expect(forge.with?.["known-good-sha"]).toBe("${{ steps.gate.outputs.target-sha }}");
      }
    },
  );

  it("checks drift nightly with a detailed-exitcode plan and a re-scan, and opens or updates an issue", () => {
    const drift = load("infracrew-drift.yml");
    expect(drift.on.schedule).toEqual([{ cron: "17 3 * * *" }]);
    expect(uses(drift)).toEqual(
      expect.arrayContaining(["infracrew/infracrew/actions/forge-plan@v0", PINNED.trivy]),
    );
    const scan = drift.jobs.drift!.steps.find((s) => s.id === "scan")!;
    expect(scan.run).toContain('trivy config --severity HIGH,CRITICAL --exit-code 1 "$STACK_DIR"');
    expect(scan.env).toEqual({ STACK_DIR: "${{ matrix.stack.dir }}" });
    const issue = drift.jobs.drift!.steps.at(-1)!;
    expect(issue.if).toContain("steps.plan.outputs.has-changes == 'true'");
    expect(issue.if).toContain("steps.scan.outcome == 'failure'");
    expect(issue.run).toContain("gh issue comment");
    expect(issue.run).toContain("gh issue create");
    expect(drift.jobs.drift!.permissions?.issues).toBe("write");
  });

  it("references Infracrew actions that exist in this repository", () => {
    for (const name of TEMPLATES) {
      for (const ref of uses(load(name)).filter((u) => u.startsWith("infracrew/infracrew/actions/"))) {
        expect(
          existsSync(repoPath(ref.replace(/^infracrew\/infracrew\//, "").replace(/@v0$/, ""), "action.yml")),
          ref,
        ).toBe(true);
      }
    }
  });
});
