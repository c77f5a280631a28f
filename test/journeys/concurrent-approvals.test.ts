import { describe, expect, it } from "vitest";
import * as M from "../support/journey-mocks.js";
import { prCommentPayload, synchronizePayload } from "../support/journey-payloads.js";
import { J, SHAS } from "../support/journey-repo.js";
import { mockApplyDispatch, waitingForApproval } from "../support/journey-steps.js";

const REPO = `/repos/${J.owner}/${J.repo}`;

describe("journey: deliveries that race", () => {
  it("two /approve at once give exactly one dispatch: the second finds the state changed and is refused", async () => {
    const j = await waitingForApproval();

    // Both deliveries read the same state and both pass the gate (bob: write, erin: admin); which commits first is
    // the race's to decide. The loser's transaction sees a newer version (compare-and-swap), runs again on it, and
    // is answered that the commit is already being applied.
    for (const login of ["bob", "erin"]) {
      M.mockPrContext(j.gh, j.onGitHub());
      M.mockPermission(j.gh, login);
    }
    const reactions = [8101, 8102].map((id) =>
      j.gh.post(`issues/comments/${id}/reactions`, { content: "eyes" }).replyIfRaceMakesIt(201, {
        id: 1,
        content: "eyes",
        user: { login: "infracrew[bot]" },
      }),
    );
    const dispatch = mockApplyDispatch(j, 401);
    const refusal = M.mockComment(j.gh, J.pr, 9101);
    j.expectLabel("APPLYING");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
    j.expectSticky();

    const from = j.gh.calls.length;
    await Promise.all([
      j.deliver("issue_comment", prCommentPayload("bob", "/approve", 8101)),
      j.deliver("issue_comment", prCommentPayload("erin", "/approve", 8102)),
    ]);
    const calls = j.gh.calls.slice(from);

    expect(calls.filter((c) => c.endsWith("/dispatches"))).toEqual([
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
    ]);
    expect(dispatch.called).toBe(true);
    expect(reactions.filter((r) => r.called)).toHaveLength(1);
    expect(String((refusal.body as { body: string }).body)).toMatch(
      /^Approval refused: ddddddd is already being applied\./,
    );
    const state = j.state();
    expect(state).toMatchObject({ state: "APPLYING", apply: { sha: SHAS.head } });
    expect(state.apply?.approvedBy).toHaveLength(1);
    const audit = await j.app.store.auditFor("acme/infra", 12);
    expect(audit.filter((a) => a.action === "dispatch apply")).toHaveLength(1);
  });

  it("an /approve racing a push: either the apply runs on the approved commit, or the approval is refused", async () => {
    const j = await waitingForApproval();
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    M.mockConfig(j.gh);
    // Whichever wins, these may or may not be made: the outcome is asserted from the store.
    const reaction = j.gh
      .post("issues/comments/8101/reactions", { content: "eyes" })
      .replyIfRaceMakesIt(201, { id: 1, content: "eyes", user: { login: "infracrew[bot]" } });
    const dispatch = j.gh.post("actions/workflows/infracrew-apply.yml/dispatches").replyIfRaceMakesIt(200, {
      workflow_run_id: 401,
      run_url: `https://api.github.com/repos/${J.owner}/${J.repo}/actions/runs/401`,
      html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/401`,
    });
    j.gh.post(`issues/${J.pr}/comments`).replyIfRaceMakesIt(201, { id: 9101, body: "posted" });
    j.gh.post(`issues/${J.pr}/comments`).replyIfRaceMakesIt(201, { id: 9102, body: "posted" });
    j.gh.put(`issues/${J.pr}/labels`).replyIfRaceMakesIt(200, []);
    j.gh.put(`issues/${J.pr}/labels`).replyIfRaceMakesIt(200, []);
    j.gh.patch(`check-runs/${M.CHECK_IDS["Infracrew / Conductor"]}`).replyIfRaceMakesIt(200, { id: 502 });
    j.gh.post("check-runs").replyIfRaceMakesIt(201, { id: 503 });
    j.gh.post("check-runs").replyIfRaceMakesIt(201, { id: 504 });
    j.gh.patch(`issues/comments/${J.stickyId}`).replyIfRaceMakesIt(200, { id: J.stickyId, body: "updated" });
    j.gh.patch(`issues/comments/${J.stickyId}`).replyIfRaceMakesIt(200, { id: J.stickyId, body: "updated" });

    await Promise.all([
      j.deliver("issue_comment", prCommentPayload("bob", "/approve", 8101)),
      j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels)),
    ]);

    const state = j.state();
    if (dispatch.called) {
      // The approval committed first: the apply runs on the approved, validated commit; the push waits for it.
      expect(reaction.called).toBe(true);
      expect(state).toMatchObject({ state: "APPLYING", headSha: SHAS.pushed, apply: { sha: SHAS.head } });
    } else {
      // The push committed first: the approval found VALIDATING and was refused; nothing was dispatched.
      expect(state).toMatchObject({ state: "VALIDATING", headSha: SHAS.pushed, approvals: [] });
      expect(state.apply).toBeUndefined();
    }
    // Never both: a state that says VALIDATING has no apply running.
    const dispatched = (await j.app.store.auditFor("acme/infra", 12)).filter(
      (a) => a.action === "dispatch apply",
    );
    expect(dispatched).toHaveLength(state.state === "APPLYING" ? 1 : 0);
  });
});
