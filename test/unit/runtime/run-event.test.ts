import { describe, expect, it } from "vitest";
import type { ConductorObserver, ReviewNotifier } from "../../../app/conductor/deps.js";
import type { ConductorEvent } from "../../../app/conductor/events.js";
import type { Observation } from "../../../app/conductor/observations.js";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { readPolicy } from "../../../app/contracts/policy-intake.js";
import { runEvent, StateConflict } from "../../../app/runtime/run-event.js";
import { goalPr, PR_NUMBER, SLACK_CONFIG } from "../../support/goal-pr.js";
import { actor, NONCE_APPLY, prState, SHA_A } from "../../support/pr-states.js";
import { useTestStore } from "../../support/test-stores.js";

const policy = (() => {
  const read = readPolicy(SLACK_CONFIG);
  if (!read.ok) throw new Error("bad config");
  return read.value;
})();
const ref = { channel: "C024BE91L", ts: "1700000000.000100" };
const approve: ConductorEvent = { type: "approve", actor: actor(), eventId: "comment:5", via: "comment" };
const KEY = { repo: "acme/infra", pr: PR_NUMBER };

function notifier(sync: ReviewNotifier["sync"]): ReviewNotifier & { seen: PrState[] } {
  const seen: PrState[] = [];
  return {
    seen,
    sync: (input) => {
      seen.push(input.state);
      return sync(input);
    },
  };
}

const storeOf = useTestStore("pglite");

describe("the runner and the review notifier (through the projector)", () => {
  it("keeps where the Slack message lives in the projection's bookkeeping, not in the state", async () => {
    const slack = notifier(async () => ref);
    const { deps, pr } = await goalPr(prState("WAIT_FOR_APPROVE"), { store: storeOf(), notifier: slack });
    const final = await runEvent(deps, { pr, policy, defaultBranch: "main" }, approve);
    expect(final).toMatchObject({ state: "APPLYING" });
    expect(slack.seen.map((s) => s.state)).toEqual(["APPLYING"]);
    expect(await storeOf().read.loadProjection(KEY)).toMatchObject({ slack: ref });
  });

  it("does not wait on a Slack that does not answer", async () => {
    const slack = notifier(() => new Promise(() => undefined));
    const { deps, pr, log } = await goalPr(prState("WAIT_FOR_APPROVE"), {
      store: storeOf(),
      notifier: slack,
      notifierTimeoutMs: 30,
    });
    const started = performance.now();
    const final = await runEvent(deps, { pr, policy, defaultBranch: "main" }, approve);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(final?.state).toBe("APPLYING");
    expect(await storeOf().read.loadProjection(KEY)).not.toHaveProperty("slack");
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: "warn", message: "Slack sync timed out; GitHub flow goes on" }),
    );
  });

  it("logs a Slack failure and goes on", async () => {
    const slack = notifier(async () => {
      throw new Error("An API error occurred: channel_not_found");
    });
    const { deps, pr, platform, log } = await goalPr(prState("WAIT_FOR_APPROVE"), {
      store: storeOf(),
      notifier: slack,
    });
    const final = await runEvent(deps, { pr, policy, defaultBranch: "main" }, approve);
    expect(final?.state).toBe("APPLYING");
    expect(platform.actions.dispatches).toHaveLength(1);
    expect(log.lines).toContainEqual({
      level: "error",
      message: "Slack sync failed; GitHub flow goes on",
      details: { pr: PR_NUMBER, stack: "checkout-api", err: "An API error occurred: channel_not_found" },
    });
  });

  it("hands the notifier the message it already has", async () => {
    const seen: unknown[] = [];
    const { deps, pr } = await goalPr(prState("WAIT_FOR_APPROVE"), {
      store: storeOf(),
      notifier: {
        sync: async (input) => {
          seen.push(input.message);
          return input.message ?? ref;
        },
      },
    });
    await storeOf().read.saveProjection(KEY, { slack: ref });
    await runEvent(deps, { pr, policy, defaultBranch: "main" }, approve);
    expect(seen).toEqual([ref]);
  });
});

describe("the runner's state of record", () => {
  it("writes the new state with compare-and-swap, the dispatch record before the dispatch, and the lock", async () => {
    const { deps, pr, platform } = await goalPr(prState("WAIT_FOR_APPROVE"), { store: storeOf() });
    await runEvent(deps, { pr, policy, defaultBranch: "main" }, approve);
    const loaded = await storeOf().read.loadPr(KEY);
    expect(loaded).toMatchObject({ version: 2, state: { state: "APPLYING" } });
    const nonce = loaded!.state.apply!.nonce;
    expect(await storeOf().read.getDispatch(nonce)).toMatchObject({
      mode: "apply",
      sha: SHA_A,
      ref: "main",
      runId: expect.any(Number),
    });
    expect(platform.actions.dispatches[0]?.inputs).toMatchObject({ nonce, mode: "apply" });
    expect(await storeOf().read.getLock("acme/infra", "checkout-api")).toMatchObject({ pr: PR_NUMBER });
  });

  it("runs the event again when another writer changed the state meanwhile, and gives up after a few tries", async () => {
    const { deps, pr } = await goalPr(prState("WAIT_FOR_APPROVE"), { store: storeOf() });
    const store = storeOf();
    let conflicts = 0;
    // A store whose compare-and-swap always loses: another replica keeps writing first.
    const losing = {
      ...store,
      transaction: <T>(fn: Parameters<typeof store.transaction<T>>[0]) =>
        store.transaction((tx) =>
          fn({
            ...tx,
            savePr: async () => {
              conflicts++;
              return false;
            },
          }),
        ),
    };
    await expect(
      runEvent({ ...deps, store: losing }, { pr, policy, defaultBranch: "main" }, approve),
    ).rejects.toThrow(StateConflict);
    expect(conflicts).toBe(5);
    expect((await store.read.loadPr(KEY))?.version).toBe(1);
    expect(await store.read.getLock("acme/infra", "checkout-api")).toBeUndefined();
  });
});

describe("the runner and the metrics observer", () => {
  it("reports a finished apply, with its duration, after the state is written", async () => {
    const observed: Observation[] = [];
    const transitions: string[] = [];
    const observer: ConductorObserver = {
      transition: (from, to) => void transitions.push(`${from}→${to}`),
      opsEvent: () => undefined,
      agentSucceeded: () => undefined,
      observed: (o) => void observed.push(o),
      llmTokens: () => undefined,
    };
    const applying = prState("APPLYING");
    const { deps, pr } = await goalPr(applying, { store: storeOf(), observer, now: "2026-11-27T12:07:30Z" });
    await runEvent(
      deps,
      {
        pr,
        policy: { ...policy, apply: { ...policy.apply, mergeAfterApply: false } },
        defaultBranch: "main",
      },
      {
        type: "apply-completed",
        runId: "77",
        nonce: NONCE_APPLY,
        mode: "apply",
        sha: SHA_A,
        status: "failure",
      },
    );
    expect(transitions).toEqual(["APPLYING→ROLLBACK"]);
    expect(observed).toEqual([{ type: "run-finished", mode: "apply", status: "failure", seconds: 450 }]);
  });
});
