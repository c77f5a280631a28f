import { GitHubApiError } from "../github/github-api-error.js";

/** The error GitHub's adapter throws for the same failure, so callers of the fake handle exactly what they would. */
export function githubFailure(route: string, status: number, message: string): GitHubApiError {
  const [method = "", template = ""] = route.split(" ", 2);
  return new GitHubApiError(method, template, status, message, undefined);
}

export function notFound(route: string): GitHubApiError {
  return githubFailure(route, 404, "Not Found");
}
