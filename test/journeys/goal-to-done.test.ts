import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import {
  GoalPrJourney,
  LOCK_AND_DISPATCH_CALLS,
  applyInputs,
  approveAndApply,
  completePlan,
  deliverApplyRun,
  mockApplyDone,
  planGoal,
} from "../support/journey-steps.js";
import { REST_CALLS } from "../support/rest-calls.js";

const REPO = `/repos/${J.owner}/${J.repo}`;

describe("journey: goal → PR → Sentinel PASS → /approve → apply → DONE, merged and closed", () => {
  it("plans the goal issue into one commit and one PR, validates, applies on approval, merges and closes", async () => {
    const j = new GoalPrJourney(await journeyApp());

    // 1. The goal issue, from the issue form: Atlas designs, Forge renders, one commit from one tree, the PR.
    const planned = await planGoal(j);
    expect(planned.calls).toEqual([...M.GOAL_TO_PR_CALLS, `POST ${REPO}/issues/7/comments`]);
    expect(planned.calls).toHaveLength(REST_CALLS.goalToPr);
    const tree = planned.tree.body as {
      base_tree: string;
      tree: { path: string; mode: string; type: string }[];
    };
    expect(tree.base_tree).toBe(SHAS.mainTree);
    expect(tree.tree.length).toBeGreaterThan(3);
    expect(tree.tree.every((f) => f.path.startsWith("infra/checkout-api/") && f.mode === "100644")).toBe(
      true,
    );
    expect(tree.tree.map((f) => f.path)).toContain("infra/checkout-api/planspec.json");
    expect(planned.commit.body).toMatchObject({ tree: SHAS.tree, parents: [SHAS.main] });
    const pull = planned.pull.body as { head: string; base: string; title: string; body: string };
    expect(pull).toMatchObject({
      head: J.branch,
      base: "main",
      title: "infra(checkout-api): web-api in eu-west-1",
    });
    expect(pull.body).toContain("```mermaid");
    expect(pull.body).toContain("Goal: #7.");
    expect(pull.body).toMatch(/<!-- infracrew:goal-hash sha256:[0-9a-f]{64} -->/);
    expect(j.state()).toMatchObject({
      state: "VALIDATING",
      headSha: SHAS.head,
      goal: { issue: 7, author: "carol" },
    });
    expectGolden("journeys/goal-planned-issue-comment.md", sent(planned.reply));
    expectGolden("journeys/sticky-validating.md", j.sticky);

    // 2. Ten minutes later, the plan workflow's run: Sentinel's ValidationResult PASS → both check runs, WAIT_FOR_APPROVE.
    j.app.advance(10);
    const validated = await completePlan(j, 301, "PASS");
    expect(validated.calls).toEqual([
      `GET ${REPO}/pulls/12`,
      `GET ${REPO}/issues/12/comments?per_page=100&page=1`,
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/actions/runs/301/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/3010/zip`,
      `GET ${REPO}/commits/${SHAS.head}/check-runs?check_name=Infracrew / Sentinel&filter=latest&app_id=123`,
      `POST ${REPO}/check-runs`,
      `PUT ${REPO}/issues/12/labels`,
      `GET ${REPO}/commits/${SHAS.head}/check-runs?check_name=Infracrew / Conductor&filter=latest&app_id=123`,
      `POST ${REPO}/check-runs`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(validated.calls).toHaveLength(REST_CALLS.sentinel);
    expect(validated.sentinel.body).toMatchObject({
      name: "Infracrew / Sentinel",
      head_sha: SHAS.head,
      status: "completed",
      conclusion: "success",
    });
    expect(validated.conductor.body).toMatchObject({
      name: "Infracrew / Conductor",
      conclusion: "neutral",
      actions: [{ identifier: "approve" }, { identifier: "plan" }],
    });
    expect(j.state().state).toBe("WAIT_FOR_APPROVE");
    expectGolden("journeys/sticky-wait-for-approve.md", j.sticky);

    // 3. Five minutes later, `/approve` by bob (write): the lock, the dispatch of the apply with exactly these inputs, APPLYING.
    j.app.advance(5);
    const approved = await approveAndApply(j, "bob", 8001);
    expect(approved.calls).toEqual([
      ...M.PR_CONTEXT_CALLS,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/comments/8001/reactions`,
      ...LOCK_AND_DISPATCH_CALLS,
    ]);
    expect(approved.calls).toHaveLength(REST_CALLS.approve);
    expect(approved.dispatch.body).toEqual({
      ref: "main",
      inputs: applyInputs("apply"),
    });
    expect(j.state()).toMatchObject({
      state: "APPLYING",
      approvals: [{ login: "bob", sha: SHAS.head, via: "comment" }],
      apply: { sha: SHAS.head, approvedBy: ["bob"], knownGood: null },
    });

    // 4. Ten minutes later, the apply run's ApplyResult success → DONE: applied ref, lock released, merged at the SHA, issue closed.
    const inputs = applyInputs("apply");
    j.app.advance(10);
    const { applied, unlocked, merge, summary, closed, check } = mockApplyDone(j, sent(planned.reply));
    const done = await deliverApplyRun(j, 401, inputs);
    expect(done).toEqual([
      `GET ${REPO}/pulls/12`,
      `GET ${REPO}/issues/12/comments?per_page=100&page=1`,
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/actions/runs/401/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/4010/zip`,
      `PUT ${REPO}/issues/12/labels`,
      `PATCH ${REPO}/git/refs/infracrew/applied/checkout-api`,
      `POST ${REPO}/git/refs`,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
      `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`,
      `PUT ${REPO}/pulls/12/merge`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `PATCH ${REPO}/issues/comments/9007`,
      `PATCH ${REPO}/issues/7`,
      `PATCH ${REPO}/check-runs/502`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(done).toHaveLength(REST_CALLS.applyDone);
    expect(applied.body).toEqual({ ref: "refs/infracrew/applied/checkout-api", sha: SHAS.head });
    expect(unlocked.called).toBe(true);
    expect(merge.called && closed.called).toBe(true);
    expect(check.body).toMatchObject({ status: "completed", conclusion: "success" });
    expect(j.state()).toMatchObject({ state: "DONE", apply: { status: "success" } });
    expectGolden("journeys/goal-done-issue-comment.md", sent(summary));
    expectGolden("journeys/sticky-done.md", j.sticky);
  });
});
