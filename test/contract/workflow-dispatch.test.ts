import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NAMES, applyDispatchInputs, parseRunName, planDispatchInputs } from "../../app/conductor/names.js";
import { applyRunName, runName, workflowTemplate } from "../support/workflow-run-name.js";

interface DeclaredInput {
  readonly required?: boolean;
  readonly type: "string" | "number" | "choice" | "boolean";
  readonly options?: readonly string[];
}

const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const pr = fc.integer({ min: 1, max: 999_999 });
/** Stack names as the GoalStatement schema allows them, with the words the titles themselves use mixed in. */
const stack = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/),
  fc.constantFrom("rollback-drill", "apply-api", "pr-3-api", "infracrew-apply", "plan"),
);
const knownGood = fc.option(sha, { nil: null });

function declaredInputs(file: string): Record<string, DeclaredInput> {
  const on = workflowTemplate(file).on as Record<string, { inputs?: Record<string, DeclaredInput> } | null>;
  const inputs = on.workflow_dispatch?.inputs;
  if (!inputs) throw new Error(`${file} is not dispatchable`);
  return inputs;
}

/** What GitHub checks of a dispatch's inputs: each one declared and of its type, and every required one given. */
function expectAccepted(file: string, sent: Record<string, string>): void {
  const declared = declaredInputs(file);
  for (const [name, value] of Object.entries(sent)) {
    const spec = declared[name];
    expect(spec, `${file}: input ${name} is not declared`).toBeDefined();
    if (spec!.type === "number") expect(value).toMatch(/^\d+$/);
    if (spec!.type === "choice") expect(spec!.options).toContain(value);
  }
  for (const [name, spec] of Object.entries(declared))
    if (spec.required) expect(Object.keys(sent), `${file}: required input ${name}`).toContain(name);
}

describe("the plan workflow and the Conductor's /plan", () => {
  const file = NAMES.planWorkflow;

  it("declares exactly the inputs the Conductor dispatches it with", () => {
    const sent = planDispatchInputs(12, "d".repeat(40), "checkout-api");
    expect(Object.keys(declaredInputs(file)).sort()).toEqual(Object.keys(sent).sort());
    expectAccepted(file, sent);
  });

  it("is titled so that the PR and the commit come back from a dispatched run, and from a pull_request run", () => {
    fc.assert(
      fc.property(pr, sha, stack, (n, commit, name) => {
        const dispatched = runName(file, { inputs: planDispatchInputs(n, commit, name) });
        expect(parseRunName(dispatched)).toEqual({ pr: n, sha: commit, mode: "plan" });
        const pushed = runName(file, {
          github: {
            head_ref: `infracrew/${name}`,
            event: { pull_request: { number: n, head: { sha: commit } } },
          },
        });
        expect(parseRunName(pushed)).toEqual({ pr: n, sha: commit, mode: "plan" });
      }),
    );
  });
});

describe("the apply workflow and the Conductor's apply and rollback", () => {
  const file = NAMES.applyWorkflow;

  it("accepts every dispatch the Conductor sends it, apply or rollback", () => {
    fc.assert(
      fc.property(pr, sha, stack, fc.constantFrom("apply" as const, "rollback" as const), knownGood, (...a) =>
        expectAccepted(file, applyDispatchInputs(...a)),
      ),
    );
  });

  it("is titled so that the PR, the mode and the commit come back from the title GitHub shows", () => {
    fc.assert(
      fc.property(
        pr,
        sha,
        stack,
        fc.constantFrom("apply" as const, "rollback" as const),
        knownGood,
        (n, commit, name, mode, good) => {
          const title = runName(file, { inputs: applyDispatchInputs(n, commit, name, mode, good) });
          expect(parseRunName(title)).toEqual({ pr: n, sha: commit, mode });
        },
      ),
    );
  });
});

describe("the run-name evaluator the journeys' payloads use", () => {
  it("gives the apply title the template gives", () => {
    const inputs = { pr: "12", sha: "d".repeat(40), stack: "checkout-api", mode: "rollback" as const };
    expect(applyRunName({ ...inputs, known_good_sha: "" })).toBe(
      `infracrew apply checkout-api pr-12 rollback ${"d".repeat(40)}`,
    );
  });
});

describe("parseRunName", () => {
  it.each([
    ["a pull request's title", "infra(checkout-api): web-api in eu-west-1"],
    ["another workflow's title", "Deploy docs pr-12 apply"],
    ["a title without the commit", "infracrew apply checkout-api pr-12 apply"],
    ["a title with a short commit", "infracrew apply checkout-api pr-12 apply abc1234"],
    ["an apply title in plan mode", `infracrew apply checkout-api pr-12 plan ${"d".repeat(40)}`],
    ["a plan title in apply mode", `infracrew plan checkout-api pr-12 apply ${"d".repeat(40)}`],
  ])("reads nothing from %s", (_, title) => {
    expect(parseRunName(title)).toEqual({});
  });
});
