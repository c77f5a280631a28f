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

    // carol pushes a fix: the webhook carries the PR, so only the sticky comment and the config are read.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    j.expectLabel("VALIDATING");
    const note = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed);
    const calls = await j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels));

    expect(calls).toEqual([
      `GET ${REPO}/issues/12/comments?per_page=100&page=1`,
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `PUT ${REPO}/issues/12/labels`,
      `POST ${REPO}/issues/12/comments`,
      `GET ${REPO}/commits/${SHAS.pushed}/check-runs?check_name=Infracrew / Conductor&filter=latest&app_id=123`,
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
    expect(state).toMatchObject({ state: "VALIDATING", headSha: SHAS.pushed, approvals: [] });
    // The id the state kept was the old head's: the new head's check was looked up, created, and is now the one kept.
    expect(state.conductorCheck).toEqual({ sha: SHAS.pushed, id: M.CHECK_IDS["Infracrew / Conductor"] });
    expect(state.validation).toBeUndefined();

    // The old approval cannot be reused: the new head passes Sentinel first.
    j.head = SHAS.pushed;
    const validated = await completePlan(j, 302, "PASS", { conductorCheckKnown: true });
    // The second step on the new head updates the check by the id the sticky state keeps: no look-up.
    expect(validated.calls.filter((c) => c.includes("check_name=Infracrew / Conductor"))).toEqual([]);
    expect(validated.calls).toContain(`PATCH ${REPO}/check-runs/${M.CHECK_IDS["Infracrew / Conductor"]}`);
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      approvals: [],
      validation: { sha: SHAS.pushed },
    });
  });
});
