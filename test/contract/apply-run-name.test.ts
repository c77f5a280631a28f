import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRunName } from "../../app/conductor/names.js";
import { applyRunName } from "../support/workflow-run-name.js";

const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
/** Stack names as the GoalStatement schema allows them, with the words the title itself uses mixed in. */
const stack = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/),
  fc.constantFrom("rollback-drill", "apply-api", "pr-3-api", "infracrew-apply"),
);

describe("the apply workflow's run-name and the Conductor's parser", () => {
  it("agree: the PR, the mode and the commit come back from the title GitHub shows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        sha,
        stack,
        fc.constantFrom("apply" as const, "rollback" as const),
        fc.option(sha, { nil: "" }),
        (pr, commit, name, mode, knownGood) => {
          const title = applyRunName({
            pr: String(pr),
            sha: commit,
            stack: name,
            mode,
            known_good_sha: knownGood,
          });
          expect(parseRunName(title)).toEqual({ pr, sha: commit, mode });
        },
      ),
    );
  });

  it.each([
    ["a pull request's title (plan runs)", "infra(checkout-api): web-api in eu-west-1"],
    ["another workflow's title", "Deploy docs pr-12 apply"],
    ["a title without the commit", "infracrew apply checkout-api pr-12 apply"],
    ["a title with a short commit", "infracrew apply checkout-api pr-12 apply abc1234"],
  ])("reads nothing from %s", (_, title) => {
    expect(parseRunName(title)).toEqual({});
  });
});
