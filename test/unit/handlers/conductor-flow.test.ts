import { describe, expect, it } from "vitest";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { handleCheckRunAction } from "../../../app/handlers/check-run-action.js";
import { handleGoalIssue } from "../../../app/handlers/goal-issue.js";
import { handlePrComment } from "../../../app/handlers/pr-command.js";
import { handlePullRequest } from "../../../app/handlers/pull-request.js";
import { handleTimer } from "../../../app/handlers/timer.js";
import { handleWorkflowRun } from "../../../app/handlers/workflow-run.js";
import type { WorkflowRunInfo } from "../../../app/platform/platform.js";
import { MARKERS } from "../../../app/render/markers.js";
import { PLAN_SHA256, applyResult, planArtifactName, validationResult } from "../../support/artifacts.js";
import { fakeDeps } from "../../support/conductor-deps.js";
import { readRepoFile } from "../../support/repo-files.js";
import { useTestStore } from "../../support/test-stores.js";

const formBody = readRepoFile("schemas/examples/goal-issue-form-body.md");
const REPO = "acme/infra";
const storeOf = useTestStore("pglite");

/** Goal issue #1 planned into a PR on a fake GitHub and a real store, with a clock the test moves. */
async function planned() {
  let now = new Date("2026-11-27T12:00:00Z");
  const deps = fakeDeps({ store: storeOf(), clock: () => now });
  const fake = deps.platform;
  fake.seedIssue();
  fake.seedPermission("bob", "write");
  fake.seedPermission("dave", "read");
  fake.seedPermission("carol", "write");
  await handleGoalIssue(deps, {
    number: 1,
    title: "Goal",
    body: formBody,
    labels: [],
    author: "carol",
    authorIsBot: false,
    isNew: true,
    defaultBranch: "main",
  });
  const pr = (await fake.findOpenPullRequest("infracrew/checkout-api"))!;
  let runId = 100;
  const state = async (): Promise<PrState> =>
    (await storeOf().read.loadPr({ repo: REPO, pr: pr.number }))!.state;
  const head = async (): Promise<string> => (await fake.getPullRequest(pr.number)).headSha;
  /** The plan workflow's pull_request run on the PR head, with Sentinel's result and the saved plan. */
  const sentinel = async (verdict: "PASS" | "FAIL", over: Partial<WorkflowRunInfo> = {}) => {
    const sha = await head();
    const id = ++runId;
    const run: WorkflowRunInfo = {
      id,
      runAttempt: 1,
      event: "pull_request",
      path: ".github/workflows/infracrew-plan.yml",
      headBranch: "infracrew/checkout-api",
      headSha: sha,
      actor: "carol",
      triggeringActor: "carol",
      displayTitle: `infracrew plan infracrew/checkout-api pr-${pr.number} plan ${sha}`,
      repositoryId: 1,
      headRepositoryId: 1,
      pullRequests: [{ number: pr.number, headSha: sha }],
      status: "completed",
      conclusion: "success",
      htmlUrl: `https://github.com/acme/infra/actions/runs/${id}`,
      ...over,
    };
    fake.seedArtifact(id, "infracrew-validation-result", {
      "validation-result.json": JSON.stringify(validationResult(sha, verdict, { budget: BUDGET })),
    });
    fake.seedArtifact(id, planArtifactName("checkout-api", sha), { "tfplan.sealed": "sealed" });
    return handleWorkflowRun(deps, run, { action: "completed", repositoryId: 1, defaultBranch: "main" });
  };
  /** The run GitHub started for the App's last dispatch finishes with an ApplyResult. */
  const applied = async (status: "success" | "failure" | "timeout") => {
    const run = [...fake.actions.runs.values()].at(-1)!;
    const inputs = fake.actions.dispatches.at(-1)!.inputs;
    const mode = inputs.mode as "apply" | "rollback";
    const sha = mode === "rollback" ? inputs.target_sha || inputs.sha! : inputs.sha!;
    fake.seedArtifact(run.id, "infracrew-apply-result", {
      "apply-result.json": JSON.stringify(applyResult(sha, mode, status, { pr: pr.number })),
    });
    const done = { ...run, status: "completed", conclusion: status === "success" ? "success" : "failure" };
    return handleWorkflowRun(deps, done, { action: "completed", repositoryId: 1, defaultBranch: "main" });
  };
  const comment = (login: string, body: string, isBot = false) =>
    handlePrComment(
      deps,
      { id: fake.seedComment(pr.number, body).id, body, login, isBot, prNumber: pr.number },
      "main",
    );
  const advance = (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000));
  return { deps, fake, pr, state, head, sentinel, applied, comment, advance };
}

/** The goal form's budget, as the App recorded it: Sentinel's result is judged against it. */
const BUDGET = { monthlyUsd: 1600, ratio: 0.5, brakeRatio: 0.8 };

describe("the Conductor on a fake GitHub and a real store (dry run)", () => {
  it("goal → PR → PASS → /approve → apply → DONE, merged and closed", async () => {
    const t = await planned();
    expect(await t.sentinel("PASS")).toBe("validation PASS");
    expect((await t.state()).state).toBe("WAIT_FOR_APPROVE");
    expect(t.fake.checkRun("Infracrew / Sentinel", await t.head())).toMatchObject({ conclusion: "success" });
    expect(await t.comment("bob", "/approve")).toBe("ran /approve");
    const applying = await t.state();
    expect(applying.state).toBe("APPLYING");
    expect(t.fake.actions.dispatches).toEqual([
      {
        file: "infracrew-apply.yml",
        ref: "main",
        inputs: {
          pr: String(t.pr.number),
          stack: "checkout-api",
          mode: "apply",
          sha: await t.head(),
          target_sha: "",
          nonce: applying.apply!.nonce,
          plan_run_id: "101",
          plan_artifact_id: expect.stringMatching(/^\d+$/),
          plan_sha256: PLAN_SHA256,
        },
      },
    ]);
    expect(await storeOf().read.getLock(REPO, "checkout-api")).toMatchObject({ pr: t.pr.number });
    expect(await t.applied("success")).toBe("apply success");
    const done = await t.state();
    expect(done.state).toBe("DONE");
    expect(await storeOf().read.appliedSha(REPO, "checkout-api")).toBe(done.apply!.sha);
    expect(await storeOf().read.getLock(REPO, "checkout-api")).toBeUndefined();
    expect((await t.fake.getPullRequest(t.pr.number)).merged).toBe(true);
    expect(t.fake.issues.state(1)).toEqual({ state: "closed", reason: "completed" });
    expect((await t.fake.findComment(1, MARKERS.goal))!.body).toContain("### 🎉 Applied");
  });

  it("refuses /approve from a reader and from the goal's author alone, and ignores bots", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    await t.comment("dave", "/approve");
    await t.comment("carol", "/approve");
    expect(await t.comment("renovate[bot]", "/approve", true)).toBe("ignored: bot");
    const replies = t.fake.issues.commentsOn(t.pr.number).map((c) => c.body);
    expect(
      replies.some((r) =>
        r.startsWith("Approval refused: @dave has read permission; to approve you need write or more."),
      ),
    ).toBe(true);
    expect(
      replies.some((r) => r.startsWith("Approval by @carol recorded") && r.includes("cannot approve alone")),
    ).toBe(true);
    expect((await t.state()).state).toBe("WAIT_FOR_APPROVE");
    expect(t.fake.actions.dispatches).toEqual([]);
  });

  it("a new push voids the approval and re-validates", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    await t.comment("carol", "/approve");
    const sha = t.fake.seedFiles("infracrew/checkout-api", { "infra/checkout-api/extra.tf": "# more\n" });
    await handlePullRequest(t.deps, "synchronize", await t.fake.getPullRequest(t.pr.number), {
      login: "carol",
    });
    expect(await t.state()).toMatchObject({ state: "VALIDATING", headSha: sha, approvals: [] });
  });

  it("two /approve at once give one dispatch", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    t.fake.seedPermission("erin", "admin");
    await Promise.all([t.comment("bob", "/approve"), t.comment("erin", "/approve")]);
    expect(t.fake.actions.dispatches).toHaveLength(1);
  });

  it("an apply failure rolls back to nothing on a first apply, then DONE", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    await t.comment("bob", "/approve");
    expect(await t.applied("failure")).toBe("apply failure");
    const rolling = await t.state();
    expect(rolling).toMatchObject({ state: "ROLLBACK", rollback: { trigger: "apply-failed", toSha: null } });
    expect(t.fake.actions.dispatches[1]).toMatchObject({ inputs: { mode: "rollback", target_sha: "" } });
    expect(await t.applied("success")).toBe("rollback success");
    expect((await t.state()).state).toBe("DONE");
    expect(await storeOf().read.getLock(REPO, "checkout-api")).toBeUndefined();
  });

  it("a rollback that has not begun within 5 minutes breaches the SLA, reported once", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    await t.comment("bob", "/approve");
    await t.applied("failure");
    t.advance(6);
    expect(await handleTimer(t.deps, t.pr.number, ["rollback-begin"])).toBe(
      "rollback-begin: ticked to ROLLBACK",
    );
    expect(await handleTimer(t.deps, t.pr.number, ["reconcile"])).toBe("reconcile: nothing due");
    const breaches = t.fake.issues
      .commentsOn(t.pr.number)
      .filter((c) => c.body.startsWith("⚠️ Rollback SLA breached"));
    expect(breaches.map((c) => c.body.split("\n")[0])).toEqual([
      "⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger (6.0 min).",
    ]);
    expect(t.deps.log.lines.some((l) => l.level === "warn" && "opsEvent" in l.details)).toBe(true);
  });

  it("a plan run without its artifact blocks, and never passes", async () => {
    const t = await planned();
    const sha = await t.head();
    await handleWorkflowRun(
      t.deps,
      {
        id: 7,
        runAttempt: 1,
        event: "pull_request",
        path: ".github/workflows/infracrew-plan.yml",
        headBranch: "infracrew/checkout-api",
        headSha: sha,
        actor: "carol",
        triggeringActor: "carol",
        displayTitle: "",
        repositoryId: 1,
        headRepositoryId: 1,
        pullRequests: [{ number: t.pr.number, headSha: sha }],
        status: "completed",
        conclusion: "failure",
        htmlUrl: "https://github.com/acme/infra/actions/runs/7",
      },
      { action: "completed", repositoryId: 1, defaultBranch: "main" },
    );
    expect((await t.state()).state).toBe("BLOCKED");
    expect(t.fake.checkRun("Infracrew / Sentinel", sha)).toMatchObject({
      conclusion: "failure",
      title: "Sentinel could not validate",
    });
  });

  it("the Approve button of the Conductor check approves through the same gate", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    const out = await handleCheckRunAction(t.deps, {
      checkName: "Infracrew / Conductor",
      identifier: "approve",
      prNumber: t.pr.number,
      login: "dave",
      isBot: false,
      deliveryId: "d-1",
      headSha: await t.head(),
    });
    expect(out).toBe("ran approve");
    expect(t.fake.issues.commentsOn(t.pr.number).at(-1)!.body).toMatch(
      /^Approval refused: @dave has read permission; to approve you need write or more\./,
    );
  });
});
