import { describe, expect, it } from "vitest";
import { pullBody } from "../adapter/github-fixtures.js";
import { LABEL_COLORS, STATES, labelFor } from "../../app/conductor/states.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { installationPayload } from "../support/journey-payloads.js";
import { J, SHAS, refBody } from "../support/journey-repo.js";
import { listRepoDir, readRepoFile } from "../support/repo-files.js";

const { REPO } = M;
const BRANCH = "infracrew/configure";
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

describe("journey: onboarding (installation.created)", () => {
  it("opens one 'Configure Infracrew' PR: config, issue form and workflows in one commit from one tree", async () => {
    const app = await journeyApp();
    const { gh } = app;
    M.mockConfig(gh, null);
    gh.get(`pulls?head=${J.owner}:${BRANCH}&state=open`).reply(200, []);
    gh.get("").reply(200, { name: J.repo, full_name: `${J.owner}/${J.repo}`, default_branch: "main" });
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

    const calls = await app.deliver("installation", installationPayload());

    expect(calls).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/pulls?head=acme:infracrew/configure&state=open`,
      `GET ${REPO}`,
      `GET ${REPO}/branches/main`,
      `POST ${REPO}/git/trees`,
      `POST ${REPO}/git/commits`,
      `POST ${REPO}/git/refs`,
      `POST ${REPO}/pulls`,
      ...STATES.map(() => `POST ${REPO}/labels`),
    ]);
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
    expect(labels.every((l) => l.called)).toBe(true);
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
