import { describe, expect, it } from "vitest";
import { decodeState, type PrState } from "../../../app/conductor/pr-state.js";
import { handleCheckRunAction } from "../../../app/handlers/check-run-action.js";
import { handleGoalIssue } from "../../../app/handlers/goal-issue.js";
import { handlePrComment } from "../../../app/handlers/pr-command.js";
import { handlePullRequest } from "../../../app/handlers/pull-request.js";
import { tickPullRequest } from "../../../app/handlers/sla-sweep.js";
import { handleWorkflowRun, type WorkflowRun } from "../../../app/handlers/workflow-run.js";
import { MARKERS } from "../../../app/render/markers.js";
import { applyResult, validationResult } from "../../support/artifacts.js";
import { fakeDeps } from "../../support/conductor-deps.js";
import { readRepoFile } from "../../support/repo-files.js";
import { applyRunName, effectRunnerApplyInputs } from "../../support/workflow-run-name.js";

const formBody = readRepoFile("schemas/examples/goal-issue-form-body.md");

/** Goal issue #1 planned into a PR on a fake GitHub, with a clock the test moves. */
async function planned(opts: { now?: () => Date } = {}) {
  let now = new Date("2026-11-27T12:00:00Z");
  const deps = fakeDeps({ clock: opts.now ?? (() => now) });
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
  });
  const pr = (await fake.findOpenPullRequest("infracrew/checkout-api"))!;
  let runId = 100;
  const state = async (): Promise<PrState> =>
    decodeState((await fake.findComment(pr.number, MARKERS.sticky))!.body)!;
  const head = async (): Promise<string> => (await fake.getPullRequest(pr.number)).headSha;
  const run = (path: string, over: Partial<WorkflowRun>): WorkflowRun => ({
    id: ++runId,
    path: `.github/workflows/${path}`,
    action: "completed",
    conclusion: "success",
    headSha: pr.headSha,
    displayTitle: "",
    htmlUrl: `https://github.com/acme/infra/actions/runs/${runId}`,
    pullRequests: [],
    ...over,
  });
  const sentinel = async (verdict: "PASS" | "FAIL") => {
    const sha = await head();
    const r = run("infracrew-plan.yml", { headSha: sha, pullRequests: [{ number: pr.number }] });
    fake.seedArtifact(r.id, "infracrew-validation-result", {
      "validation-result.json": JSON.stringify(validationResult(sha, verdict)),
    });
    return handleWorkflowRun(deps, r);
  };
  const applied = async (
    mode: "apply" | "rollback",
    status: "success" | "failure" | "timeout",
    sha?: string,
  ) => {
    const target = sha ?? (await state()).apply!.sha;
    const r = run("infracrew-apply.yml", {
      displayTitle: applyRunName(
        effectRunnerApplyInputs("acme/infra", {
          pr: pr.number,
          sha: target,
          stack: "checkout-api",
          mode,
          targetSha: null,
        }),
      ),
    });
    fake.seedArtifact(r.id, "infracrew-apply-result", {
      "apply-result.json": JSON.stringify(applyResult(target, mode, status, { pr: pr.number })),
    });
    return handleWorkflowRun(deps, r);
  };
  const comment = (login: string, body: string, isBot = false) =>
    handlePrComment(deps, {
      id: fake.seedComment(pr.number, body).id,
      body,
      login,
      isBot,
      prNumber: pr.number,
    });
  const advance = (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000));
  return { deps, fake, pr, state, head, sentinel, applied, comment, advance };
}

describe("the Conductor on a fake GitHub (dry run)", () => {
  it("goal → PR → PASS → /approve → apply → DONE, merged and closed", async () => {
    const t = await planned();
    expect(await t.sentinel("PASS")).toBe("validation PASS");
    expect((await t.state()).state).toBe("WAIT_FOR_APPROVE");
    expect(t.fake.checkRun("Infracrew / Sentinel", await t.head())).toMatchObject({ conclusion: "success" });
    expect(await t.comment("bob", "/approve")).toBe("ran /approve");
    expect((await t.state()).state).toBe("APPLYING");
    expect(t.fake.actions.dispatches).toEqual([
      {
        file: "infracrew-apply.yml",
        ref: "main",
        inputs: effectRunnerApplyInputs("acme/infra", {
          pr: t.pr.number,
          sha: await t.head(),
          stack: "checkout-api",
          mode: "apply",
          targetSha: null,
        }),
      },
    ]);
    expect(await t.fake.getRef("refs/infracrew/locks/checkout-api")).toBe(await t.head());
    expect(await t.applied("apply", "success")).toBe("apply success");
    const done = await t.state();
    expect(done.state).toBe("DONE");
    expect(await t.fake.getRef("refs/infracrew/applied/checkout-api")).toBe(done.apply!.sha);
    expect(await t.fake.getRef("refs/infracrew/locks/checkout-api")).toBeUndefined();
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
    expect(replies).toContain(
      "Approval refused: @dave has read permission; to approve you need write or more.",
    );
    expect(
      replies.some((r) => r.startsWith("Approval by @carol recorded") && r.includes("cannot approve alone")),
    ).toBe(true);
    expect((await t.state()).state).toBe("WAIT_FOR_APPROVE");
    expect(t.fake.actions.dispatches).toEqual([]);
  });

  it("a new push voids the approval and re-validates", async () => {
    const t = await planned({});
    await t.sentinel("PASS");
    await t.comment("carol", "/approve");
    const sha = t.fake.seedFiles("infracrew/checkout-api", { "infra/checkout-api/extra.tf": "# more\n" });
    await handlePullRequest(t.deps, "synchronize", await t.fake.getPullRequest(t.pr.number));
    const state = await t.state();
    expect(state).toMatchObject({ state: "VALIDATING", headSha: sha, approvals: [] });
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
    expect(await t.applied("apply", "failure")).toBe("apply failure");
    const rolling = await t.state();
    expect(rolling).toMatchObject({ state: "ROLLBACK", rollback: { trigger: "apply-failed", toSha: null } });
    expect(t.fake.actions.dispatches[1]).toMatchObject({ inputs: { mode: "rollback", target_sha: "" } });
    expect(await t.applied("rollback", "success", rolling.apply!.sha)).toBe("rollback success");
    expect((await t.state()).state).toBe("DONE");
    expect(await t.fake.getRef("refs/infracrew/locks/checkout-api")).toBeUndefined();
  });

  it("a rollback that has not begun within 5 minutes breaches the SLA, reported once", async () => {
    const t = await planned();
    await t.sentinel("PASS");
    await t.comment("bob", "/approve");
    await t.applied("apply", "failure");
    t.advance(6);
    expect(await tickPullRequest(t.deps, t.pr.number)).toBe("ticked to ROLLBACK");
    expect(await tickPullRequest(t.deps, t.pr.number)).toBe("nothing due");
    const breaches = t.fake.issues
      .commentsOn(t.pr.number)
      .filter((c) => c.body.startsWith("⚠️ Rollback SLA breached"));
    expect(breaches.map((c) => c.body)).toEqual([
      "⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger (6.0 min).",
    ]);
    expect(t.deps.log.lines.some((l) => l.level === "warn" && "opsEvent" in l.details)).toBe(true);
  });

  it("a plan run without its artifact blocks, and never passes", async () => {
    const t = await planned();
    const sha = await t.head();
    await handleWorkflowRun(t.deps, {
      id: 7,
      path: ".github/workflows/infracrew-plan.yml",
      action: "completed",
      conclusion: "failure",
      headSha: sha,
      displayTitle: "",
      htmlUrl: "https://github.com/acme/infra/actions/runs/7",
      pullRequests: [{ number: t.pr.number }],
    });
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
    });
    expect(out).toBe("ran approve");
    expect(t.fake.issues.commentsOn(t.pr.number).at(-1)!.body).toBe(
      "Approval refused: @dave has read permission; to approve you need write or more.",
    );
  });
});
