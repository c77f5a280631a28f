import { createHash } from "node:crypto";
import { refBody } from "../adapter/github-fixtures.js";
import type { MockedCall } from "./github-mock.js";
import { readRepoFile } from "./repo-files.js";

/**
 * The repository every journey runs in: acme/infra, onboarded (its .github/infracrew.yml is the onboarding PR's,
 * every default), with goal issue #7 filed by carol and, once planned, goal PR #12 on infracrew/checkout-api.
 */
export const J = {
  owner: "acme",
  repo: "infra",
  issue: 7,
  pr: 12,
  stack: "checkout-api",
  branch: "infracrew/checkout-api",
  author: "carol",
  stickyId: 9012,
  goalCommentId: 9007,
} as const;

/** Recognisable commit SHAs: the letter says which. */
export const SHAS = {
  main: "a".repeat(40),
  mainTree: "b".repeat(40),
  tree: "c".repeat(40),
  /** The goal's commit: the PR head once planned. */
  head: "d".repeat(40),
  /** A later push to the PR. */
  pushed: "e".repeat(40),
  /** The stack's last applied revision, when a journey has one. */
  knownGood: "f".repeat(40),
} as const;

/** Repository permissions of the people in the journeys (GitHub's permission API). */
export const PEOPLE = {
  carol: "write",
  bob: "write",
  erin: "admin",
  dave: "read",
} as const;

export const ONBOARDED_CONFIG = readRepoFile("templates/config/infracrew.yml");
export const GOAL_FORM_BODY = readRepoFile("schemas/examples/goal-issue-form-body.md");

const NOT_FOUND = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };
export const notFound = (): typeof NOT_FOUND => ({ ...NOT_FOUND });

/** Git's blob SHA of a text, as GitHub names file versions. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** GitHub's answer to GET contents for a file. */
export function fileBody(path: string, text: string) {
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text),
    name: path.split("/").pop(),
    path,
    content: Buffer.from(text).toString("base64"),
    sha: blobSha(text),
  };
}

export function commentBody(id: number, body: string, login = "infracrew[bot]") {
  return {
    id,
    body,
    user: { login, type: login.endsWith("[bot]") ? "Bot" : "User" },
    html_url: `https://github.com/${J.owner}/${J.repo}/issues/${J.pr}#issuecomment-${id}`,
  };
}

export { refBody };

/** The JSON body a mocked request carried, as its field `name` (a comment's `body`, a check run's `output`). */
export function sent<T = string>(call: MockedCall, name = "body"): T {
  if (!call.called) throw new Error("the request was never made");
  return (call.body as Record<string, unknown>)[name] as T;
}
