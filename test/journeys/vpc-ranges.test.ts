import { describe, expect, it } from "vitest";
import { chooseCidr } from "../../app/agents/atlas/cidr.js";
import { designContext } from "../../app/agents/atlas/context.js";
import type { PlanSpec } from "../../app/contracts/generated/index.js";
import { readGoal } from "../../app/contracts/goal-intake.js";
import { defaultPolicy } from "../../app/contracts/policy-intake.js";
import type { MockedCall } from "../support/github-mock.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { goalIssuePayload } from "../support/journey-payloads.js";
import { GOAL_FORM_BODY, J, sent } from "../support/journey-repo.js";

const REPO = `${J.owner}/${J.repo}`;
const NOW = new Date("2026-11-27T12:00:00Z");

/** The range the goal's name picks from the pool when no other goal holds one. */
function pickedAlone(): string {
  const read = readGoal(GOAL_FORM_BODY);
  if (!read.ok) throw new Error("the journey's goal");
  const choice = chooseCidr(designContext(read.value.goal, defaultPolicy(), NOW));
  if (!choice.ok) throw new Error(choice.problem);
  return choice.cidr;
}

function committedSpec(tree: MockedCall): PlanSpec {
  const files = sent<{ path: string; content: string }[]>(tree, "tree");
  const spec = files.find((f) => f.path.endsWith("/planspec.json"));
  if (!spec) throw new Error("no planspec.json in the commit");
  return JSON.parse(spec.content) as PlanSpec;
}

describe("journey: two goals of one repository never share a VPC range", () => {
  it("plans the goal clear of the range another goal holds, and records the range it takes", async () => {
    const app = await journeyApp();
    const alone = pickedAlone();
    await app.store.read.saveGoal(
      {
        repo: REPO,
        issue: 3,
        name: "orders-api",
        hash: "sha256:orders",
        author: "dana",
        editors: [],
        budgetUsd: 900,
        pr: 5,
        cidrs: [alone],
      },
      NOW,
    );
    const planned = M.mockGoalToPr(app.gh);
    M.mockComment(app.gh, J.issue, J.goalCommentId);

    await app.deliver("issues", goalIssuePayload("opened", GOAL_FORM_BODY));

    const network = committedSpec(planned.tree).components.find((c) => c.kind === "network");
    expect(network?.kind === "network" && network.params.cidr).not.toBe(alone);
    const taken = network?.kind === "network" ? network.params.cidr : "";
    expect(taken).toMatch(/^10\.\d{1,3}\.0\.0\/16$/);
    expect(network?.rationale).toContain("clear of the 1 VPC range the repository's other goals hold");
    expect((await app.store.read.getGoal(REPO, J.issue))?.cidrs).toEqual([taken]);
    expect(await app.store.read.takenCidrs(REPO, 3)).toEqual([
      { cidr: taken, goal: J.stack, issue: J.issue },
    ]);
  });
});
