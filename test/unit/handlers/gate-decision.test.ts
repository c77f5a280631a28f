import { describe, expect, it } from "vitest";
import type { RunFacts } from "../../../app/conductor/run-trust.js";
import {
  decideApplyRun,
  protectionRuleReview,
  type GateDecisionDeps,
} from "../../../app/handlers/gate-decision.js";
import { APPROVED_SHA, applyDispatch, fakeGateStore, GATE_NONCE } from "../../support/fake-gate-store.js";

const APP = "infracrew[bot]";
const NOW = new Date("2026-11-27T12:00:00Z");

const appRun: RunFacts = {
  id: 4242,
  runAttempt: 1,
  event: "workflow_dispatch",
  path: ".github/workflows/infracrew-apply.yml",
  headBranch: "main",
  headSha: "3".repeat(40),
  actor: APP,
  triggeringActor: APP,
  displayTitle: `infracrew apply orders-api pr-12 apply ${APPROVED_SHA} n-${GATE_NONCE}`,
  repositoryId: 4200,
  headRepositoryId: 4200,
  pullRequests: [],
};

function setup(...args: Parameters<typeof fakeGateStore>) {
  const fake = fakeGateStore(...args);
  const deps: GateDecisionDeps = {
    store: fake.store,
    audit: fake.recordAudit,
    clock: () => NOW,
    appLogin: APP,
  };
  const protectionRule = (run: RunFacts, repository = "acme/infra") =>
    decideApplyRun({ via: "protection-rule", repository, run }, deps);
  return { ...fake, deps, protectionRule };
}

describe("decideApplyRun, on a deployment protection rule request", () => {
  it("approves the App's run, records the answer on the dispatch, and audits it", async () => {
    const gate = setup();
    const decision = await gate.protectionRule(appRun);
    expect(decision).toEqual({
      approved: true,
      repeat: false,
      dispatch: applyDispatch(),
      reason: `run 4242 attempt 1 is the App's apply of acme/infra#12 (orders-api at 1111111, dispatch n-${GATE_NONCE})`,
    });
    expect(gate.record()?.gate).toEqual({
      runId: 4242,
      runAttempt: 1,
      answer: "approved",
      at: NOW.toISOString(),
    });
    expect(gate.audit).toEqual([
      {
        via: "protection-rule",
        repo: "acme/infra",
        pr: 12,
        nonce: GATE_NONCE,
        runId: 4242,
        runAttempt: 1,
        answer: "approved",
        repeat: false,
        reason: decision.reason,
        at: NOW.toISOString(),
      },
    ]);
  });

  it("answers a second request for the same run and attempt the same way, changing nothing (one per job)", async () => {
    const gate = setup();
    await gate.protectionRule(appRun);
    const again = await gate.protectionRule(appRun);
    expect(again).toMatchObject({ approved: true, repeat: true });
    expect(gate.answers.map((a) => a.outcome)).toEqual(["recorded", "already-answered-same"]);
    expect(gate.record()?.gate?.runId).toBe(4242);
    expect(gate.audit.map((e) => [e.answer, e.repeat])).toEqual([
      ["approved", false],
      ["approved", true],
    ]);
  });

  it("rejects a hand-dispatched run naming the dispatch, without using the dispatch up", async () => {
    const gate = setup();
    const mallory = { ...appRun, id: 4241, actor: "mallory", triggeringActor: "mallory" };
    expect(await gate.protectionRule(mallory)).toEqual({
      approved: false,
      reason:
        "run 4241 was dispatched by @mallory, not by the App (@infracrew[bot]): only runs the App dispatched may apply",
      dispatch: applyDispatch(),
    });
    expect(gate.answers).toEqual([]);
    expect(gate.record()?.gate).toBeNull();
    expect(gate.audit[0]).toMatchObject({ answer: "rejected", runId: 4241, pr: 12 });
    expect(await gate.protectionRule(appRun)).toMatchObject({ approved: true });
  });

  it("rejects a person's re-run of the approved run", async () => {
    const gate = setup();
    await gate.protectionRule(appRun);
    const rerun = await gate.protectionRule({ ...appRun, runAttempt: 2, triggeringActor: "mallory" });
    expect(rerun).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/attempt 2 was started by @mallory/),
    });
  });

  it("rejects a second run of the App's for a dispatch already answered", async () => {
    const gate = setup();
    await gate.protectionRule(appRun);
    const second = await gate.protectionRule({ ...appRun, id: 4343 });
    expect(second).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/already answered \(approved\) for run 4242 attempt 1/),
    });
  });

  it("lets exactly one of two runs racing for one dispatch through (compare-and-set)", async () => {
    const gate = setup();
    const [a, b] = await Promise.all([
      gate.protectionRule(appRun),
      gate.protectionRule({ ...appRun, id: 4343 }),
    ]);
    expect([a.approved, b.approved].sort()).toEqual([false, true]);
    const loser = a.approved ? b : a;
    expect(loser.reason).toMatch(/answered for another run while run \d+ was being checked/);
    expect(gate.answers.map((x) => x.outcome).sort()).toEqual(["answered-other", "recorded"]);
  });

  it("rejects a run whose title names no nonce without looking for a record", async () => {
    const gate = setup();
    const decision = await gate.protectionRule({ ...appRun, displayTitle: "deploy" });
    expect(decision).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/names no dispatch nonce/),
    });
    expect(gate.lookups).toEqual([]);
    expect(gate.audit[0]).toMatchObject({ nonce: null, pr: null, answer: "rejected" });
  });

  it("rejects a run in a repository the App does not serve", async () => {
    const gate = setup();
    expect(await gate.protectionRule(appRun, "mallory/infra")).toEqual({
      approved: false,
      reason: "the App does not serve mallory/infra, so it dispatched nothing there",
    });
  });

  it("rejects a run in another served repository naming this repository's dispatch", async () => {
    const gate = setup(undefined, { "acme/infra": "main", "acme/other": "main" });
    const decision = await gate.protectionRule(appRun, "acme/other");
    expect(decision).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/never recorded for acme\/other/),
    });
  });

  it("approves a rollback with its target", async () => {
    const rollback = applyDispatch({ mode: "rollback", targetSha: "4".repeat(40), plan: null });
    const gate = setup([rollback]);
    const decision = await gate.protectionRule({
      ...appRun,
      displayTitle: `infracrew apply orders-api pr-12 rollback ${APPROVED_SHA} n-${GATE_NONCE}`,
    });
    expect(decision).toMatchObject({ approved: true, dispatch: rollback });
  });

  it("turns a decision into the protection rule review body", async () => {
    const gate = setup();
    expect(
      protectionRuleReview(await gate.protectionRule({ ...appRun, event: "push" }), "infracrew-apply"),
    ).toEqual({
      environment_name: "infracrew-apply",
      state: "rejected",
      comment:
        'Infracrew: run 4242 was started by a "push" event, not by the App\'s workflow_dispatch: only runs the App dispatched may apply',
    });
    expect(protectionRuleReview(await gate.protectionRule(appRun), "infracrew-apply").state).toBe("approved");
  });
});

describe("decideApplyRun, on verified OIDC claims", () => {
  const claims = {
    repository: "acme/infra",
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

  it("approves the App's run once, then the same run again, and no other", async () => {
    const gate = setup();
    const oidc = (c: typeof claims) =>
      decideApplyRun({ via: "oidc", claims: c, nonce: GATE_NONCE }, gate.deps);
    expect(await oidc(claims)).toMatchObject({ approved: true, repeat: false });
    expect(await oidc(claims)).toMatchObject({ approved: true, repeat: true });
    expect(await oidc({ ...claims, run_id: "4343" })).toMatchObject({ approved: false });
    expect(gate.audit.map((e) => [e.via, e.runId, e.answer])).toEqual([
      ["oidc", 4242, "approved"],
      ["oidc", 4242, "approved"],
      ["oidc", 4343, "rejected"],
    ]);
  });

  it("refuses claims naming no repository", async () => {
    const gate = setup();
    const decision = await decideApplyRun(
      { via: "oidc", claims: { ...claims, repository: undefined }, nonce: GATE_NONCE },
      gate.deps,
    );
    expect(decision).toEqual({ approved: false, reason: "the request names no repository" });
  });
});
