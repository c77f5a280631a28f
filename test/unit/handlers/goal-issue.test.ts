import { describe, expect, it } from "vitest";
import { handleGoalIssue, type GoalIssue } from "../../../app/handlers/goal-issue.js";
import { GitHubApiError } from "../../../app/platform/github/github-api-error.js";
import { MARKERS } from "../../../app/render/markers.js";
import { fakeDeps, stubCrew } from "../../support/conductor-deps.js";
import { readRepoFile } from "../../support/repo-files.js";
import { useTestStore } from "../../support/test-stores.js";

const formBody = readRepoFile("schemas/examples/goal-issue-form-body.md");

function issue(over: Partial<GoalIssue> = {}): GoalIssue {
  return {
    number: 1,
    title: "Goal: checkout",
    body: formBody,
    labels: [],
    author: "carol",
    authorIsBot: false,
    isNew: true,
    ...over,
  };
}

const storeOf = useTestStore("pglite");
const deps0 = (over: Omit<Parameters<typeof fakeDeps>[0], "store"> = {}) =>
  fakeDeps({ store: storeOf(), ...over });

describe("handleGoalIssue", () => {
  it("plans a new goal: one commit, one PR in VALIDATING, its state and goal in the store, an answer on the issue", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    expect(await handleGoalIssue(deps, issue())).toBe("planned");
    const pr = await deps.platform.findOpenPullRequest("infracrew/checkout-api");
    expect(pr).toMatchObject({
      title: "infra(checkout-api): worker in eu-central-1",
      baseRef: "main",
      labels: ["infracrew:validating"],
    });
    expect((await storeOf().read.loadPr({ repo: "acme/infra", pr: pr!.number }))?.state).toMatchObject({
      state: "VALIDATING",
      stack: "checkout-api",
      headSha: pr!.headSha,
      goal: { issue: 1, author: "carol", editors: [] },
    });
    expect(await storeOf().read.getGoal("acme/infra", 1)).toMatchObject({
      name: "checkout-api",
      pr: pr!.number,
    });
    expect(await deps.platform.findComment(pr!.number, MARKERS.sticky)).toBeDefined();
    expect((await deps.platform.findComment(1, MARKERS.goal))?.body).toContain(
      `### ✅ Planned: #${pr!.number}`,
    );
    expect(await deps.platform.readFile("infra/checkout-api/main.tf", "infracrew/checkout-api")).toBe(
      "# checkout-api\n",
    );
  });

  it("changes nothing when the same goal is delivered again", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    await handleGoalIssue(deps, issue());
    const writes = deps.platform.writes.length;
    expect(await handleGoalIssue(deps, issue())).toBe("unchanged");
    expect(deps.platform.writes.length).toBe(writes);
  });

  it("re-plans an edited goal onto the same branch and PR, resetting it to VALIDATING", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    await handleGoalIssue(deps, issue());
    const first = await deps.platform.findOpenPullRequest("infracrew/checkout-api");
    expect(
      await handleGoalIssue(deps, issue({ body: formBody.replace("\n400\n", "\n500\n"), isNew: false })),
    ).toBe("planned");
    const second = await deps.platform.findOpenPullRequest("infracrew/checkout-api");
    expect(second!.number).toBe(first!.number);
    expect(second!.headSha).not.toBe(first!.headSha);
    expect((await storeOf().read.loadPr({ repo: "acme/infra", pr: first!.number }))?.state).toMatchObject({
      state: "VALIDATING",
      headSha: second!.headSha,
    });
    expect(deps.platform.pulls.all().filter((p) => p.state === "open")).toHaveLength(1);
    expect(deps.platform.issues.commentsOn(1).filter((c) => c.body.includes(MARKERS.goal))).toHaveLength(1);
  });

  it("answers an invalid goal with every message, then accepts the edit that fixes it, in the same comment", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    const bad = formBody.replace("\n400\n", "\n-5\n").replace("eu-west-1", "mars-1");
    expect(await handleGoalIssue(deps, issue({ body: bad }))).toBe("invalid");
    const comment = await deps.platform.findComment(1, MARKERS.goal);
    expect(comment!.body).toContain("(2 problems)");
    expect(comment!.body).toContain(
      '`region ("Region"): must be an AWS region code such as eu-west-1 (got "mars-1")`',
    );
    expect(comment!.body).toContain('`traffic.peakRps ("Peak requests per second"): must be ≥ 1 (got -5)`');
    expect(await deps.platform.findOpenPullRequest("infracrew/checkout-api")).toBeUndefined();
    expect(await handleGoalIssue(deps, issue({ isNew: false }))).toBe("planned");
    const comments = deps.platform.issues.commentsOn(1).filter((c) => c.body.includes(MARKERS.goal));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("### ✅ Planned");
  });

  it("stops on an invalid config and says what to fix", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    deps.platform.seedFiles("main", { ".github/infracrew.yml": "policy:\n  budgetBrakeRatio: 2\n" });
    expect(await handleGoalIssue(deps, issue())).toBe("config-invalid");
    expect((await deps.platform.findComment(1, MARKERS.goal))!.body).toContain(
      "`policy.budgetBrakeRatio: must be ≤ 1 (got 2)`",
    );
    expect(deps.platform.pulls.all()).toHaveLength(0);
  });

  it("labels a DesignBlocked goal and explains how to unblock it", async () => {
    const deps = deps0({ crew: stubCrew("blocked") });
    deps.platform.seedIssue(["goal"]);
    expect(await handleGoalIssue(deps, issue({ labels: ["goal"] }))).toBe("blocked");
    expect(deps.platform.issues.labelsOf(1)).toEqual(["goal", "infracrew:blocked"]);
    expect((await deps.platform.findComment(1, MARKERS.goal))!.body).toContain(
      "Raise the budget to at least $1,265/month",
    );
  });

  it("refuses a goal name another issue's PR already uses", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    deps.platform.seedIssue();
    await handleGoalIssue(deps, issue());
    expect(
      await handleGoalIssue(deps, issue({ number: 2, body: formBody.replace("\n400\n", "\n401\n") })),
    ).toBe("name-taken");
  });

  it("records who edited the goal: an editor counts as an author of its change", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    await handleGoalIssue(deps, issue());
    const edited = formBody.replace("\n400\n", "\n500\n");
    await handleGoalIssue(deps, issue({ body: edited, isNew: false, sender: "erin" }));
    const pr = (await deps.platform.findOpenPullRequest("infracrew/checkout-api"))!;
    expect((await storeOf().read.loadPr({ repo: "acme/infra", pr: pr.number }))?.state.goal).toMatchObject({
      author: "carol",
      editors: ["erin"],
    });
    // The author editing, or a bot, adds no one.
    await handleGoalIssue(deps, issue({ body: formBody, isNew: false, sender: "carol" }));
    await handleGoalIssue(
      deps,
      issue({ body: edited, isNew: false, sender: "renovate[bot]", senderIsBot: true }),
    );
    expect((await storeOf().read.getGoal("acme/infra", 1))?.editors).toEqual(["erin"]);
  });

  it("opens exactly one PR when GitHub fails after creating it: the retry finds the PR the first try opened", async () => {
    const deps = deps0();
    deps.platform.seedIssue();
    const create = deps.platform.createPullRequest.bind(deps.platform);
    let failed = false;
    deps.platform.createPullRequest = async (input) => {
      const pr = await create(input);
      if (failed) return pr;
      failed = true;
      throw new GitHubApiError("POST", "/repos/{owner}/{repo}/pulls", 502, "Bad Gateway", undefined);
    };
    await expect(handleGoalIssue(deps, issue())).rejects.toThrow(/502/);
    // GitHub refuses a second PR from the branch (422): the handler takes the one that is open.
    deps.platform.createPullRequest = create;
    expect(await handleGoalIssue(deps, issue())).toBe("planned");
    expect(deps.platform.pulls.all()).toHaveLength(1);
    const pr = deps.platform.pulls.all()[0]!;
    expect(await storeOf().read.loadPr({ repo: "acme/infra", pr: pr.number })).toBeDefined();
  });

  it.each([
    ["a bot's issue", issue({ authorIsBot: true })],
    ["an ordinary issue", issue({ body: "The login page is slow." })],
  ])("ignores %s", async (_name, input) => {
    const deps = deps0();
    deps.platform.seedIssue();
    expect(await handleGoalIssue(deps, input)).toBe("not-a-goal");
    expect(deps.platform.writes).toEqual([]);
  });
});
