import { expect } from "vitest";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import type { GitHubMock } from "../support/github-mock.js";
import { SHA, refBody } from "./github-fixtures.js";
import { type ContractCase, contractCase } from "./platform-contract.js";

const MAIN_TF = "infra/app/main.tf";
const file = (text: string) => ({
  type: "file",
  encoding: "base64",
  path: MAIN_TF,
  content: Buffer.from(text).toString("base64"),
});
const notFound = { message: "Not Found" };

function mockCommit(gh: GitHubMock, commit: string, ref: "new" | "exists"): void {
  gh.get("branches/main").reply(200, {
    name: "main",
    commit: { sha: SHA.base, commit: { tree: { sha: SHA.baseTree } } },
  });
  gh.post("git/trees").reply(201, { sha: SHA.tree });
  gh.post("git/commits").reply(201, { sha: commit });
  if (ref === "new") gh.post("git/refs").reply(201, refBody("refs/heads/infracrew/app", commit));
  else {
    gh.post("git/refs").reply(422, { message: "Reference already exists" });
    gh.patch("git/refs/heads/infracrew/app").reply(200, refBody("refs/heads/infracrew/app", commit));
  }
}

export const gitCases: ContractCase<unknown>[] = [
  contractCase({
    name: "readFile: the text at a branch; undefined for a missing file or a missing ref",
    fake: (f) => void f.seedFiles("main", { [MAIN_TF]: "main\n" }),
    github: (gh) => {
      gh.get(`contents/${MAIN_TF}?ref=main`).reply(200, file("main\n"));
      gh.get("contents/nope.tf?ref=main").reply(404, notFound);
      gh.get(`contents/${MAIN_TF}?ref=gone`).reply(404, { message: "No commit found for the ref gone" });
    },
    run: async (p) => {
      expect(await p.readFile(MAIN_TF, "main")).toBe("main\n");
      expect(await p.readFile("nope.tf", "main")).toBeUndefined();
      expect(await p.readFile(MAIN_TF, "gone")).toBeUndefined();
    },
  }),
  contractCase({
    name: "commitFiles: a new branch, then the same branch again, each a single commit on the base",
    fake: () => undefined,
    github: (gh) => {
      mockCommit(gh, SHA.commit, "new");
      gh.get(`contents/${MAIN_TF}?ref=infracrew/app`).reply(200, file("v1\n"));
      gh.get("git/ref/heads/infracrew/app").reply(200, refBody("refs/heads/infracrew/app", SHA.commit));
      mockCommit(gh, SHA.other, "exists");
      gh.get(`contents/${MAIN_TF}?ref=infracrew/app`).reply(200, file("v2\n"));
      gh.get("contents/infra/app/old.tf?ref=infracrew/app").reply(404, notFound);
    },
    run: async (p) => {
      const input = { branch: "infracrew/app", base: "main", message: "Infracrew: app" };
      const first = await p.commitFiles({
        ...input,
        files: [
          { path: MAIN_TF, content: "v1\n" },
          { path: "infra/app/old.tf", content: "x" },
        ],
      });
      expect(first.branchCreated).toBe(true);
      expect(await p.readFile(MAIN_TF, "infracrew/app")).toBe("v1\n");
      expect(await p.getBranchSha("infracrew/app")).toBe(first.sha);
      const second = await p.commitFiles({
        ...input,
        files: [
          { path: MAIN_TF, content: "v2\n" },
          { path: "infra/app/old.tf", content: null },
        ],
      });
      expect(second.branchCreated).toBe(false);
      expect(second.sha).not.toBe(first.sha);
      expect(await p.readFile(MAIN_TF, "infracrew/app")).toBe("v2\n");
      expect(await p.readFile("infra/app/old.tf", "infracrew/app")).toBeUndefined();
    },
  }),
  contractCase({
    name: "commitFiles: a missing base branch is GitHub's 404",
    fake: () => undefined,
    github: (gh) => gh.get("branches/trunk").reply(404, { message: "Branch not found" }),
    run: async (p) => {
      const failure = p.commitFiles({ branch: "infracrew/app", base: "trunk", message: "m", files: [] });
      await expect(failure).rejects.toBeInstanceOf(GitHubApiError);
      await expect(failure).rejects.toMatchObject({ status: 404 });
    },
  }),
  contractCase({
    name: "getBranchSha: undefined for a missing branch",
    fake: () => undefined,
    github: (gh) => gh.get("git/ref/heads/gone").reply(404, notFound),
    run: async (p) => expect(await p.getBranchSha("gone")).toBeUndefined(),
  }),
];
