import { checkCommentBody, checkMarkedBody } from "../input-rules.js";
import type { Comment } from "../platform.js";
import { callGitHub } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const LIST_COMMENTS = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const UPDATE_COMMENT = "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}";
const CREATE_REACTION = "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions";
const PAGE_SIZE = 100;

/** The first comment containing `marker`. 1 call per 100 comments read; it stops at the page that has it. */
export async function findComment(
  scope: GitHubScope,
  issue: number,
  marker: string,
): Promise<Comment | undefined> {
  const { owner, repo } = scope;
  for (let page = 1; ; page++) {
    const response = await callGitHub(
      LIST_COMMENTS,
      scope.octokit.request(LIST_COMMENTS, { owner, repo, issue_number: issue, per_page: PAGE_SIZE, page }),
    );
    const found = response.data.find((comment) => comment.body?.includes(marker));
    if (found) return { id: Number(found.id), body: found.body ?? "" };
    if (!/rel="next"/.test(response.headers.link ?? "")) return undefined;
  }
}

/**
 * The comment carrying `marker`, updated in place, or created once. Calls: the look-up (skipped with `known`),
 * then nothing when the body is already the same, else one update or one create.
 */
export async function ensureComment(
  scope: GitHubScope,
  issue: number,
  marker: string,
  body: string,
  known?: Comment,
): Promise<Comment> {
  checkMarkedBody(body, marker);
  const existing = known ?? (await findComment(scope, issue, marker));
  if (existing === undefined) return { id: await postComment(scope, issue, body), body };
  if (existing.body === body) return existing;
  const { owner, repo } = scope;
  await callGitHub(
    UPDATE_COMMENT,
    scope.octokit.request(UPDATE_COMMENT, { owner, repo, comment_id: existing.id, body }),
  );
  return { id: existing.id, body };
}

/** 1 call. */
export async function createComment(scope: GitHubScope, issue: number, body: string): Promise<number> {
  checkCommentBody("createComment", body);
  return postComment(scope, issue, body);
}

async function postComment(scope: GitHubScope, issue: number, body: string): Promise<number> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    CREATE_COMMENT,
    scope.octokit.request(CREATE_COMMENT, { owner, repo, issue_number: issue, body }),
  );
  return Number(response.data.id);
}

/** Reacts to an issue or pull request comment; reacting twice is harmless (GitHub answers 200). 1 call. */
export async function addReaction(
  scope: GitHubScope,
  commentId: number,
  content: "eyes" | "+1" | "-1" | "rocket" | "confused",
): Promise<void> {
  const { owner, repo } = scope;
  await callGitHub(
    CREATE_REACTION,
    scope.octokit.request(CREATE_REACTION, { owner, repo, comment_id: commentId, content }),
  );
}
