import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/**
 * Strict HTTP mocking for a test file: no real network (loopback only where a test serves its own endpoint),
 * and every test fails when a mock it set up was not used.
 */
export function strictNock(options: { allowLoopback?: boolean } = {}): void {
  beforeAll(() => {
    nock.disableNetConnect();
    if (options.allowLoopback) nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, "unused HTTP mocks").toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}

/** Slack's Web API method `method`, answering `reply`; the form body it received is pushed to `bodies`. */
export function slackMethod(
  method: string,
  reply: object,
  bodies: Record<string, unknown>[] = [],
  token = "xoxb-test-token",
): nock.Scope {
  return nock("https://slack.com")
    .matchHeader("authorization", `Bearer ${token}`)
    .post(`/api/${method}`, (body: Record<string, unknown>) => {
      bodies.push(body);
      return true;
    })
    .reply(200, reply);
}
