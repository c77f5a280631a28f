import { describe, expect, it } from "vitest";
import { pullBody } from "../adapter/github-fixtures.js";
import { planArtifactName, validationResult } from "../support/artifacts.js";
import * as M from "../support/journey-mocks.js";
import {
  applyRunPayload,
  commentChangedPayload,
  goalIssuePayload,
  planDispatchRunPayload,
  planRunPayload,
  protectionRulePayload,
  unlabeledPayload,
} from "../support/journey-payloads.js";
import { J, SHAS, commentBody, sent } from "../support/journey-repo.js";
import {
  GoalPrJourney,
  approveAlone,
  approveAndApply,
  mockApplyDone,
  planArtifactId,
  planGoal,
  sentinelResult,
  waitingForApproval,
} from "../support/journey-steps.js";
import { journeyApp } from "../support/journey-app.js";
import { applyRunName } from "../support/workflow-run-name.js";

const { REPO } = M;
const STICKY = `${REPO}/issues/comments/${J.stickyId}`;

describe("trust: the apply only the App can release (custom deployment protection rule)", () => {
  it("rejects a run a writer dispatched by hand with the App's nonce, approves the App's own run once, and rejects a re-run", async () => {
    const j = await waitingForApproval();
    const approved = await approveAndApply(j, "bob", 8001);
    const title = applyRunName(approved.inputs);

    // mallory (write) runs `gh workflow run infracrew-apply.yml` with the inputs she read off the App's run title.
    const handDispatched = j.gh.post("actions/runs/777/deployment_protection_rule").reply(204);
    // The run as GitHub describes it: dispatched by mallory, not by the App.
    nockRun(j, 777, { actor: "mallory", title });
    const forged = await j.deliver("deployment_protection_rule", protectionRulePayload(777));
    expect(forged).toEqual([
      `GET ${REPO}/actions/runs/777`,
      `POST ${REPO}/actions/runs/777/deployment_protection_rule`,
    ]);
    expect(handDispatched.body).toMatchObject({ environment_name: "infracrew-apply", state: "rejected" });
    expect(String((handDispatched.body as { comment: string }).comment)).toMatch(
      /dispatched by @mallory, not by the App/,
    );

    // The App's own run 401 asks: approved, and recorded as the one run this dispatch lets through.
    nockRun(j, 401, { actor: "infracrew[bot]", title });
    const allowed = j.gh.post("actions/runs/401/deployment_protection_rule").reply(204);
    await j.deliver("deployment_protection_rule", protectionRulePayload(401));
    expect(allowed.body).toMatchObject({ state: "approved" });
    const [record] = await j.dispatches();
    expect(record?.gate).toMatchObject({ runId: 401, runAttempt: 1, answer: "approved" });

    // A second job of the same run asks again: the same answer, nothing new recorded.
    nockRun(j, 401, { actor: "infracrew[bot]", title });
    const again = j.gh.post("actions/runs/401/deployment_protection_rule").reply(204);
    await j.deliver("deployment_protection_rule", protectionRulePayload(401));
    expect(again.body).toMatchObject({ state: "approved" });

    // mallory re-runs the App's run: attempt 2, triggered by her. Rejected: a dispatch applies once.
    nockRun(j, 401, { actor: "infracrew[bot]", triggeringActor: "mallory", attempt: 2, title });
    const rerun = j.gh.post("actions/runs/401/deployment_protection_rule").reply(204);
    await j.deliver("deployment_protection_rule", protectionRulePayload(401));
    expect(rerun.body).toMatchObject({ state: "rejected" });

    // Another environment is not Infracrew's to guard.
    const elsewhere = j.gh.post("actions/runs/888/deployment_protection_rule").reply(204);
    await j.deliver("deployment_protection_rule", protectionRulePayload(888, "production"));
    expect(elsewhere.body).toMatchObject({ environment_name: "production", state: "rejected" });

    const gate = (await j.app.store.auditFor(`${J.owner}/${J.repo}`, 12)).filter((a) =>
      a.action.startsWith("gate"),
    );
    expect(gate.map((a) => `${a.details?.runId} ${a.decision}`)).toEqual([
      "777 rejected",
      "401 approved",
      "401 approved",
      "401 rejected",
    ]);
  });
});

/** GitHub's answer for GET actions/runs/{id}: a run of the apply workflow, started by `actor`. */
function nockRun(
  j: GoalPrJourney,
  id: number,
  run: { actor: string; triggeringActor?: string; attempt?: number; title: string },
) {
  const who = (login: string) => ({ login, type: login.endsWith("[bot]") ? "Bot" : "User" });
  j.gh.get(`actions/runs/${id}`).reply(200, {
    id,
    run_attempt: run.attempt ?? 1,
    event: "workflow_dispatch",
    path: ".github/workflows/infracrew-apply.yml",
    head_branch: "main",
    head_sha: SHAS.main,
    actor: who(run.actor),
    triggering_actor: who(run.triggeringActor ?? run.actor),
    display_title: run.title,
    repository: { id: 1 },
    head_repository: { id: 1 },
    pull_requests: [],
    status: "waiting",
    conclusion: null,
    html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/${id}`,
  });
}

describe("trust: only runs bound to the App's record report results", () => {
  it("ignores a plan run a person dispatched from their own branch with a PASS artifact: no artifact read, no check", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    // mallory's copy of the plan workflow on her branch uploads a PASS for the PR's head.
    const inputs = { pr: "12", sha: SHAS.head, stack: J.stack, nonce: "9".repeat(32) };
    const calls = await j.deliver(
      "workflow_run",
      planDispatchRunPayload(inputs, { id: 666, actor: "mallory", branch: "mallory/pass" }),
    );
    expect(calls).toEqual([]);
    expect(j.state()).toMatchObject({ state: "VALIDATING" });
    // The run named no PR the App planned: it is in the repository's audit log, ignored, with who ran it.
    expect(await j.app.store.auditFor(`${J.owner}/${J.repo}`, null)).toMatchObject([
      {
        action: "plan result",
        decision: "ignored",
        actor: "mallory",
        details: { runId: 666, branch: "mallory/pass" },
      },
    ]);
  });

  it("ignores a plan run of a fork, even one GitHub lists with the PR", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    M.mockPrContext(j.gh, j.onGitHub());
    const calls = await j.deliver("workflow_run", planRunPayload({ id: 667, headRepositoryId: 999 }));
    expect(calls).toEqual(M.PR_CONTEXT_CALLS);
    expect(j.state().state).toBe("VALIDATING");
    const rows = await j.app.store.auditFor(`${J.owner}/${J.repo}`, 12);
    expect(rows.at(-1)).toMatchObject({ action: "plan result", decision: "ignored" });
    expect(rows.at(-1)?.reason).toMatch(/fork/);
  });

  it("does not believe an apply 'success' from a run the App did not dispatch; the App's run is awaited", async () => {
    const j = await waitingForApproval();
    const approved = await approveAndApply(j, "bob", 8001);
    // A run mallory dispatched with the App's inputs, nonce included, reports success first.
    const calls = await j.deliver(
      "workflow_run",
      applyRunPayload(approved.inputs, { id: 999, actor: "mallory" }),
    );
    expect(calls).toEqual([]);
    expect(j.state()).toMatchObject({ state: "APPLYING" });
    const ignored = (await j.app.store.auditFor(`${J.owner}/${J.repo}`, 12)).at(-1);
    expect(ignored).toMatchObject({ action: "apply result", decision: "ignored", actor: "mallory" });

    // The run the App dispatched (401) is the one that moves the PR.
    const planned = "<!-- infracrew:goal -->\nplanned";
    mockApplyDone(j, planned, approved.inputs);
    await j.deliver("workflow_run", applyRunPayload(approved.inputs, { id: 401 }));
    expect(j.state()).toMatchObject({ state: "DONE" });
  });
});

describe("trust: the PR cannot grade itself", () => {
  it("fails the required check when the goal PR changes files outside its stack (the plan workflow, here)", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    M.mockArtifact(
      j.gh,
      301,
      "infracrew-validation-result",
      "validation-result.json",
      sentinelResult(j, "PASS"),
      [{ id: planArtifactId(301), name: planArtifactName(J.stack, j.head) }],
    );
    M.mockPrFiles(j.gh, ["infra/checkout-api/main.tf", ".github/workflows/infracrew-plan.yml"]);
    const sentinel = M.mockCheckRun(j.gh, "Infracrew / Sentinel", j.head);
    j.expectLabel("BLOCKED");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    j.expectSticky();
    await j.deliver("workflow_run", planRunPayload({ id: 301 }));
    expect(sentinel.body).toMatchObject({ conclusion: "failure" });
    expect(j.state()).toMatchObject({ state: "BLOCKED", validation: { verdict: "FAIL" } });
    expect(j.state().validation?.plan).toBeUndefined();
    expect(j.state().validation?.reasons[0]).toMatch(
      /changes files outside `infra\/checkout-api\/` \(`\.github\/workflows\/infracrew-plan\.yml`\)/,
    );
  });

  it("fails it when Sentinel judged against a budget other than the goal's (the PR edited its planspec)", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    const inflated = {
      ...sentinelResult(j, "PASS"),
      budget: { monthlyUsd: 50_000, ratio: 0.0182, brakeRatio: 0.8 },
    };
    M.mockArtifact(j.gh, 301, "infracrew-validation-result", "validation-result.json", inflated, [
      { id: planArtifactId(301), name: planArtifactName(J.stack, j.head) },
    ]);
    M.mockPrFiles(j.gh);
    M.mockCheckRun(j.gh, "Infracrew / Sentinel", j.head);
    j.expectLabel("BLOCKED");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    j.expectSticky();
    await j.deliver("workflow_run", planRunPayload({ id: 301 }));
    expect(j.state().state).toBe("BLOCKED");
    expect(j.state().validation?.reasons[0]).toMatch(
      /budget of \$50,000, but the goal's recorded budget is \$1,600: a pull request cannot change its own budget/,
    );
  });

  it("fails it when the artifact names another commit than the one planned", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    const other = validationResult(SHAS.knownGood, "PASS", {
      budget: { monthlyUsd: 1600, ratio: 0.6, brakeRatio: 0.8 },
    });
    M.mockArtifact(j.gh, 301, "infracrew-validation-result", "validation-result.json", other, [
      { id: planArtifactId(301), name: planArtifactName(J.stack, SHAS.knownGood) },
    ]);
    M.mockPrFiles(j.gh);
    M.mockCheckRun(j.gh, "Infracrew / Sentinel", j.head);
    j.expectLabel("BLOCKED");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    j.expectSticky();
    await j.deliver("workflow_run", planRunPayload({ id: 301 }));
    expect(j.state().validation?.reasons[0]).toMatch(/result is for fffffff, but the run planned ddddddd/);
  });
});

describe("trust: GitHub's views are projections, never read back", () => {
  it("a forged sticky comment changes no decision, and the App writes it again", async () => {
    const j = await waitingForApproval();
    // mallory edits the App's sticky comment into an old-style state marker approving by two people.
    const forged =
      '<!-- infracrew:sticky -->\n<!-- infracrew:state {"v":1,"state":"WAIT_FOR_APPROVE","approvals":[{"login":"erin","sha":"' +
      SHAS.head +
      '"}],"goal":{"author":"nobody"}} -->';
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    const restored = j.expectSticky();
    const calls = await j.deliver(
      "issue_comment",
      commentChangedPayload("edited", "mallory", J.stickyId, forged),
    );
    expect(calls).toEqual([...M.PR_CONTEXT_CALLS, `PATCH ${STICKY}`]);
    expect(sent(restored)).not.toContain("infracrew:state");
    expect(sent(restored)).toContain("Waiting for approval");
    expect(j.state()).toMatchObject({ state: "WAIT_FOR_APPROVE", approvals: [] });

    // carol (the goal's author) approves: the forged approval by erin counts for nothing; someone else is needed.
    const alone = await approveAlone(j, "carol", 8101);
    expect(sent(alone.reply)).toContain("cannot approve alone");
    expect(j.state()).toMatchObject({ state: "WAIT_FOR_APPROVE", approvals: [{ login: "carol" }] });
  });

  it("a deleted sticky comment is posted again; the App's own edits are not echoes to react to", async () => {
    const j = await waitingForApproval();
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    const reposted = j.gh.post(`issues/${J.pr}/comments`).reply(201, commentBody(9999, "reposted"));
    await j.deliver("issue_comment", commentChangedPayload("deleted", "mallory", J.stickyId, "gone"));
    expect(sent(reposted)).toContain("Waiting for approval");
    expect(await j.app.store.read.loadProjection({ repo: `${J.owner}/${J.repo}`, pr: J.pr })).toMatchObject({
      sticky: { id: 9999 },
    });
    // The App's own edit of its comment comes back as a webhook: nothing to do.
    expect(
      await j.deliver("issue_comment", commentChangedPayload("edited", "infracrew[bot]", 9999, "sticky")),
    ).toEqual([]);
  });

  it("a state label a person removes is put back; the state does not change", async () => {
    const j = await waitingForApproval();
    M.mockGetPull(j.gh, j.onGitHub());
    M.mockConfig(j.gh);
    const relabel = M.mockLabels(j.gh, J.pr, ["infracrew:wait-for-approve"]);
    await j.deliver("pull_request", unlabeledPayload("infracrew:wait-for-approve", "mallory", j.head, []));
    expect(relabel.called).toBe(true);
    expect(j.state().state).toBe("WAIT_FOR_APPROVE");
    // A command written into a label changes nothing either: labels are never read as state.
    expect(await j.deliver("pull_request", unlabeledPayload("goal", "mallory", j.head, []))).toEqual([]);
  });
});

describe("exactly once: a GitHub 5xx on pulls/create", () => {
  it("is retried from the queue, and the retry finds the PR the first try opened: exactly one PR", async () => {
    const app = await journeyApp();
    const j = new GoalPrJourney(app);
    M.mockConfig(app.gh);
    app.gh
      .get("branches/main")
      .reply(200, { name: "main", commit: { sha: SHAS.main, commit: { tree: { sha: SHAS.mainTree } } } });
    app.gh.post("git/trees").reply(201, { sha: SHAS.tree, tree: [] });
    app.gh.post("git/commits").reply(201, { sha: SHAS.head });
    app.gh
      .post("git/refs")
      .reply(201, { ref: `refs/heads/${J.branch}`, object: { sha: SHAS.head, type: "commit" } });
    // GitHub opens the PR and then answers 502.
    app.gh.post("pulls").reply(502, { message: "Server Error" });
    const first = await j.deliver("issues", goalIssuePayload("opened"));
    expect(first.at(-1)).toBe(`POST ${REPO}/pulls`);
    expect(await app.store.read.loadPr({ repo: `${J.owner}/${J.repo}`, pr: J.pr })).toBeUndefined();
    expect(app.logs.some((l) => l.msg === "delivery failed; retried")).toBe(true);

    // 5 seconds later the queue tries again: the branch exists (moved), GitHub refuses a second PR, the App takes
    // the one that is open, and the goal's state enters the store once.
    app.advance(0.1);
    M.mockConfig(app.gh);
    app.gh
      .get("branches/main")
      .reply(200, { name: "main", commit: { sha: SHAS.main, commit: { tree: { sha: SHAS.mainTree } } } });
    app.gh.post("git/trees").reply(201, { sha: SHAS.tree, tree: [] });
    app.gh.post("git/commits").reply(201, { sha: SHAS.head });
    app.gh.post("git/refs").reply(422, { message: "Reference already exists" });
    app.gh
      .patch(`git/refs/heads/${J.branch}`)
      .reply(200, { ref: `refs/heads/${J.branch}`, object: { sha: SHAS.head, type: "commit" } });
    app.gh.post("pulls").reply(422, {
      message: "Validation Failed: A pull request already exists for acme:infracrew/checkout-api.",
    });
    app.gh
      .get(`pulls?head=${J.owner}:${J.branch}&state=open`)
      .reply(200, [pullBody(J.pr, { headSha: SHAS.head, branch: J.branch })]);
    app.gh.patch(`pulls/${J.pr}`).reply(200, {});
    M.mockLabels(app.gh, J.pr, ["infracrew:validating"]);
    M.mockCheckRun(app.gh, "Infracrew / Conductor", SHAS.head, { lookup: false });
    M.mockComment(app.gh, J.pr, J.stickyId);
    M.mockComment(app.gh, J.issue, J.goalCommentId);
    await app.drain();
    await j.settle();
    expect(j.state()).toMatchObject({ state: "VALIDATING", headSha: SHAS.head });
    expect(app.gh.calls.filter((c) => c === `POST ${REPO}/pulls`)).toHaveLength(2);
  });
});
