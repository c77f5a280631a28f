import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NAMES,
  NONCE_PATTERN,
  applyDispatchInputs,
  parseRunName,
  planDispatchInputs,
} from "../../app/conductor/names.js";
import { applyRunName, runName, workflowTemplate } from "../support/workflow-run-name.js";

interface DeclaredInput {
  readonly required?: boolean;
  readonly type: "string" | "number" | "choice" | "boolean";
  readonly options?: readonly string[];
}

const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const pr = fc.integer({ min: 1, max: 999_999 });
const nonce = fc.stringMatching(NONCE_PATTERN);
/** Stack names as the workflows accept them, with the words and tokens the titles themselves use mixed in. */
const stack = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/),
  fc.constantFrom("rollback-drill", "apply-api", "pr-3-api", "infracrew-apply", "plan", "apply", "pr-12"),
  nonce.map((n) => `n-${n}`),
  sha,
);
const target = fc.option(sha, { nil: null });
const plan = fc.option(
  fc.record({
    runId: fc.integer({ min: 1, max: 2 ** 40 }),
    artifactId: fc.integer({ min: 1, max: 2 ** 40 }),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  }),
  { nil: null },
);
const mode = fc.constantFrom("apply" as const, "rollback" as const);

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
    const sent = planDispatchInputs({
      pr: 12,
      sha: "d".repeat(40),
      stack: "checkout-api",
      nonce: "a".repeat(32),
    });
    expect(Object.keys(declaredInputs(file)).sort()).toEqual(["nonce", "pr", "sha", "stack"]);
    expect(Object.keys(declaredInputs(file)).sort()).toEqual(Object.keys(sent).sort());
    expectAccepted(file, sent);
  });

  it("is titled so that the PR, the commit and the nonce come back from a dispatched run; no nonce from a pull_request run", () => {
    fc.assert(
      fc.property(pr, sha, stack, nonce, (n, commit, name, once) => {
        const dispatched = runName(file, {
          inputs: planDispatchInputs({ pr: n, sha: commit, stack: name, nonce: once }),
        });
        expect(dispatched).toBe(`infracrew plan ${name} pr-${n} plan ${commit} n-${once}`);
        expect(parseRunName(dispatched)).toEqual({ pr: n, sha: commit, mode: "plan", nonce: once });
        const pushed = runName(file, {
          github: {
            head_ref: `infracrew/${name}`,
            event: { pull_request: { number: n, head: { sha: commit } } },
          },
        });
        expect(pushed).toBe(`infracrew plan infracrew/${name} pr-${n} plan ${commit}`);
        expect(parseRunName(pushed)).toEqual({ pr: n, sha: commit, mode: "plan" });
      }),
    );
  });
});

describe("the apply workflow and the Conductor's apply and rollback", () => {
  const file = NAMES.applyWorkflow;

  it("declares exactly the contract's inputs: no dir, no known_good_sha", () => {
    expect(Object.keys(declaredInputs(file)).sort()).toEqual(
      [
        "mode",
        "nonce",
        "plan_artifact_id",
        "plan_run_id",
        "plan_sha256",
        "pr",
        "sha",
        "stack",
        "target_sha",
      ].sort(),
    );
  });

  it("accepts every dispatch the Conductor sends it, apply or rollback", () => {
    fc.assert(
      fc.property(pr, stack, mode, sha, target, nonce, plan, (n, name, m, commit, good, once, saved) =>
        expectAccepted(
          file,
          applyDispatchInputs({
            pr: n,
            stack: name,
            mode: m,
            sha: commit,
            targetSha: good,
            nonce: once,
            plan: saved,
          }),
        ),
      ),
    );
  });

  it("sends the plan ids and the target as strings, empty when there are none", () => {
    expect(
      applyDispatchInputs({
        pr: 12,
        stack: "checkout-api",
        mode: "apply",
        sha: "d".repeat(40),
        targetSha: null,
        nonce: "a".repeat(32),
        plan: { runId: 301, artifactId: 9001, sha256: "e".repeat(64) },
      }),
    ).toEqual({
      pr: "12",
      stack: "checkout-api",
      mode: "apply",
      sha: "d".repeat(40),
      target_sha: "",
      nonce: "a".repeat(32),
      plan_run_id: "301",
      plan_artifact_id: "9001",
      plan_sha256: "e".repeat(64),
    });
    expect(
      applyDispatchInputs({
        pr: 12,
        stack: "checkout-api",
        mode: "rollback",
        sha: "d".repeat(40),
        targetSha: "c".repeat(40),
        nonce: "b".repeat(32),
        plan: null,
      }),
    ).toMatchObject({ target_sha: "c".repeat(40), plan_run_id: "", plan_artifact_id: "", plan_sha256: "" });
  });

  it("is titled so that the PR, the mode, the commit and the nonce come back from the title GitHub shows", () => {
    fc.assert(
      fc.property(pr, stack, mode, sha, target, nonce, plan, (n, name, m, commit, good, once, saved) => {
        const title = runName(file, {
          inputs: applyDispatchInputs({
            pr: n,
            stack: name,
            mode: m,
            sha: commit,
            targetSha: good,
            nonce: once,
            plan: saved,
          }),
        });
        expect(parseRunName(title)).toEqual({ pr: n, sha: commit, mode: m, nonce: once });
      }),
    );
  });
});

describe("the run-name evaluator the journeys' payloads use", () => {
  it("gives the apply title the template gives", () => {
    const inputs = applyDispatchInputs({
      pr: 12,
      stack: "checkout-api",
      mode: "rollback",
      sha: "d".repeat(40),
      targetSha: null,
      nonce: "0123456789abcdef0123456789abcdef",
      plan: null,
    });
    expect(applyRunName(inputs as unknown as Parameters<typeof applyRunName>[0])).toBe(
      `infracrew apply checkout-api pr-12 rollback ${"d".repeat(40)} n-0123456789abcdef0123456789abcdef`,
    );
  });
});

describe("parseRunName", () => {
  const D = "d".repeat(40);
  const N = "0123456789abcdef0123456789abcdef";

  it.each([
    ["a pull request's title", "infra(checkout-api): web-api in eu-west-1"],
    ["another workflow's title", "Deploy docs pr-12 apply"],
    ["a title without the commit", "infracrew apply checkout-api pr-12 apply"],
    ["a title with a short commit", "infracrew apply checkout-api pr-12 apply abc1234"],
    ["an apply title in plan mode", `infracrew apply checkout-api pr-12 plan ${D}`],
    ["a plan title in apply mode", `infracrew plan checkout-api pr-12 apply ${D}`],
    ["a title whose nonce is short", `infracrew apply checkout-api pr-12 apply ${D} n-0123`],
    [
      "a title whose nonce is upper case",
      `infracrew apply checkout-api pr-12 apply ${D} n-${N.toUpperCase()}`,
    ],
    ["a title with two nonces", `infracrew apply checkout-api pr-12 apply ${D} n-${N} n-${N}`],
    ["a title with a token after the nonce", `infracrew apply checkout-api pr-12 apply ${D} n-${N} x`],
    ["a nonce without its prefix", `infracrew apply checkout-api pr-12 apply ${D} ${N}`],
  ])("reads nothing from %s", (_, title) => {
    expect(parseRunName(title)).toEqual({});
  });

  it.each([
    [
      "a stack named like a nonce",
      `infracrew apply n-${N} pr-12 apply ${D}`,
      { pr: 12, sha: D, mode: "apply" },
    ],
    [
      "a stack named like a nonce, with the nonce",
      `infracrew apply n-${N} pr-12 rollback ${D} n-${"f".repeat(32)}`,
      { pr: 12, sha: D, mode: "rollback", nonce: "f".repeat(32) },
    ],
    ["a stack named like a commit", `infracrew plan ${D} pr-3 plan ${D}`, { pr: 3, sha: D, mode: "plan" }],
    [
      "a stack named like the tokens",
      `infracrew apply pr-9 pr-12 apply ${D} n-${N}`,
      { pr: 12, sha: D, mode: "apply", nonce: N },
    ],
    [
      "a title without a nonce (before issue 12)",
      `infracrew apply checkout-api pr-12 apply ${D}`,
      { pr: 12, sha: D, mode: "apply" },
    ],
  ])("reads %s from the end", (_, title, expected) => {
    expect(parseRunName(title)).toEqual(expected);
  });
});
