import { GitHubApiError } from "./github-api-error.js";

/** What GitHub answered when a request failed. */
export interface GitHubFailure {
  readonly status: number;
  /** GitHub's `message`, e.g. "Reference already exists". */
  readonly message: string;
  /** The `code` of each entry of GitHub's `errors`, e.g. "already_exists". */
  readonly codes: readonly string[];
}

/** Returned by a `recover` function for a failure it does not handle. */
export const UNEXPECTED: unique symbol = Symbol("unexpected GitHub failure");

type Recover<F> = (failure: GitHubFailure) => F | typeof UNEXPECTED;

/**
 * Awaits one GitHub request made on `route` ("METHOD /path/{template}"). A failure goes to `recover`; one it does
 * not handle becomes a GitHubApiError naming the route. Errors that are not HTTP answers pass through unchanged.
 */
export async function callGitHub<T, F = never>(
  route: string,
  pending: Promise<T>,
  recover?: Recover<F>,
): Promise<T | F> {
  try {
    return await pending;
  } catch (error) {
    const failure = readFailure(error);
    if (failure === undefined) throw error;
    const recovered = recover ? recover(failure) : UNEXPECTED;
    if (recovered !== UNEXPECTED) return recovered;
    const [method = "", template = ""] = route.split(" ", 2);
    throw new GitHubApiError(method, template, failure.status, failure.message, requestId(error));
  }
}

/** A recover function: `value` for a failure with this status (and a message matching `message`, when given). */
export function on<F>(status: number | readonly number[], value: F, message?: RegExp): Recover<F> {
  const statuses = typeof status === "number" ? [status] : status;
  return (failure) =>
    statuses.includes(failure.status) && (message === undefined || message.test(failure.message))
      ? value
      : UNEXPECTED;
}

function readFailure(error: unknown): GitHubFailure | undefined {
  if (
    typeof error !== "object" ||
    error === null ||
    !("status" in error) ||
    typeof error.status !== "number"
  ) {
    return undefined;
  }
  const data = responseField(error, "data");
  const message = field(data, "message");
  const errors = field(data, "errors");
  return {
    status: error.status,
    message: typeof message === "string" ? message : error instanceof Error ? error.message : "",
    codes: Array.isArray(errors)
      ? errors.map((e) => field(e, "code")).filter((c) => typeof c === "string")
      : [],
  };
}

function requestId(error: unknown): string | undefined {
  const id = field(responseField(error, "headers"), "x-github-request-id");
  return typeof id === "string" ? id : undefined;
}

function responseField(error: unknown, name: string): unknown {
  return field(field(error, "response"), name);
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
