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

  it("takes AWS credentials from OIDC only, with id-token: write where it does", () => {
    const text = read(name);
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    for (const job of Object.values(workflow.jobs)) {
      const aws = job.steps.filter((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      if (aws.length === 0) continue;
      expect(job.permissions?.["id-token"]).toBe("write");
      for (const step of aws)
        expect(step.with?.["role-to-assume"]).toMatch(/^\$\{\{ vars\.INFRACREW_AWS_(APPLY_)?ROLE_ARN \}\}$/);
    }
    expect(Object.values(workflow.permissions ?? {})).not.toContain("write");
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

  it("calls the Forge actions only with the inputs they declare, and with every one they require", () => {
    for (const step of steps(workflow).filter((s) =>
      s.uses?.startsWith("infracrew/infracrew/actions/forge-"),
    )) {
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

describe("what each template does", () => {
  it("plans pull requests with the official setup actions for Terraform, Trivy and Infracost, and Conftest's release binary", () => {
    const plan = load("infracrew-plan.yml");
    expect(Object.keys(plan.on)).toEqual(["pull_request", "workflow_dispatch"]);
    expect(uses(plan)).toEqual(
      expect.arrayContaining([
        "hashicorp/setup-terraform@v3",
        "aquasecurity/setup-trivy@v0.2.6",
        "infracost/actions/setup@v3",
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
    expect(plan.env?.INFRACREW_SHA).toBe("${{ inputs.sha || github.event.pull_request.head.sha }}");
    for (const job of Object.values(plan.jobs))
      expect(job.steps.find((s) => s.uses === "actions/checkout@v4")?.with?.ref).toBe(
        "${{ env.INFRACREW_SHA }}",
      );
    const sentinel = steps(plan).find((s) => s.id === "sentinel")!;
    expect(sentinel.with).toEqual({
      dir: "${{ needs.stack.outputs.dir }}",
      "plan-json": "${{ steps.plan.outputs.plan-json }}",
      "validate-request": "${{ steps.plan.outputs.validate-request }}",
      scanners: "trivy,checkov,conftest,infracost",
      policy: ".github/infracrew.yml",
    });
    const order = steps(plan).map((s) => s.id ?? s.uses ?? s.name);
    expect(order.indexOf("plan")).toBeLessThan(order.indexOf("sentinel"));
  });

  it("applies on dispatch with the inputs the Conductor sends, inside the rollback SLA", () => {
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

  it("checks drift nightly with a detailed-exitcode plan and a re-scan, and opens or updates an issue", () => {
    const drift = load("infracrew-drift.yml");
    expect(drift.on.schedule).toEqual([{ cron: "17 3 * * *" }]);
    expect(uses(drift)).toEqual(
      expect.arrayContaining([
        "infracrew/infracrew/actions/forge-plan@v0",
        "aquasecurity/setup-trivy@v0.2.6",
      ]),
    );
    const scan = drift.jobs.drift!.steps.find((s) => s.id === "scan")!;
    expect(scan.run).toContain("trivy config --severity HIGH,CRITICAL --exit-code 1");
    const issue = drift.jobs.drift!.steps.at(-1)!;
    expect(issue.if).toContain("steps.plan.outputs.has-changes == 'true'");
    expect(issue.if).toContain("steps.scan.outcome == 'failure'");
    expect(issue.run).toContain("gh issue comment");
    expect(issue.run).toContain("gh issue create");
    expect(drift.jobs.drift!.permissions?.issues).toBe("write");
  });

  it("references Forge actions that exist in this repository", () => {
    for (const name of TEMPLATES) {
      for (const ref of uses(load(name)).filter((u) => u.startsWith("infracrew/infracrew/actions/forge-"))) {
        expect(
          existsSync(repoPath(ref.replace(/^infracrew\/infracrew\//, "").replace(/@v0$/, ""), "action.yml")),
          ref,
        ).toBe(true);
      }
    }
  });
});
