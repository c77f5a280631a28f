import { describe, expect, it } from "vitest";
import type { ConductorObserver, ReviewNotifier } from "../../../app/conductor/deps.js";
import { runEvent } from "../../../app/conductor/effect-runner.js";
import type { ConductorEvent } from "../../../app/conductor/events.js";
import type { Observation } from "../../../app/conductor/observations.js";
import { decodeState, type PrState } from "../../../app/conductor/pr-state.js";
import { readPolicy } from "../../../app/contracts/policy-intake.js";
import { MARKERS } from "../../../app/render/markers.js";
import { goalPr, PR_NUMBER, SLACK_CONFIG } from "../../support/goal-pr.js";
import { actor, prState, SHA_A } from "../../support/pr-states.js";

const policy = (() => {
  const read = readPolicy(SLACK_CONFIG);
  if (!read.ok) throw new Error("bad config");
  return read.value;
})();
const ref = { channel: "C024BE91L", ts: "1700000000.000100" };
const approve: ConductorEvent = { type: "approve", actor: actor(), eventId: "comment:5", via: "comment" };

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

async function stickyState(platform: {
  findComment(n: number, m: string): Promise<{ body: string } | undefined>;
}) {
  const sticky = await platform.findComment(PR_NUMBER, MARKERS.sticky);
  return decodeState(sticky!.body);
}

describe("the effect runner and the review notifier", () => {
  it("keeps where the Slack message lives in the sticky comment", async () => {
    const slack = notifier(async () => ref);
    const { deps, pr, platform } = goalPr(prState("WAIT_FOR_APPROVE"), { notifier: slack });
    const final = await runEvent(deps, { pr, policy }, prState("WAIT_FOR_APPROVE"), approve);
    expect(final).toMatchObject({ state: "APPLYING", slack: ref });
    expect(slack.seen.map((s) => s.state)).toEqual(["APPLYING"]);
    expect(await stickyState(platform)).toMatchObject({ state: "APPLYING", slack: ref });
  });

  it("does not wait on a Slack that does not answer", async () => {
    const slack = notifier(() => new Promise(() => undefined));
    const { deps, pr, platform, log } = goalPr(prState("WAIT_FOR_APPROVE"), {
      notifier: slack,
      notifierTimeoutMs: 30,
    });
    const started = performance.now();
    const final = await runEvent(deps, { pr, policy }, prState("WAIT_FOR_APPROVE"), approve);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(final.state).toBe("APPLYING");
    expect(final.slack).toBeUndefined();
    expect((await stickyState(platform))?.state).toBe("APPLYING");
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: "warn", message: "Slack sync timed out; GitHub flow goes on" }),
    );
  });

  it("logs a Slack failure and goes on", async () => {
    const slack = notifier(async () => {
      throw new Error("An API error occurred: channel_not_found");
    });
    const { deps, pr, platform, log } = goalPr(prState("WAIT_FOR_APPROVE"), { notifier: slack });
    const final = await runEvent(deps, { pr, policy }, prState("WAIT_FOR_APPROVE"), approve);
    expect(final.state).toBe("APPLYING");
    expect(platform.actions.dispatches).toHaveLength(1);
    expect(log.lines).toContainEqual({
      level: "error",
      message: "Slack sync failed; GitHub flow goes on",
      details: { pr: PR_NUMBER, stack: "checkout-api", err: "An API error occurred: channel_not_found" },
    });
  });

  it("keeps the message reference it already had", async () => {
    const waiting = { ...prState("WAIT_FOR_APPROVE"), slack: ref };
    const { deps, pr } = goalPr(waiting, { notifier: notifier(async () => ref) });
    const final = await runEvent(deps, { pr, policy }, waiting, approve);
    expect(final.slack).toEqual(ref);
  });
});

describe("the effect runner and the metrics observer", () => {
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
    const { deps, pr } = goalPr(applying, { observer, now: "2026-11-27T12:07:30Z" });
    await runEvent(
      deps,
      { pr, policy: { ...policy, apply: { ...policy.apply, mergeAfterApply: false } } },
      applying,
      {
        type: "apply-completed",
        runId: "77",
        mode: "apply",
        sha: SHA_A,
        status: "failure",
      },
    );
    expect(transitions).toEqual(["APPLYING→ROLLBACK"]);
    expect(observed).toEqual([{ type: "run-finished", mode: "apply", status: "failure", seconds: 450 }]);
  });
});
