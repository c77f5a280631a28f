import nock from "nock";
import { afterEach } from "vitest";

/** Every test file that mocks GitHub runs without the network; only local servers (Probot's) stay reachable. */
const LOCAL = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
nock.disableNetConnect();
nock.enableNetConnect(LOCAL);

interface Registered {
  readonly description: string;
  used: boolean;
}

const registered: Registered[] = [];
const unmatched: string[] = [];
const violations: string[] = [];
/** The origins the harness mocks; nock's own pending list is checked for the others. */
const harnessOrigins = new Set<string>();

nock.emitter.on("no match", (...args: unknown[]) => {
  const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown> | undefined;
  const host = String(options?.hostname ?? options?.host ?? "");
  if (LOCAL.test(host)) return;
  const method = String(options?.method ?? "GET");
  const body = typeof args[2] === "string" && args[2] !== "" ? ` with body ${args[2]}` : "";
  unmatched.push(`unmatched request: ${method} ${host}${decodePath(String(options?.path ?? ""))}${body}`);
});

export function registerMock(description: string, origin: string): Registered {
  harnessOrigins.add(origin);
  const mock = { description, used: false };
  registered.push(mock);
  return mock;
}

export function recordViolation(message: string): void {
  violations.push(message);
}

/**
 * What is wrong with the GitHub mocks of the test that just ran: mocked requests never made, requests nothing
 * mocked, and requests that broke GitHub's API description. Resets the harness for the next test.
 */
export function takeGitHubMockProblems(): string[] {
  const foreign = nock
    .pendingMocks()
    .filter((key) => ![...harnessOrigins].some((origin) => key.includes(origin)));
  const problems = [
    ...violations,
    ...unmatched,
    ...registered.filter((m) => !m.used).map((m) => `unused mock: ${m.description}`),
    ...foreign.map((key) => `unused mock: ${key}`),
  ];
  registered.length = 0;
  unmatched.length = 0;
  violations.length = 0;
  nock.cleanAll();
  return problems;
}

afterEach(() => {
  const problems = takeGitHubMockProblems();
  if (problems.length > 0) throw new Error(`GitHub mocks:\n- ${problems.join("\n- ")}`);
});

export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
