import { isDeepStrictEqual } from "node:util";
import nock from "nock";
import { decodePath, recordViolation, registerMock } from "./github-mock-checks.js";
import { type GitHubOperation, findGitHubOperation, requestBodyProblems } from "./openapi-operations.js";

export { takeGitHubMockProblems } from "./github-mock-checks.js";

export const GITHUB_API = "https://api.github.com";
export const TEST_INSTALLATION_ID = 4242;
export const TEST_TOKEN = "ghs_installation-token-for-tests";

/** A mocked request once made: what it carried. */
export interface MockedCall {
  readonly called: boolean;
  /** The request's JSON body (undefined when it had none). */
  readonly body: unknown;
  /** The request's headers, lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface MockReply {
  reply(status: number, body?: unknown, headers?: Readonly<Record<string, string>>): MockedCall;
  /**
   * The same, for a request a race decides: the test does not know beforehand whether it is made, so an unused one
   * does not fail it (the test asserts `called` itself). Everything else is as strict.
   */
  replyIfRaceMakesIt(status: number, body?: unknown): MockedCall;
}

export interface GitHubMock {
  /** The REST calls made through this mock, in order, as `METHOD /decoded/path?query` (no token call). */
  readonly calls: readonly string[];
  get(path: string): MockReply;
  delete(path: string): MockReply;
  /** `expectedBody`, when given, must equal the request's JSON body; it is checked against GitHub's schema too. */
  post(path: string, expectedBody?: unknown): MockReply;
  patch(path: string, expectedBody?: unknown): MockReply;
  put(path: string, expectedBody?: unknown): MockReply;
  /** The installation access token Probot asks for before its first call (not counted in `calls`). */
  installationToken(installationId?: number): MockedCall;
  /** A download outside the API (the signed address an artifact redirects to): not checked, not counted. */
  download(url: string): MockReply;
}

/**
 * A strict mock of GitHub's REST API for one repository. A path without a leading slash is relative to
 * /repos/<owner>/<repo> ("" is the repository itself). Write paths decoded (git/ref/infracrew/locks/app) and
 * queries in any order. Every mock is checked against GitHub's OpenAPI description when it is defined (operation,
 * documented status, expected body), and every request body when it arrives; after each test, unused mocks and
 * unmatched requests fail it.
 */
export function githubMock(owner: string, repo: string): GitHubMock {
  const calls: string[] = [];
  const api = (method: string) => (path: string, expectedBody?: unknown) => ({
    reply: (status: number, body?: unknown, headers?: Readonly<Record<string, string>>) =>
      mockApi({ method, path: absolute(owner, repo, path), expectedBody, status, body, headers, calls }),
    replyIfRaceMakesIt: (status: number, body?: unknown) =>
      mockApi({
        method,
        path: absolute(owner, repo, path),
        expectedBody,
        status,
        body,
        calls,
        optional: true,
      }),
  });
  return {
    calls,
    get: api("GET"),
    delete: api("DELETE"),
    post: api("POST"),
    patch: api("PATCH"),
    put: api("PUT"),
    installationToken: (installationId = TEST_INSTALLATION_ID) =>
      mockApi({
        method: "POST",
        path: `/app/installations/${installationId}/access_tokens`,
        status: 201,
        body: {
          token: TEST_TOKEN,
          expires_at: "2099-01-01T00:00:00Z",
          permissions: {},
          repository_selection: "all",
        },
      }),
    download: (url) => ({
      reply: (status, body, headers) => mockDownload(url, status, body, headers),
      replyIfRaceMakesIt: (status, body) => mockDownload(url, status, body),
    }),
  };
}

function absolute(owner: string, repo: string, path: string): string {
  if (path.startsWith("/")) return path;
  return path === "" || path.startsWith("?")
    ? `/repos/${owner}/${repo}${path}`
    : `/repos/${owner}/${repo}/${path}`;
}

interface ApiMock {
  readonly method: string;
  readonly path: string;
  readonly expectedBody?: unknown;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Where to count the call; omitted for the token call. */
  readonly calls?: string[];
  /** A race decides whether the request is made: unused, it fails nothing. */
  readonly optional?: boolean;
}

function mockApi(mock: ApiMock): MockedCall {
  const [pathname = "", query = ""] = mock.path.split("?", 2);
  const decoded = decodePath(pathname);
  const operation = findGitHubOperation(mock.method, decoded);
  const label = `${mock.method} ${mock.path}`;
  if (operation === undefined)
    throw new Error(`GitHub mock ${label}: ${unknownOperation(mock.method, decoded)}`);
  const name = `${label} (${operation.operationId})`;
  // GitHub's description lists the answers of a working GitHub; any call may also fail with a 5xx.
  if (mock.status < 500 && !operation.statuses.includes(String(mock.status))) {
    throw new Error(
      `GitHub mock ${name}: GitHub does not document status ${mock.status} (it documents ${operation.statuses.join(", ")})`,
    );
  }
  if (mock.expectedBody !== undefined) {
    const problems = operation.hasJsonBody
      ? requestBodyProblems(operation, mock.expectedBody)
      : ["the operation takes no JSON body"];
    if (problems.length > 0)
      throw new Error(`GitHub mock ${name}: expected body is invalid: ${problems.join("; ")}`);
  }
  const expectedText =
    mock.expectedBody === undefined ? "" : ` with body ${JSON.stringify(mock.expectedBody)}`;
  const registered = registerMock(`${name}${expectedText}`, GITHUB_API);
  if (mock.optional) registered.used = true;
  const call = { called: false, body: undefined as unknown, headers: {} as Record<string, string> };
  const matcher =
    mock.expectedBody === undefined
      ? undefined
      : (body: unknown) => isDeepStrictEqual(body, mock.expectedBody);
  nock(GITHUB_API)
    .intercept((uri) => samePath(uri, decoded, query), mock.method, matcher)
    .reply(function (uri, requestBody) {
      registered.used = true;
      Object.assign(call, { called: true, body: parseBody(requestBody), headers: this.req.headers });
      mock.calls?.push(`${mock.method} ${decodePath(uri)}`);
      for (const problem of bodyProblems(operation, call.body)) recordViolation(`${name}: ${problem}`);
      return [mock.status, replyBody(mock.body), { ...mock.headers }];
    });
  return call;
}

function mockDownload(
  url: string,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) {
  const { origin, pathname, search } = new URL(url);
  const registered = registerMock(`GET ${origin}${pathname} (download)`, origin);
  const call = { called: false, body: undefined as unknown, headers: {} as Record<string, string> };
  nock(origin)
    .get(`${pathname}${search}`)
    .reply(function () {
      registered.used = true;
      Object.assign(call, { called: true, headers: this.req.headers });
      return [status, replyBody(body), { ...headers }];
    });
  return call;
}

function unknownOperation(method: string, path: string): string {
  const others = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter(
    (m) => m !== method && findGitHubOperation(m, path),
  );
  return others.length > 0
    ? `GitHub's API has ${others.join(", ")} for this path, not ${method}`
    : "no operation of GitHub's REST API has this path";
}

function samePath(uri: string, pathname: string, query: string): boolean {
  const url = new URL(uri, GITHUB_API);
  return decodePath(url.pathname) === pathname && sameQuery(url.searchParams, new URLSearchParams(query));
}

function sameQuery(actual: URLSearchParams, expected: URLSearchParams): boolean {
  const sorted = (params: URLSearchParams) => [...params.entries()].map((e) => e.join("=")).sort();
  return isDeepStrictEqual(sorted(actual), sorted(expected));
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  if (body === "") return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function bodyProblems(operation: GitHubOperation, body: unknown): string[] {
  if (body === undefined)
    return operation.bodyRequired ? ["the request has no body; GitHub requires one"] : [];
  if (!operation.hasJsonBody) return ["the request has a body; the operation takes none"];
  return requestBodyProblems(operation, body).map((p) => `request body does not fit GitHub's schema: ${p}`);
}

function replyBody(body: unknown): nock.ReplyBody {
  if (body === undefined) return "";
  if (body instanceof Uint8Array) return Buffer.from(body);
  return body as nock.ReplyBody;
}
