import { GitHubApiError } from "../platform/github/github-api-error.js";

/** How often a failed delivery or effect is tried in all before it is given up (dead, logged, kept for a person). */
export const MAX_ATTEMPTS = 8;

/**
 * Whether a failure may pass by itself: GitHub's 5xx, rate limits (429, and 403 with a rate-limit message), a
 * network error or a timeout. A 4xx answer, or a broken contract (PlatformInputError), will fail the same way again.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof GitHubApiError) {
    if (error.status >= 500 || error.status === 429) return true;
    return error.status === 403 && /rate limit/i.test(error.githubMessage);
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") return status >= 500 || status === 429;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(ECONN|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|UND_ERR)/.test(code);
}

/** When to try again after the `attempt`-th failure: 5 s, 10 s, 20 s … at most 10 minutes; null to give up. */
export function retryAt(now: Date, attempt: number, error: unknown): Date | null {
  if (attempt >= MAX_ATTEMPTS || !isTransient(error)) return null;
  const seconds = Math.min(600, 5 * 2 ** (attempt - 1));
  return new Date(now.getTime() + seconds * 1000);
}

/** An error as one line for the store and the log: its name and message, never a stack or a request's headers. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}
