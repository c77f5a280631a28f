/**
 * A GitHub API failure that the adapter did not expect. It names the call (method and route template, never the
 * concrete URL's query or any header) so that no token can leak into logs or comments through it.
 */
export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";

  constructor(
    readonly method: string,
    readonly route: string,
    readonly status: number,
    readonly githubMessage: string,
    readonly requestId: string | undefined,
  ) {
    super(`GitHub ${method} ${route} failed with ${status}: ${githubMessage}`);
  }
}
