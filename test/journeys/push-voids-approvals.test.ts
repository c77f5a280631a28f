import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import * as M from "../support/journey-mocks.js";
import { synchronizePayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import { approveAlone, completePlan, waitingForApproval } from "../support/journey-steps.js";

const REPO = `/repos/${J.owner}/${J.repo}`;

describe("journey: an approval, then a new push", () => {
  it("voids the approval, goes back to VALIDATING, says so, and the new commit is validated afresh", async () => {
    const j = await waitingForApproval();

    await approveAlone(j, "carol", 8101);
    expect(j.state().approvals).toEqual([
      { login: "carol", sha: SHAS.head, at: "2026-11-27T12:00:00Z", via: "comment" },
    ]);

    // carol pushes a fix: the webhook carries the PR, so only the config is read; the state is the store's.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    j.expectLabel("VALIDATING");
    const note = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed, { lookup: false });
    const calls = await j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels));

    // The new head's Conductor check was never written: it is created without a look-up.
    expect(calls).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `POST ${REPO}/issues/12/comments`,
      `PUT ${REPO}/issues/12/labels`,
      `POST ${REPO}/check-runs`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expectGolden("journeys/push-voids-approvals.md", sent(note));
    expect(check.body).toMatchObject({
      head_sha: SHAS.pushed,
      status: "in_progress",
      output: { title: "Validating" },
    });
    const state = j.state();
    expect(state).toMatchObject({
      state: "VALIDATING",
      headSha: SHAS.pushed,
      approvals: [],
      pushers: ["carol"],
    });
    expect(state.validation).toBeUndefined();

    // The old approval cannot be reused: the new head passes Sentinel first.
    j.head = SHAS.pushed;
    const validated = await completePlan(j, 302, "PASS");
    // The second step on the new head updates the check by the id the store's projection keeps: no look-up.
    expect(validated.calls.filter((c) => c.includes("check_name=Infracrew / Conductor"))).toEqual([]);
    expect(validated.calls).toContain(`PATCH ${REPO}/check-runs/${M.CHECK_IDS["Infracrew / Conductor"]}`);
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      approvals: [],
      validation: { sha: SHAS.pushed },
    });
  });

  it("counts whoever pushed to the PR as an author: a writer who pushed cannot approve alone", async () => {
    const j = await waitingForApproval();
    // bob (write) pushes his own Terraform to the goal's PR.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    j.expectLabel("VALIDATING");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed, { lookup: false });
    j.expectSticky();
    await j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels, SHAS.head, "bob"));
    expect(j.state().pushers).toEqual(["bob"]);
    j.head = SHAS.pushed;
    await completePlan(j, 302, "PASS");

    // bob approves his own push: recorded, and someone else is still needed.
    const alone = await approveAlone(j, "bob", 8201);
    expect(sent(alone.reply)).toContain(
      "the authors of this change (@carol, @bob: the goal's author and editors, and whoever pushed to it) cannot approve alone",
    );
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      approvals: [{ login: "bob", sha: SHAS.pushed }],
    });
  });
});
