import { describe, expect, it } from "vitest";
import { planArtifactName } from "../support/artifacts.js";
import * as M from "../support/journey-mocks.js";
import { planDispatchRunPayload, prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import { planArtifactId, sentinelResult, waitingForApproval } from "../support/journey-steps.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;

describe("journey: /plan re-plans the PR head through a dispatched plan run", () => {
  it("/plan dispatches infracrew-plan.yml with the PR, its head, the stack and a nonce; that run's result reaches the PR", async () => {
    const j = await waitingForApproval();

    // 1. /plan by bob: back to VALIDATING, 👀, the plan workflow dispatched on the default branch, recorded first.
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    M.mockReaction(j.gh, 8301);
    const dispatch = j.gh.post("actions/workflows/infracrew-plan.yml/dispatches").reply(200, {
      workflow_run_id: 302,
      run_url: `https://api.github.com/repos/${J.owner}/${J.repo}/actions/runs/302`,
      html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/302`,
    });
    j.expectLabel("VALIDATING");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    j.expectSticky();
    const planned = await j.deliver("issue_comment", prCommentPayload("bob", "/plan", 8301));

    expect(planned).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/comments/8301/reactions`,
      `POST ${REPO}/actions/workflows/infracrew-plan.yml/dispatches`,
      `PUT ${REPO}/issues/12/labels`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    const inputs = sent<Record<string, string>>(dispatch, "inputs");
    expect(dispatch.body).toMatchObject({ ref: "main", return_run_details: true });
    expect(inputs).toEqual({
      pr: "12",
      sha: SHAS.head,
      stack: J.stack,
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await j.app.store.read.getDispatch(inputs.nonce!)).toMatchObject({
      workflow: "infracrew-plan.yml",
      mode: "plan",
      sha: SHAS.head,
      runId: 302,
    });
    expect(j.state()).toMatchObject({ state: "VALIDATING", approvals: [] });

    // 2. The dispatched run lists no PR and ran on main: the App finds its record (by the run id GitHub answered).
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockArtifact(
      j.gh,
      302,
      "infracrew-validation-result",
      "validation-result.json",
      sentinelResult(j, "PASS"),
      [{ id: planArtifactId(302), name: planArtifactName(J.stack, SHAS.head) }],
    );
    M.mockPrFiles(j.gh);
    const sentinel = M.mockCheckRun(j.gh, "Infracrew / Sentinel", SHAS.head, { existing: true });
    j.expectLabel("WAIT_FOR_APPROVE");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    j.expectSticky();
    const validated = await j.deliver("workflow_run", planDispatchRunPayload(inputs, { id: 302 }));

    expect(validated).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/302/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/3020/zip`,
      `GET ${REPO}/pulls/12/files?per_page=100&page=1`,
      `GET ${REPO}/commits/${SHAS.head}/check-runs?check_name=Infracrew / Sentinel&filter=latest&app_id=${M.APP_ID}`,
      `PATCH ${REPO}/check-runs/501`,
      `PUT ${REPO}/issues/12/labels`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(sent(sentinel, "conclusion")).toBe("success");
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      validation: { sha: SHAS.head, verdict: "PASS", plan: { runId: 302, artifactId: planArtifactId(302) } },
    });
    expect(j.state().handled).toContain("run:302");
  });
});
