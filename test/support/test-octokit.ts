import { ProbotOctokit } from "probot";
import { TEST_TOKEN } from "./github-mock.js";

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The Octokit Probot hands a handler, authenticated with an installation token, without retries or throttling. */
export function testOctokit(): ProbotOctokit {
  return new ProbotOctokit({
    auth: { token: TEST_TOKEN },
    retry: { enabled: false },
    throttle: { enabled: false },
    log: quiet,
  });
}
