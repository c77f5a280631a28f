import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../platform.js";

/**
 * What the adapter needs of an Octokit: `request` with its typed routes. Probot's `context.octokit` and a plain
 * `@octokit/core` instance both fit. Rate limits and retries are the client's plugins' job (ProbotOctokit has them).
 */
export type GitHubClient = Pick<ProbotOctokit, "request">;

export interface GitHubPlatformOptions {
  /** The app's id: check runs are then looked up among this app's only. */
  readonly appId?: number;
  /** Downloads an artifact from the address GitHub redirects to (default: the global fetch). */
  readonly fetch?: typeof fetch;
  /** The largest artifact accepted, in bytes (default: LIMITS.artifactArchiveBytes). */
  readonly artifactLimit?: number;
}

/** What every GitHub call site shares: the client, the repository and the options. */
export interface GitHubScope extends RepoRef {
  readonly octokit: GitHubClient;
  readonly options: GitHubPlatformOptions;
}
