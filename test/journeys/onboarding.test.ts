import { describe, expect, it } from "vitest";
import { pullBody } from "../adapter/github-fixtures.js";
import { LABEL_COLORS, STATES, labelFor } from "../../app/conductor/states.js";
import { pinInfracrewActions } from "../../app/handlers/onboarding-files.js";
import type { GitHubMock, MockedCall } from "../support/github-mock.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { installationPayload } from "../support/journey-payloads.js";
import { J, SHAS, refBody } from "../support/journey-repo.js";
import { listRepoDir, readRepoFile } from "../support/repo-files.js";

const { REPO } = M;
const BRANCH = "infracrew/configure";
const ENV = "infracrew-apply";
const FILES: Record<string, string> = {
  ".github/infracrew.yml": readRepoFile("templates/config/infracrew.yml"),
  ".github/ISSUE_TEMPLATE/goal-statement.yml": readRepoFile(".github/ISSUE_TEMPLATE/goal-statement.yml"),
  ...Object.fromEntries(
    listRepoDir("templates/workflows").map((f) => [
      `.github/workflows/${f}`,
      readRepoFile("templates/workflows", f),
    ]),
  ),
};
const onboardingPr = () => pullBody(3, { headSha: SHAS.head, branch: BRANCH, title: "Configure Infracrew" });

const environmentBody = {
  id: 161088068,
  node_id: "MDExOkVudmlyb25tZW50MTYxMDg4MDY4",
  name: ENV,
  url: `https://api.github.com/repos/${J.owner}/${J.repo}/environments/${ENV}`,
  html_url: `https://github.com/${J.owner}/${J.repo}/deployments/activity_log?environments_filter=${ENV}`,
  created_at: "2026-11-27T12:00:00Z",
  updated_at: "2026-11-27T12:00:00Z",
  protection_rules: [],
  deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
};
const appIntegration = (id: number, slug: string) => ({
  id,
  slug,
  integration_url: `https://api.github.com/apps/${slug}`,
  node_id: `MDM6QXBw${id}`,
});

/** Before the environment: the config, the open PR and the default branch are read. */
function mockStart(gh: GitHubMock): void {
  M.mockConfig(gh, null);
  gh.get(`pulls?head=${J.owner}:${BRANCH}&state=open`).reply(200, []);
  gh.get("").reply(200, { name: J.repo, full_name: `${J.owner}/${J.repo}`, default_branch: "main" });
}

/** The environment created with custom branch policies, then the policy naming the default branch. */
function mockEnvironment(gh: GitHubMock): { created: MockedCall; policy: MockedCall } {
  const created = gh
    .put(`environments/${ENV}`, {
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    })
    .reply(200, environmentBody);
  const policy = gh
    .post(`environments/${ENV}/deployment-branch-policies`, { name: "main", type: "branch" })
    .reply(200, {
      id: 361471,
      node_id: "MDE2OkdhdGVCcmFuY2hQb2xpY3kzNjE0NzE=",
      name: "main",
      type: "branch",
    });
  return { created, policy };
}

/** The rules enabled (none yet) and the rules GitHub offers on the environment. */
function mockRules(gh: GitHubMock, available: ReturnType<typeof appIntegration>[]): void {
  gh.get(`environments/${ENV}/deployment_protection_rules`).reply(200, {
    total_count: 0,
    custom_deployment_protection_rules: [],
  });
  gh.get(`environments/${ENV}/deployment_protection_rules/apps?per_page=100`).reply(200, {
    total_count: available.length,
    available_custom_deployment_protection_rule_integrations: available,
  });
}

/** The onboarding commit, the PR (its body returned for the test to read) and the state labels. */
function mockPrAndLabels(gh: GitHubMock) {
  gh.get("branches/main").reply(200, {
    name: "main",
    commit: { sha: SHAS.main, commit: { tree: { sha: SHAS.mainTree } } },
  });
  const tree = gh.post("git/trees").reply(201, { sha: SHAS.tree, tree: [] });
  const commit = gh.post("git/commits").reply(201, { sha: SHAS.head });
  gh.post("git/refs", { ref: `refs/heads/${BRANCH}`, sha: SHAS.head }).reply(
    201,
    refBody(`refs/heads/${BRANCH}`, SHAS.head),
  );
  const pull = gh.post("pulls").reply(201, onboardingPr());
  const labels = STATES.map((state) =>
    gh
      .post("labels", {
        name: labelFor(state),
        color: LABEL_COLORS[state],
        description: `Infracrew state: ${state}`,
      })
      .reply(201, { name: labelFor(state) }),
  );
  return { tree, commit, pull, labels };
}

const START_CALLS = [
  `GET ${REPO}/contents/.github/infracrew.yml`,
  `GET ${REPO}/pulls?head=acme:infracrew/configure&state=open`,
  `GET ${REPO}`,
];
const ENVIRONMENT_CALLS = [
  `PUT ${REPO}/environments/${ENV}`,
  `POST ${REPO}/environments/${ENV}/deployment-branch-policies`,
];
const RULE_LOOKUP_CALLS = [
  `GET ${REPO}/environments/${ENV}/deployment_protection_rules`,
  `GET ${REPO}/environments/${ENV}/deployment_protection_rules/apps?per_page=100`,
];
const PR_CALLS = [
  `GET ${REPO}/branches/main`,
  `POST ${REPO}/git/trees`,
  `POST ${REPO}/git/commits`,
  `POST ${REPO}/git/refs`,
  `POST ${REPO}/pulls`,
  ...STATES.map(() => `POST ${REPO}/labels`),
];

const prBody = (pull: MockedCall) => (pull.body as { body: string }).body;

describe("journey: onboarding (installation.created)", () => {
  it("creates infracrew-apply for the default branch, enables the App's rule, and opens one PR from one tree", async () => {
    const app = await journeyApp();
    const { gh } = app;
    mockStart(gh);
    const environment = mockEnvironment(gh);
    mockRules(gh, [appIntegration(M.APP_ID, "infracrew")]);
    const rule = gh
      .post(`environments/${ENV}/deployment_protection_rules`, { integration_id: M.APP_ID })
      .reply(201, { id: 3, node_id: "x", enabled: true, app: appIntegration(M.APP_ID, "infracrew") });
    const { tree, commit, pull, labels } = mockPrAndLabels(gh);

    const calls = await app.deliver("installation", installationPayload());

    expect(calls).toEqual([
      ...START_CALLS,
      ...ENVIRONMENT_CALLS,
      ...RULE_LOOKUP_CALLS,
      `POST ${REPO}/environments/${ENV}/deployment_protection_rules`,
      ...PR_CALLS,
    ]);
    expect(environment.created.called && environment.policy.called && rule.called).toBe(true);
    const sentTree = tree.body as { base_tree: string; tree: { path: string; content: string }[] };
    expect(sentTree.base_tree).toBe(SHAS.mainTree);
    expect(Object.fromEntries(sentTree.tree.map((f) => [f.path, f.content]))).toEqual(FILES);
    expect(Object.keys(FILES)).toEqual(
      expect.arrayContaining([
        ".github/workflows/infracrew-plan.yml",
        ".github/workflows/infracrew-apply.yml",
      ]),
    );
    expect(commit.body).toMatchObject({
      message: "Configure Infracrew",
      tree: SHAS.tree,
      parents: [SHAS.main],
    });
    expect(pull.body).toMatchObject({ head: BRANCH, base: "main", title: "Configure Infracrew" });
    expect(prBody(pull)).toContain(
      "The apply and rollback jobs run in the environment `infracrew-apply`, which only `main` may deploy to, guarded by the\nApp's deployment protection rule",
    );
    expect(prBody(pull)).toContain("`INFRACREW_PLAN_KEY`");
    expect(labels.every((l) => l.called)).toBe(true);
  });

  it("on a private repository without Enterprise, goes on without the rule and says to set INFRACREW_APP_URL", async () => {
    const app = await journeyApp();
    const { gh } = app;
    mockStart(gh);
    mockEnvironment(gh);
    // GitHub lists only other Apps' rules here: custom rules are not offered to this App on this plan.
    mockRules(gh, [appIntegration(999, "someone-else")]);
    const { pull } = mockPrAndLabels(gh);

    const calls = await app.deliver("installation", installationPayload());

    expect(calls).toEqual([...START_CALLS, ...ENVIRONMENT_CALLS, ...RULE_LOOKUP_CALLS, ...PR_CALLS]);
    const body = prBody(pull);
    expect(body).toContain(
      "The App's\ndeployment protection rule is not enabled on it: GitHub does not offer the App's custom deployment protection rule on this repository (it needs a public repository or GitHub Enterprise).",
    );
    expect(body).toContain(
      "The apply job's first step is then the App's OIDC gate: set the repository variable `INFRACREW_APP_URL` to the\nApp's address",
    );
    expect(app.logs.some((l) => l.msg === "onboarding: the apply environment")).toBe(true);
  });

  it("when GitHub refuses the environment itself, still opens the PR and says what to create by hand", async () => {
    const app = await journeyApp();
    const { gh } = app;
    mockStart(gh);
    gh.put(`environments/${ENV}`).reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Environment", code: "custom", message: "Environments are not available" }],
    });
    const { pull } = mockPrAndLabels(gh);

    const calls = await app.deliver("installation", installationPayload());

    expect(calls).toEqual([...START_CALLS, `PUT ${REPO}/environments/${ENV}`, ...PR_CALLS]);
    const body = prBody(pull);
    expect(body).toContain(
      "**The environment `infracrew-apply` could not be created:** GitHub refused to create the environment infracrew-apply (422: Validation Failed).",
    );
    expect(body).toContain("set the repository variable `INFRACREW_APP_URL`");
  });

  it("a redelivery, or a re-install before it is merged, finds the open PR and opens no second one", async () => {
    const app = await journeyApp();
    M.mockConfig(app.gh, null);
    app.gh.get(`pulls?head=${J.owner}:${BRANCH}&state=open`).reply(200, [onboardingPr()]);
    expect(await app.deliver("installation", installationPayload(), "d-install")).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/pulls?head=acme:infracrew/configure&state=open`,
    ]);
  });

  it("a re-install once it is merged finds .github/infracrew.yml and does nothing", async () => {
    const app = await journeyApp();
    M.mockConfig(app.gh);
    expect(await app.deliver("installation", installationPayload())).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
    ]);
  });
});

describe("the onboarded workflows' Infracrew actions", () => {
  const apply = readRepoFile("templates/workflows/infracrew-apply.yml");

  it("are pinned to the commit the App runs when INFRACREW_ACTIONS_SHA names one", () => {
    const sha = "a".repeat(40);
    const pinned = pinInfracrewActions(apply, sha);
    expect(pinned).not.toContain("infracrew/infracrew/actions/gate@v0");
    expect(pinned).toContain(
      `uses: infracrew/infracrew/actions/gate@${sha} # the Infracrew commit this repository was onboarded from`,
    );
    expect(pinned.match(/infracrew\/infracrew\/actions\/[a-z-]+@/g)).toHaveLength(4);
    expect(pinned.match(new RegExp(`@${sha} `, "g"))).toHaveLength(4);
  });

  it.each([undefined, "", "v1.2.3", "main", "a".repeat(39)])("stay at @v0 for %j", (sha) => {
    expect(pinInfracrewActions(apply, sha)).toBe(apply);
  });
});
