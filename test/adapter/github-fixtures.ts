import {
  type GitHubPlatform,
  createGitHubPlatform,
} from "../../app/platform/github/create-github-platform.js";
import type { GitHubPlatformOptions } from "../../app/platform/github/github-client.js";
import { type GitHubMock, githubMock } from "../support/github-mock.js";
import { testOctokit } from "../support/test-octokit.js";

/** Recognisable commit SHAs: the digit says which. */
export const SHA = {
  base: "1".repeat(40),
  baseTree: "2".repeat(40),
  tree: "3".repeat(40),
  commit: "4".repeat(40),
  head: "5".repeat(40),
  other: "6".repeat(40),
} as const;

export function githubPlatform(options: GitHubPlatformOptions = {}): {
  gh: GitHubMock;
  platform: GitHubPlatform;
} {
  return {
    gh: githubMock("acme", "infra"),
    platform: createGitHubPlatform(testOctokit(), { owner: "acme", repo: "infra" }, options),
  };
}

/** GitHub's git ref object (the fields the adapter reads, and a few around them). */
export function refBody(ref: string, sha: string) {
  return {
    ref,
    node_id: "REF_1",
    url: `https://api.github.com/repos/acme/infra/git/${ref}`,
    object: { sha, type: "commit", url: "u" },
  };
}

/** A pull request as GitHub lists and returns it. */
export function pullBody(
  number: number,
  fields: {
    headSha?: string;
    branch?: string;
    state?: "open" | "closed";
    merged?: boolean;
    body?: string | null;
    labels?: string[];
    title?: string;
  } = {},
) {
  return {
    number,
    html_url: `https://github.com/acme/infra/pull/${number}`,
    state: fields.state ?? "open",
    title: fields.title ?? `Infracrew: app`,
    body: fields.body === undefined ? "the body" : fields.body,
    merged_at: fields.merged ? "2026-11-20T10:00:00Z" : null,
    labels: (fields.labels ?? []).map((name, id) => ({ id, name, color: "ededed" })),
    user: { login: "infracrew[bot]", type: "Bot" },
    head: {
      sha: fields.headSha ?? SHA.head,
      ref: fields.branch ?? "infracrew/app",
      label: `acme:${fields.branch ?? "infracrew/app"}`,
    },
    base: { sha: SHA.base, ref: "main", label: "acme:main" },
  };
}

/** GitHub's 422 "Validation Failed" with one error entry. */
export function validationFailed(resource: string, code: string, field: string) {
  return {
    message: "Validation Failed",
    errors: [{ resource, code, field }],
    documentation_url: "https://docs.github.com",
  };
}
