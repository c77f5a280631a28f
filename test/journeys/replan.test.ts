import { describe, expect, it } from "vitest";
import * as M from "../support/journey-mocks.js";
import { planDispatchRunPayload, prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import { sentinelResult, waitingForApproval } from "../support/journey-steps.js";
import { effectRunnerPlanInputs } from "../support/workflow-run-name.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const PLAN_INPUTS = effectRunnerPlanInputs(`${J.owner}/${J.repo}`, {
  pr: J.pr,
  sha: SHAS.head,
  stack: J.stack,
});

describe("journey: /plan re-plans the PR head through a dispatched plan run", () => {
  it("/plan dispatches infracrew-plan.yml with the PR, its head and the stack; the run's result reaches the PR", async () => {
    const j = await waitingForApproval();

    // 1. /plan by bob: back to VALIDATING, 👀, the plan workflow dispatched on the default branch.
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    M.mockReaction(j.gh, 8301);
    j.expectLabel("VALIDATING");
    const dispatch = M.mockDispatch(j.gh, "infracrew-plan.yml", { ref: "main", inputs: PLAN_INPUTS });
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    const planned = await j.deliver("issue_comment", prCommentPayload("bob", "/plan", 8301));

    expect(planned).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      `PUT ${REPO}/issues/12/labels`,
      `POST ${REPO}/issues/comments/8301/reactions`,
      `POST ${REPO}/actions/workflows/infracrew-plan.yml/dispatches`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(dispatch.called).toBe(true);
    expect(j.state()).toMatchObject({ state: "VALIDATING", approvals: [] });

    // 2. The dispatched run lists no PR and ran on main: its title names PR #12 and the commit it planned.
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockArtifact(
      j.gh,
      302,
      "infracrew-validation-result",
      "validation-result.json",
      sentinelResult(j, "PASS"),
    );
    const sentinel = M.mockCheckRun(j.gh, "Infracrew / Sentinel", SHAS.head, { existing: true });
    j.expectLabel("WAIT_FOR_APPROVE");
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const validated = await j.deliver("workflow_run", planDispatchRunPayload(PLAN_INPUTS, { id: 302 }));

    expect(validated).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/302/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/3020/zip`,
      `GET ${REPO}/commits/${SHAS.head}/check-runs?check_name=Infracrew / Sentinel&filter=latest&app_id=${M.APP_ID}`,
      `PATCH ${REPO}/check-runs/501`,
      `PUT ${REPO}/issues/12/labels`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(sent(sentinel, "conclusion")).toBe("success");
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      validation: { sha: SHAS.head, verdict: "PASS" },
    });
    expect(j.state().handled).toContain("run:302");
  });
});
