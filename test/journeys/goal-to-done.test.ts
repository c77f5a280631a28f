import { describe, expect, it } from "vitest";
import { PLAN_SHA256 } from "../support/artifacts.js";
import { expectGolden } from "../support/golden.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import {
  GoalPrJourney,
  LOCK_AND_DISPATCH_CALLS,
  approveAndApply,
  completePlan,
  completePlanCalls,
  deliverApplyRun,
  mockApplyDone,
  planArtifactId,
  planGoal,
} from "../support/journey-steps.js";
import { REST_CALLS } from "../support/rest-calls.js";

const REPO = `/repos/${J.owner}/${J.repo}`;

describe("journey: goal → PR → Sentinel PASS → /approve → apply → DONE, merged and closed", () => {
  it("plans the goal issue into one commit and one PR, validates, applies on approval, merges and closes", async () => {
    const j = new GoalPrJourney(await journeyApp());

    // 1. The goal issue, from the issue form: Atlas designs, Forge renders, one commit from one tree, the PR, its
    // state in the store and its views (label, Conductor check, sticky comment).
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
      goal: { issue: 7, author: "carol", editors: [], budgetUsd: 1600 },
    });
    expect(planned.conductor.body).toMatchObject({ name: "Infracrew / Conductor", head_sha: SHAS.head });
    expectGolden("journeys/goal-planned-issue-comment.md", sent(planned.reply));
    expectGolden("journeys/sticky-validating.md", sent(planned.sticky));

    // 2. Ten minutes later, the plan workflow's run: Sentinel's ValidationResult PASS, re-checked by the App (the PR
    // changes its stack only, the budget is the goal's) → the Sentinel check, WAIT_FOR_APPROVE, the saved plan kept.
    j.app.advance(10);
    const validated = await completePlan(j, 301, "PASS");
    expect(validated.calls).toEqual(completePlanCalls(301, SHAS.head, true));
    expect(validated.calls).toHaveLength(REST_CALLS.sentinel);
    expect(validated.sentinel.body).toMatchObject({
      name: "Infracrew / Sentinel",
      head_sha: SHAS.head,
      status: "completed",
      conclusion: "success",
    });
    expect(validated.conductor.body).toMatchObject({
      conclusion: "neutral",
      actions: [{ identifier: "approve" }, { identifier: "plan" }],
    });
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      validation: {
        verdict: "PASS",
        plan: { runId: 301, artifactId: planArtifactId(301), sha256: PLAN_SHA256 },
      },
    });
    expectGolden("journeys/sticky-wait-for-approve.md", sent(validated.sticky));

    // 3. Five minutes later, `/approve` by bob (write): 👀, the lock (a row), the apply dispatched on main with exactly
    // the plan Sentinel passed and a fresh nonce recorded first, APPLYING.
    j.app.advance(5);
    const approved = await approveAndApply(j, "bob", 8001);
    expect(approved.calls).toEqual([
      ...M.PR_CONTEXT_CALLS,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/comments/8001/reactions`,
      ...LOCK_AND_DISPATCH_CALLS,
    ]);
    expect(approved.calls).toHaveLength(REST_CALLS.approve);
    const [record] = await j.dispatches();
    expect(record).toMatchObject({
      pr: 12,
      stack: "checkout-api",
      workflow: "infracrew-apply.yml",
      mode: "apply",
      sha: SHAS.head,
      targetSha: null,
      ref: "main",
      runId: 401,
      plan: { runId: 301, artifactId: planArtifactId(301), sha256: PLAN_SHA256 },
    });
    expect(approved.dispatch.body).toEqual({
      ref: "main",
      return_run_details: true,
      inputs: {
        pr: "12",
        stack: "checkout-api",
        mode: "apply",
        sha: SHAS.head,
        target_sha: "",
        nonce: record!.nonce,
        plan_run_id: "301",
        plan_artifact_id: String(planArtifactId(301)),
        plan_sha256: PLAN_SHA256,
      },
    });
    expect(j.state()).toMatchObject({
      state: "APPLYING",
      approvals: [{ login: "bob", sha: SHAS.head, via: "comment" }],
      apply: { sha: SHAS.head, approvedBy: ["bob"], knownGood: null, nonce: record!.nonce },
    });
    expect(await j.app.store.read.getLock("acme/infra", J.stack)).toMatchObject({ pr: 12, sha: SHAS.head });

    // 4. Ten minutes later, the run the App dispatched reports success → DONE: applied recorded, lock released (rows),
    // merged at the SHA, the issue closed.
    j.app.advance(10);
    const { merge, summary, closed, check } = mockApplyDone(j, sent(planned.reply), approved.inputs);
    const done = await deliverApplyRun(j, 401, approved.inputs);
    expect(done).toEqual([
      `GET ${REPO}/pulls/12`,
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/actions/runs/401/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/4010/zip`,
      `PUT ${REPO}/pulls/12/merge`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `PATCH ${REPO}/issues/comments/9007`,
      `PATCH ${REPO}/issues/7`,
      `PUT ${REPO}/issues/12/labels`,
      `PATCH ${REPO}/check-runs/502`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(done).toHaveLength(REST_CALLS.applyDone);
    expect(merge.called && closed.called).toBe(true);
    expect(check.body).toMatchObject({ status: "completed", conclusion: "success" });
    expect(j.state()).toMatchObject({ state: "DONE", apply: { status: "success" } });
    expect(await j.app.store.read.appliedSha("acme/infra", J.stack)).toBe(SHAS.head);
    expect(await j.app.store.read.getLock("acme/infra", J.stack)).toBeUndefined();
    expectGolden("journeys/goal-done-issue-comment.md", sent(summary));

    // Every decision is in the audit log, in order.
    const audit = await j.app.store.auditFor("acme/infra", 12);
    expect(audit.map((a) => `${a.action}: ${a.decision} by ${a.actor}`)).toEqual([
      "goal: planned by carol",
      "validation: PASS by github",
      "approve (comment): accepted by bob",
      "dispatch apply: dispatched by infracrew[bot]",
      "apply result: success by github",
    ]);
  });
});
