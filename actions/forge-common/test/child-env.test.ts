import { describe, expect, it } from "vitest";
import { childEnvironment } from "../src/child-env.js";

describe("the environment Terraform runs in", () => {
  it("keeps what Terraform needs and withholds the action's inputs and the runner's tokens", () => {
    const env = childEnvironment({
      PATH: "/usr/bin",
      HOME: "/home/runner",
      AWS_ACCESS_KEY_ID: "ASIA…",
      AWS_SESSION_TOKEN: "token",
      TF_VAR_acm_certificate_arn: "arn:aws:acm:…",
      GITHUB_REPOSITORY: "acme/infra",
      "INPUT_PLAN-KEY": "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
      "INPUT_GITHUB-TOKEN": "ghs_…",
      ACTIONS_RUNTIME_TOKEN: "runtime",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://…",
      ACTIONS_RESULTS_URL: "https://…",
      ACTIONS_CACHE_URL: "https://…",
      UNSET: undefined,
    });
    expect(Object.keys(env).sort()).toEqual([
      "AWS_ACCESS_KEY_ID",
      "AWS_SESSION_TOKEN",
      "GITHUB_REPOSITORY",
      "HOME",
      "PATH",
      "TF_VAR_acm_certificate_arn",
    ]);
  });
});
