import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  judgeApplyRun,
  judgeOidcClaims,
  judgePlanRun,
  nonceFromTitle,
  runFactsFromPayload,
  runIdFromCallbackUrl,
  type DispatchRecord,
  type OidcClaims,
  type PlanJudgeOptions,
  type RunFacts,
  type WorkflowRunPayload,
} from "../../../app/conductor/run-trust.js";
import { webhookExamples } from "../../support/webhook-examples.js";

const APP = "infracrew[bot]";
const REPO = "acme/infra";
const REPO_ID = 4200;
const NONCE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const OTHER_NONCE = "ffffffffffffffffffffffffffffffff";
const SHA = "1111111111111111111111111111111111111111";
const OLD_SHA = "2222222222222222222222222222222222222222";
const MAIN_SHA = "3333333333333333333333333333333333333333";
const OPTIONS = { appLogin: APP, defaultBranch: "main", repository: REPO };

const applyRun: RunFacts = {
  id: 4242,
  runAttempt: 1,
  event: "workflow_dispatch",
  path: ".github/workflows/infracrew-apply.yml",
  headBranch: "main",
  headSha: MAIN_SHA,
  actor: APP,
  triggeringActor: APP,
  displayTitle: `infracrew apply orders-api pr-12 apply ${SHA} n-${NONCE}`,
  repositoryId: REPO_ID,
  headRepositoryId: REPO_ID,
  pullRequests: [],
};

const applyRecord: DispatchRecord = {
  nonce: NONCE,
  repo: REPO,
  pr: 12,
  stack: "orders-api",
  workflow: "infracrew-apply.yml",
  mode: "apply",
  sha: SHA,
  targetSha: null,
  plan: { runId: 100, artifactId: 200, sha256: "f".repeat(64) },
  ref: "main",
  createdAt: "2026-11-27T12:00:00Z",
  runId: null,
  gate: null,
};

const gate = (runId: number, runAttempt: number, answer: "approved" | "rejected" = "approved") => ({
  runId,
  runAttempt,
  answer,
  at: "2026-11-27T12:01:00Z",
});

type Row<T> = readonly [
  name: string,
  change: Partial<T>,
  record: Partial<DispatchRecord> | null,
  reason: RegExp,
];

/** Each row changes the trusted run or its record in one way an attacker (or a mistake) would, and is refused. */
const APPLY_HOLES: readonly Row<RunFacts>[] = [
  [
    "same file name in another directory",
    { path: ".github/workflows/deploy/infracrew-apply.yml" },
    {},
    /ran ".github\/workflows\/deploy\/infracrew-apply.yml", not ".github\/workflows\/infracrew-apply.yml"/,
  ],
  [
    "the file name in other case",
    { path: ".github/workflows/Infracrew-Apply.yml" },
    {},
    /only that workflow/,
  ],
  ["a .yaml twin", { path: ".github/workflows/infracrew-apply.yaml" }, {}, /only that workflow/],
  ["a ./ prefix", { path: "./.github/workflows/infracrew-apply.yml" }, {}, /only that workflow/],
  ["the plan workflow", { path: ".github/workflows/infracrew-plan.yml" }, {}, /only that workflow/],
  ["a push run", { event: "push" }, {}, /started by a "push" event, not by the App's workflow_dispatch/],
  ["a pull_request run", { event: "pull_request" }, {}, /"pull_request" event/],
  ["a workflow_run run", { event: "workflow_run" }, {}, /"workflow_run" event/],
  ["an event in other case", { event: "Workflow_Dispatch" }, {}, /"Workflow_Dispatch" event/],
  ["a fork's code", { headRepositoryId: 999 }, {}, /another repository \(a fork\)/],
  ["another branch", { headBranch: "feature" }, {}, /branch "feature", not on the default branch "main"/],
  [
    "a branch named refs/heads/main",
    { headBranch: "refs/heads/main" },
    {},
    /branch "refs\/heads\/main", not/,
  ],
  ["the default branch in other case", { headBranch: "Main" }, {}, /branch "Main"/],
  ["a branch with a trailing space", { headBranch: "main " }, {}, /branch "main "/],
  ["no branch (a tag)", { headBranch: null }, {}, /ran on no branch/],
  ["dispatched by a person", { actor: "mallory", triggeringActor: "mallory" }, {}, /dispatched by @mallory/],
  ["dispatched by another App", { actor: "other[bot]", triggeringActor: "other[bot]" }, {}, /@other\[bot\]/],
  ["an actor that only looks like the App", { actor: "Infracrew[bot]" }, {}, /@Infracrew\[bot\]/],
  ["the App's slug without [bot]", { actor: "infracrew" }, {}, /dispatched by @infracrew,/],
  ["no actor", { actor: "" }, {}, /dispatched by @\(unknown\)/],
  [
    "a person re-running the App's run",
    { triggeringActor: "mallory", runAttempt: 2 },
    {},
    /attempt 2 was started by @mallory, not by the App/,
  ],
  ["a second attempt", { runAttempt: 2 }, {}, /is attempt 2: a dispatch vouches for the first attempt/],
  ["attempt 0 (unknown)", { runAttempt: 0 }, {}, /is attempt 0/],
  [
    "a title with no nonce",
    { displayTitle: `infracrew apply orders-api pr-12 apply ${SHA}` },
    {},
    /no dispatch nonce/,
  ],
  ["an upper-case nonce", { displayTitle: `x n-${NONCE.toUpperCase()}` }, {}, /no dispatch nonce/],
  ["a nonce not at the end", { displayTitle: `x n-${NONCE} extra` }, {}, /no dispatch nonce/],
  ["a short nonce", { displayTitle: `x n-${NONCE.slice(1)}` }, {}, /no dispatch nonce/],
  ["an unknown nonce", { displayTitle: `x n-${OTHER_NONCE}` }, null, /never recorded for acme\/infra/],
  [
    "a record for another nonce",
    { displayTitle: `x n-${OTHER_NONCE}` },
    {},
    /names dispatch n-ffff.*but the record found is for n-0f1e/,
  ],
  [
    "a record for another repository",
    {},
    { repo: "acme/other" },
    /recorded for acme\/other, not for acme\/infra/,
  ],
  [
    "a record of the plan workflow",
    {},
    { workflow: "infracrew-plan.yml", mode: "plan" },
    /was for infracrew-plan.yml \(plan\), not for infracrew-apply.yml/,
  ],
  [
    "a plan-mode record of the apply workflow",
    {},
    { mode: "plan" },
    /of infracrew-apply.yml is a plan, which that workflow never runs/,
  ],
  ["a record dispatched on another branch", {}, { ref: "release" }, /sent on "release"/],
  ["a record of another run", {}, { runId: 4241 }, /started run 4241, not run 4242/],
  [
    "a record already approved for another run",
    {},
    { gate: gate(4241, 1) },
    /already answered \(approved\) for run 4241 attempt 1 .*one run, one attempt, once/,
  ],
  [
    "a record rejected for another run",
    {},
    { gate: gate(4241, 1, "rejected") },
    /already answered \(rejected\)/,
  ],
  ["a record rejected for this very run", {}, { gate: gate(4242, 1, "rejected") }, /the answer stands/],
];

describe("judgeApplyRun", () => {
  it.each([
    ["the App's dispatched apply", {}, {}],
    ["the App's dispatched rollback", {}, { mode: "rollback" as const, targetSha: OLD_SHA }],
    ["a record that knows this run", {}, { runId: 4242 }],
    ["a record whose ref is the full ref", {}, { ref: "refs/heads/main" }],
    ["a second request for the same run and attempt", {}, { runId: 4242, gate: gate(4242, 1) }],
  ])("trusts %s", (_name, change: Partial<RunFacts>, record: Partial<DispatchRecord>) => {
    expect(judgeApplyRun({ ...applyRun, ...change }, { ...applyRecord, ...record }, OPTIONS)).toEqual({
      trusted: true,
    });
  });

  it.each(APPLY_HOLES)("refuses %s", (_name, change, record, reason) => {
    const judged = judgeApplyRun(
      { ...applyRun, ...change },
      record ? { ...applyRecord, ...record } : undefined,
      OPTIONS,
    );
    expect(judged.trusted).toBe(false);
    if (!judged.trusted) expect(judged.reason).toMatch(reason);
  });

  it("says who dispatched a hand-run apply, in a sentence a person reads", () => {
    expect(
      judgeApplyRun({ ...applyRun, actor: "mallory", triggeringActor: "mallory" }, applyRecord, OPTIONS),
    ).toEqual({
      trusted: false,
      reason:
        "run 4242 was dispatched by @mallory, not by the App (@infracrew[bot]): only runs the App dispatched may apply",
    });
  });

  it("quotes a hostile branch name as data and cuts it", () => {
    const judged = judgeApplyRun({ ...applyRun, headBranch: `x"\n${"y".repeat(500)}` }, applyRecord, OPTIONS);
    expect(judged.trusted).toBe(false);
    if (!judged.trusted) {
      expect(judged.reason).not.toContain("\n");
      expect(judged.reason.length).toBeLessThan(300);
    }
  });

  it("refuses every run unless each fact is the trusted one", () => {
    const facts = {
      path: [
        applyRun.path,
        ".github/workflows/x/infracrew-apply.yml",
        ".github/workflows/INFRACREW-APPLY.yml",
      ],
      event: [applyRun.event, "push", "pull_request", "repository_dispatch", "workflow_call"],
      headBranch: [applyRun.headBranch, "dev", "refs/heads/main", null],
      actor: [applyRun.actor, "mallory", "infracrew"],
      triggeringActor: [applyRun.triggeringActor, "mallory"],
      runAttempt: [applyRun.runAttempt, 2, 3],
      displayTitle: [applyRun.displayTitle, `x n-${OTHER_NONCE}`, "x"],
      headRepositoryId: [applyRun.headRepositoryId, 1, null],
    } as const;
    const pick = (options: readonly unknown[]) =>
      fc.oneof(
        { arbitrary: fc.constant(0), weight: 3 },
        { arbitrary: fc.integer({ min: 1, max: options.length - 1 }), weight: 1 },
      );
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, pick(v)]))),
        (chosen) => {
          const run = Object.fromEntries(
            Object.entries(facts).map(([key, values]) => [key, values[chosen[key] as number]]),
          );
          const judged = judgeApplyRun({ ...applyRun, ...run }, applyRecord, OPTIONS);
          const allTrusted = Object.values(chosen).every((index) => index === 0);
          expect(judged.trusted).toBe(allTrusted);
        },
      ),
      { numRuns: 400 },
    );
  });
});

const claims: OidcClaims = {
  repository: REPO,
  run_id: "4242",
  run_attempt: "1",
  event_name: "workflow_dispatch",
  ref: "refs/heads/main",
  ref_type: "branch",
  job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
  workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
  environment: "infracrew-apply",
  actor: APP,
};
const OIDC_OPTIONS = { ...OPTIONS, nonce: NONCE };

const OIDC_HOLES: readonly Row<OidcClaims>[] = [
  ["a token from another repository", { repository: "mallory/infra" }, {}, /comes from "mallory\/infra"/],
  ["a token naming no repository", { repository: undefined }, {}, /comes from "no repository"/],
  ["a token naming no run", { run_id: undefined }, {}, /names no run \(run_id/],
  ["a run id that is not decimal", { run_id: "4242abc" }, {}, /names no run \(run_id/],
  ["a run id with a leading zero", { run_id: "04242" }, {}, /names no run \(run_id/],
  ["a pull_request token", { event_name: "pull_request" }, {}, /"pull_request" event/],
  ["a push token", { event_name: "push" }, {}, /"push" event/],
  [
    "another branch",
    { ref: "refs/heads/feature" },
    {},
    /ran on "refs\/heads\/feature", not on "refs\/heads\/main"/,
  ],
  ["a bare branch name", { ref: "main" }, {}, /ran on "main"/],
  [
    "a branch named refs/heads/main",
    { ref: "refs/heads/refs/heads/main" },
    {},
    /"refs\/heads\/refs\/heads\/main"/,
  ],
  ["a tag named like the branch", { ref: "refs/tags/main", ref_type: "tag" }, {}, /"refs\/tags\/main"/],
  ["a ref_type other than branch", { ref_type: "tag" }, {}, /ran on a "tag" ref, not on a branch/],
  [
    "the apply workflow from another branch",
    { job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/feature" },
    {},
    /job_workflow_ref.*only the default branch's apply workflow/,
  ],
  [
    "a reusable workflow of another repository",
    { job_workflow_ref: "mallory/tools/.github/workflows/infracrew-apply.yml@refs/heads/main" },
    {},
    /ran the workflow "mallory\/tools/,
  ],
  [
    "the same file name in another directory",
    { job_workflow_ref: "acme/infra/.github/workflows/x/infracrew-apply.yml@refs/heads/main" },
    {},
    /job_workflow_ref/,
  ],
  [
    "the file name in other case",
    { job_workflow_ref: "acme/infra/.github/workflows/Infracrew-Apply.yml@refs/heads/main" },
    {},
    /job_workflow_ref/,
  ],
  [
    "a longer branch name",
    { job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main2" },
    {},
    /job_workflow_ref/,
  ],
  ["no job_workflow_ref", { job_workflow_ref: undefined }, {}, /job_workflow_ref/],
  [
    "another workflow calling the apply workflow",
    { workflow_ref: "acme/infra/.github/workflows/evil.yml@refs/heads/main" },
    {},
    /ran the workflow "acme\/infra\/.github\/workflows\/evil.yml@refs\/heads\/main" \(workflow_ref\)/,
  ],
  [
    "another environment",
    { environment: "production" },
    {},
    /environment "production", not "infracrew-apply"/,
  ],
  ["no environment", { environment: undefined }, {}, /environment ""/],
  ["a person's run", { actor: "mallory" }, {}, /dispatched by @mallory, not by the App/],
  ["a re-run", { run_attempt: "2" }, {}, /from attempt "2"/],
  ["no attempt", { run_attempt: undefined }, {}, /from attempt ""/],
  ["an unknown nonce", {}, null, /never recorded for acme\/infra/],
  ["a record for another nonce", {}, { nonce: OTHER_NONCE }, /but the record found is for n-ffff/],
  ["a record for another repository", {}, { repo: "acme/other" }, /recorded for acme\/other/],
  [
    "a record of the plan workflow",
    {},
    { workflow: "infracrew-plan.yml", mode: "plan" },
    /was for infracrew-plan.yml \(plan\)/,
  ],
  [
    "a record of another run (a token for another run)",
    {},
    { runId: 9999 },
    /started run 9999, not run 4242/,
  ],
  [
    "a record answered for another run",
    {},
    { gate: gate(4241, 1) },
    /already answered \(approved\) for run 4241/,
  ],
  ["a record rejected for this run", {}, { gate: gate(4242, 1, "rejected") }, /the answer stands/],
];

describe("judgeOidcClaims", () => {
  it.each([
    ["the App's apply run", {}, {}],
    ["the repository in other case", { repository: "Acme/Infra" }, {}],
    [
      "canonical names differing in case from the installation's",
      {
        job_workflow_ref: "Acme/Infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
        workflow_ref: undefined,
      },
      {},
    ],
    ["a record that knows the run", {}, { runId: 4242 }],
    ["a second request for the same run and attempt", {}, { runId: 4242, gate: gate(4242, 1) }],
  ])("trusts %s", (_name, change: Partial<OidcClaims>, record: Partial<DispatchRecord>) => {
    expect(judgeOidcClaims({ ...claims, ...change }, { ...applyRecord, ...record }, OIDC_OPTIONS)).toEqual({
      trusted: true,
    });
  });

  it.each(OIDC_HOLES)("refuses %s", (_name, change, record, reason) => {
    const judged = judgeOidcClaims(
      { ...claims, ...change },
      record ? { ...applyRecord, ...record } : undefined,
      OIDC_OPTIONS,
    );
    expect(judged.trusted).toBe(false);
    if (!judged.trusted) expect(judged.reason).toMatch(reason);
  });
});

const HEAD = SHA;
const prRun: RunFacts = {
  ...applyRun,
  id: 5151,
  event: "pull_request",
  path: ".github/workflows/infracrew-plan.yml",
  headBranch: "infracrew/orders-api",
  headSha: HEAD,
  actor: "alice",
  triggeringActor: "alice",
  displayTitle: `infracrew plan infracrew/orders-api pr-12 plan ${HEAD}`,
  pullRequests: [{ number: 12, headSha: HEAD }],
};
const planOptions: PlanJudgeOptions = {
  repositoryId: REPO_ID,
  repository: REPO,
  prNumber: 12,
  headSha: HEAD,
  record: undefined,
  appLogin: APP,
  defaultBranch: "main",
};
const dispatchedPlan: RunFacts = {
  ...prRun,
  event: "workflow_dispatch",
  headBranch: "main",
  headSha: MAIN_SHA,
  actor: APP,
  triggeringActor: APP,
  displayTitle: `infracrew plan orders-api pr-12 plan ${HEAD} n-${NONCE}`,
  pullRequests: [],
};
const planRecord: DispatchRecord = {
  ...applyRecord,
  workflow: "infracrew-plan.yml",
  mode: "plan",
  plan: null,
};

type PlanRow = readonly [name: string, run: RunFacts, options: Partial<PlanJudgeOptions>, reason: RegExp];
const PLAN_HOLES: readonly PlanRow[] = [
  ["a fork's pull_request run", { ...prRun, headRepositoryId: 999 }, {}, /ran a fork's code/],
  ["a run with no head repository", { ...prRun, headRepositoryId: null }, {}, /ran a fork's code/],
  ["another repository's run", { ...prRun, repositoryId: 1 }, {}, /belongs to repository 1, not to this one/],
  [
    "a run at an older SHA",
    { ...prRun, headSha: OLD_SHA },
    {},
    /planned 2222222, but the PR's head is 1111111/,
  ],
  ["a run listing no PR", { ...prRun, pullRequests: [] }, {}, /lists no pull request/],
  [
    "a run for another PR",
    { ...prRun, pullRequests: [{ number: 13, headSha: HEAD }] },
    {},
    /ran for #13, not for #12/,
  ],
  [
    "a run listing the PR at another head",
    { ...prRun, pullRequests: [{ number: 12, headSha: OLD_SHA }] },
    {},
    /lists #12 at 2222222/,
  ],
  ["another workflow file", { ...prRun, path: ".github/workflows/ci.yml" }, {}, /only that workflow/],
  [
    "the plan file in another directory",
    { ...prRun, path: ".github/workflows/a/infracrew-plan.yml" },
    {},
    /only/,
  ],
  [
    "the apply workflow",
    { ...prRun, path: ".github/workflows/infracrew-apply.yml" },
    {},
    /only that workflow/,
  ],
  [
    "a pull_request_target run",
    { ...prRun, event: "pull_request_target" },
    {},
    /"pull_request_target" event/,
  ],
  ["a push run", { ...prRun, event: "push" }, {}, /"push" event: a plan is trusted from/],
  [
    "a plan dispatched by a person, with a PASS artifact",
    { ...dispatchedPlan, actor: "mallory", triggeringActor: "mallory" },
    { record: planRecord },
    /dispatched by @mallory, not by the App/,
  ],
  [
    "a plan dispatched from another branch",
    { ...dispatchedPlan, headBranch: "feature" },
    { record: planRecord },
    /branch "feature"/,
  ],
  [
    "the App's plan re-run by a person",
    { ...dispatchedPlan, triggeringActor: "mallory", runAttempt: 2 },
    { record: planRecord },
    /started by @mallory/,
  ],
  ["a dispatched plan with no record", dispatchedPlan, {}, /never recorded/],
  [
    "a dispatched plan for another PR",
    dispatchedPlan,
    { record: { ...planRecord, pr: 13 } },
    /planned PR #13, not #12/,
  ],
  [
    "a dispatched plan of an older head",
    dispatchedPlan,
    { record: { ...planRecord, sha: OLD_SHA } },
    /planned 2222222, but the PR's head is 1111111/,
  ],
  [
    "a dispatched plan borrowing an apply record",
    dispatchedPlan,
    { record: applyRecord },
    /was for infracrew-apply.yml \(apply\), not for infracrew-plan.yml/,
  ],
  [
    "a dispatched plan with another repository's record",
    dispatchedPlan,
    { record: { ...planRecord, repo: "acme/other" } },
    /recorded for acme\/other/,
  ],
  [
    "a dispatched plan with another run's record",
    dispatchedPlan,
    { record: { ...planRecord, runId: 1 } },
    /started run 1, not run 5151/,
  ],
];

describe("judgePlanRun", () => {
  it.each([
    ["a pull_request run of this repository at the head", prRun, {}],
    ["a person's re-run of that pull_request run", { ...prRun, runAttempt: 2, triggeringActor: "bob" }, {}],
    [
      "a run listing this PR among others",
      {
        ...prRun,
        pullRequests: [
          { number: 7, headSha: OLD_SHA },
          { number: 12, headSha: HEAD },
        ],
      },
      {},
    ],
    ["the App's /plan dispatch", dispatchedPlan, { record: planRecord }],
  ] as const)("trusts %s", (_name, run: RunFacts, options: Partial<PlanJudgeOptions>) => {
    expect(judgePlanRun(run, { ...planOptions, ...options })).toEqual({ trusted: true });
  });

  it.each(PLAN_HOLES)("refuses %s", (_name, run, options, reason) => {
    const judged = judgePlanRun(run, { ...planOptions, ...options });
    expect(judged.trusted).toBe(false);
    if (!judged.trusted) expect(judged.reason).toMatch(reason);
  });
});

describe("nonceFromTitle", () => {
  it.each([
    [`infracrew apply s pr-1 apply ${SHA} n-${NONCE}`, NONCE],
    [`infracrew plan s pr-1 plan ${SHA}`, undefined],
    [`x n-${NONCE} `, undefined],
    [`x n-${NONCE}\n`, undefined],
    [`n-${NONCE}`, undefined],
    [`x  n-${NONCE.toUpperCase()}`, undefined],
    [`x n-${NONCE}0`, undefined],
    [`x\tn-${NONCE}`, undefined],
  ])("%j → %s", (title, expected) => {
    expect(nonceFromTitle(title)).toBe(expected);
  });

  const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

  it("reads the nonce after any prefix", () => {
    fc.assert(
      fc.property(fc.string(), hex32, (prefix, nonce) => nonceFromTitle(`${prefix} n-${nonce}`) === nonce),
    );
  });

  it("never reads one from a title not ending in exactly ` n-<32 lowercase hex>`", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (title) => {
        const nonce = nonceFromTitle(title);
        return nonce === undefined || (/^[0-9a-f]{32}$/.test(nonce) && title.endsWith(` n-${nonce}`));
      }),
    );
    fc.assert(
      fc.property(fc.string(), hex32, fc.string({ minLength: 1, maxLength: 1 }), (prefix, nonce, extra) => {
        return nonceFromTitle(`${prefix} n-${nonce}${extra}`) === undefined;
      }),
    );
  });
});

describe("runIdFromCallbackUrl", () => {
  const url = (id: string | number) =>
    `https://api.github.com/repos/acme/infra/actions/runs/${id}/deployment_protection_rule`;

  it.each([
    [url(4242), {}, 4242],
    [url(4242), { repo: "acme/infra" }, 4242],
    [url(4242), { repo: "Acme/Infra" }, 4242],
    [
      "https://ghe.example.com/api/v3/repos/acme/infra/actions/runs/7/deployment_protection_rule",
      { apiBaseUrl: "https://ghe.example.com/api/v3" },
      7,
    ],
    [url(4242), { repo: "acme/other" }, undefined],
    [url(4242), { apiBaseUrl: "https://ghe.example.com/api/v3" }, undefined],
    [url("04242"), {}, undefined],
    [url("42a"), {}, undefined],
    [url("-1"), {}, undefined],
    [url("99999999999999999"), {}, undefined],
    [`${url(4242)}?x=1`, {}, undefined],
    [`${url(4242)}#x`, {}, undefined],
    [`${url(4242)}/`, {}, undefined],
    [url(4242).replace("https:", "http:"), {}, undefined],
    [url(4242).replace("api.github.com", "api.github.com.evil.example"), {}, undefined],
    [url(4242).replace("api.github.com", "API.github.com"), {}, undefined],
    [url(4242).replace("https://", "https://user:pw@"), {}, undefined],
    [url(4242).replace("api.github.com", "api.github.com:443"), {}, undefined],
    [url(4242).replace("/repos/", "/repos/../repos/"), {}, undefined],
    [url(4242).replace("/acme/", "/ac%2Fme/"), {}, undefined],
    ["https://api.github.com/repos/acme/infra/actions/runs/4242/approvals", {}, undefined],
    ["https://api.github.com/repos/acme/infra/deployments/4242", {}, undefined],
    ["not a url", {}, undefined],
    ["", {}, undefined],
  ])("%s %j → %s", (input, expected, runId) => {
    expect(runIdFromCallbackUrl(input, expected)).toBe(runId);
  });

  it("reads any run id from a well-formed URL and nothing from a changed one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.string({ minLength: 1 }),
        (id, noise) => {
          expect(runIdFromCallbackUrl(url(id), { repo: REPO })).toBe(id);
          expect(runIdFromCallbackUrl(`${url(id)}${noise}`)).toBeUndefined();
          expect(runIdFromCallbackUrl(`${noise}${url(id)}`)).toBeUndefined();
        },
      ),
    );
  });

  const SHAPE =
    /^https:\/\/api\.github\.com\/repos\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/([1-9][0-9]*)\/deployment_protection_rule$/;

  it("never reads a run id from a URL of any other shape", () => {
    const onlyShaped = (candidate: string) => {
      const id = runIdFromCallbackUrl(candidate);
      if (id !== undefined) expect(SHAPE.exec(candidate)?.[1]).toBe(String(id));
    };
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), onlyShaped));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.nat(),
        fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (id, at, chars, remove) => {
          const valid = url(id);
          const cut = at % valid.length;
          onlyShaped(
            remove
              ? valid.slice(0, cut) + valid.slice(cut + chars.length)
              : valid.slice(0, cut) + chars + valid.slice(cut),
          );
        },
      ),
    );
  });
});

describe("runFactsFromPayload", () => {
  it("maps real workflow_run webhook payloads, with and without their newer fields", () => {
    const payloads = webhookExamples()
      .filter((g) => g.name === "workflow_run")
      .flatMap((g) => g.examples)
      .map((e) => e.workflow_run as WorkflowRunPayload);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(runFactsFromPayload(payload)).toEqual({
        id: payload.id,
        runAttempt: payload.run_attempt,
        event: payload.event,
        path: payload.path ?? "",
        headBranch: payload.head_branch,
        headSha: payload.head_sha,
        actor: payload.actor?.login ?? "",
        triggeringActor: payload.triggering_actor?.login ?? "",
        displayTitle: payload.display_title ?? "",
        repositoryId: payload.repository?.id,
        headRepositoryId: payload.head_repository?.id,
        pullRequests: (payload.pull_requests ?? []).map((pr) => ({
          number: pr?.number,
          headSha: pr?.head?.sha,
        })),
      });
    }
  });

  it("maps pull requests and skips malformed entries", () => {
    const facts = runFactsFromPayload({
      pull_requests: [{ number: 12, head: { sha: HEAD } }, null, { number: 13 }, { head: { sha: HEAD } }],
    });
    expect(facts.pullRequests).toEqual([{ number: 12, headSha: HEAD }]);
  });

  it("turns missing and null fields into facts no judge trusts", () => {
    const facts = runFactsFromPayload({
      id: 4242,
      actor: null,
      triggering_actor: null,
      head_branch: null,
      head_repository: null,
      pull_requests: null,
    });
    expect(facts).toEqual({
      id: 4242,
      runAttempt: 0,
      event: "",
      path: "",
      headBranch: null,
      headSha: "",
      actor: "",
      triggeringActor: "",
      displayTitle: "",
      repositoryId: 0,
      headRepositoryId: null,
      pullRequests: [],
    });
    expect(judgeApplyRun(facts, applyRecord, OPTIONS).trusted).toBe(false);
    expect(judgePlanRun(facts, planOptions).trusted).toBe(false);
    expect(judgeApplyRun(runFactsFromPayload({}), applyRecord, OPTIONS).trusted).toBe(false);
  });

  it("maps a trusted dispatch payload to facts the judge trusts", () => {
    const payload: WorkflowRunPayload = {
      id: 4242,
      run_attempt: 1,
      event: "workflow_dispatch",
      path: ".github/workflows/infracrew-apply.yml",
      head_branch: "main",
      head_sha: MAIN_SHA,
      actor: { login: APP },
      triggering_actor: { login: APP },
      display_title: applyRun.displayTitle,
      repository: { id: REPO_ID },
      head_repository: { id: REPO_ID },
      pull_requests: [],
    };
    expect(runFactsFromPayload(payload)).toEqual(applyRun);
    expect(judgeApplyRun(runFactsFromPayload(payload), applyRecord, OPTIONS)).toEqual({ trusted: true });
  });
});
