import nock from "nock";
import { describe, expect, it } from "vitest";
import type { MessageRef } from "../../../app/conductor/pr-state.js";
import { parseSlackUsers } from "../../../app/platform/slack/slack-config.js";
import { runEvent } from "../../../app/runtime/run-event.js";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { readPolicy } from "../../../app/contracts/policy-intake.js";
import { slackConfigFromEnv } from "../../../app/platform/slack/slack-config.js";
import type { SlackNotifier } from "../../../app/platform/slack/slack-notifier.js";
import { createSlackNotifier } from "../../../app/platform/slack/slack-notifier.js";
import { renderReviewMessage } from "../../../app/render/slack/review-message.js";
import { goalPr, SLACK_CONFIG } from "../../support/goal-pr.js";
import { memoryLog } from "../../support/memory-log.js";
import { actor, prState } from "../../support/pr-states.js";
import { slackMethod, strictNock } from "../../support/strict-nock.js";
import { useTestStore } from "../../support/test-stores.js";
import { pullBody } from "../github-fixtures.js";

strictNock();
const storeOf = useTestStore("pglite");

const TOKEN = "xoxb-test-token";
const ref = { channel: "C024BE91L", ts: "1700000000.000100" };
const repo = "acme/infra";

function policyFrom(text: string) {
  const read = readPolicy(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}
const policy = policyFrom(SLACK_CONFIG);

function notifier(): SlackNotifier {
  return createSlackNotifier({ botToken: TOKEN, users: {} }, memoryLog())!;
}

const PR = (() => {
  const b = pullBody(12, { headSha: "a".repeat(40), branch: "infracrew/checkout-api" });
  return {
    number: 12,
    url: b.html_url,
    headSha: b.head.sha,
    headRef: b.head.ref,
    baseRef: "main",
    title: b.title,
    body: "",
    state: "open" as const,
    merged: false,
    labels: [],
    author: "infracrew[bot]",
  };
})();

function input(state: PrState, p = policy, message?: MessageRef) {
  return { repo, pr: PR, state, policy: p, ...(message ? { message } : {}) };
}

describe("Slack configuration", () => {
  it("is off without a bot token, and reads the variables trimmed", () => {
    expect(createSlackNotifier(slackConfigFromEnv({}), memoryLog())).toBeUndefined();
    expect(
      slackConfigFromEnv({ SLACK_BOT_TOKEN: " xoxb-1 ", SLACK_SIGNING_SECRET: "", PATH: "/bin" }),
    ).toEqual({
      botToken: "xoxb-1",
      users: {},
    });
  });

  it("reads the Slack identity map from the App's environment, never from a repository", () => {
    expect(slackConfigFromEnv({ INFRACREW_SLACK_USERS: " U024BE7LH=alice, W0G9QF9C6=bob-2 " }).users).toEqual(
      {
        U024BE7LH: "alice",
        W0G9QF9C6: "bob-2",
      },
    );
    expect(parseSlackUsers("U024BE7LH=alice\nU0BOB=bob\n")).toEqual({ U024BE7LH: "alice", U0BOB: "bob" });
  });

  it.each([
    ["no login", "U024BE7LH="],
    ["not a Slack user id", "alice=U024BE7LH"],
    ["a login GitHub would refuse", "U024BE7LH=-alice"],
    ["two equals signs", "U024BE7LH=alice=admin"],
    ["one id mapped twice", "U024BE7LH=alice,U024BE7LH=erin"],
  ])("refuses a malformed map (%s) at start, naming the entry", (_name, text) => {
    expect(() => slackConfigFromEnv({ INFRACREW_SLACK_USERS: text })).toThrow(/INFRACREW_SLACK_USERS/);
  });
});

describe("the Slack review message", () => {
  it("is posted to the policy's channel when a PR waits for approval", async () => {
    const bodies: Record<string, unknown>[] = [];
    slackMethod("chat.postMessage", { ok: true, channel: ref.channel, ts: ref.ts }, bodies);
    const state = prState("WAIT_FOR_APPROVE");
    expect(await notifier().sync(input(state))).toEqual(ref);
    const expected = renderReviewMessage(input(state));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toEqual({
      channel: "#infra-reviews",
      text: expected.text,
      blocks: JSON.stringify(expected.blocks),
      unfurl_links: "false",
      unfurl_media: "false",
    });
  });

  it.each(["APPLYING", "ROLLBACK", "DONE"] as const)(
    "is updated in place when the PR moves to %s",
    async (s) => {
      const bodies: Record<string, unknown>[] = [];
      slackMethod("chat.update", { ok: true, channel: ref.channel, ts: ref.ts }, bodies);
      const state = prState(s);
      expect(await notifier().sync(input(state, policy, ref))).toEqual(ref);
      const expected = renderReviewMessage(input(state));
      expect(bodies).toEqual([
        { channel: ref.channel, ts: ref.ts, text: expected.text, blocks: JSON.stringify(expected.blocks) },
      ]);
    },
  );

  it.each(["PENDING", "VALIDATING", "BLOCKED"] as const)("is not posted for a PR in %s", async (s) => {
    expect(await notifier().sync(input(prState(s)))).toBeUndefined();
  });

  it("is not posted without a channel in the policy", async () => {
    expect(await notifier().sync(input(prState("WAIT_FOR_APPROVE"), policyFrom("{}")))).toBeUndefined();
  });

  it("is posted again when the old one was deleted", async () => {
    const bodies: Record<string, unknown>[] = [];
    slackMethod("chat.update", { ok: false, error: "message_not_found" });
    slackMethod("chat.postMessage", { ok: true, channel: ref.channel, ts: "1700000099.000200" }, bodies);
    const state = prState("APPLYING");
    expect(await notifier().sync(input(state, policy, ref))).toEqual({
      channel: ref.channel,
      ts: "1700000099.000200",
    });
    expect(bodies[0]).toMatchObject({ channel: "#infra-reviews" });
  });

  it("throws other Slack errors for the runner to log", async () => {
    slackMethod("chat.update", { ok: false, error: "invalid_auth" });
    await expect(notifier().sync(input(prState("DONE"), policy, ref))).rejects.toThrow(/invalid_auth/);
  });
});

describe("a Slack outage", () => {
  it("is logged while the approval goes on to apply", async () => {
    nock("https://slack.com").post("/api/chat.update").reply(503, "upstream connect error");
    const waiting = prState("WAIT_FOR_APPROVE");
    const { deps, pr, platform, log } = await goalPr(waiting, { store: storeOf(), notifier: notifier() });
    const key = { repo, pr: pr.number };
    await storeOf().read.saveProjection(key, { ...(await storeOf().read.loadProjection(key)), slack: ref });
    const final = await runEvent(
      deps,
      { pr, policy, defaultBranch: "main" },
      {
        type: "approve",
        actor: actor(),
        eventId: "comment:5",
        via: "comment",
      },
    );
    expect(final?.state).toBe("APPLYING");
    expect(platform.actions.dispatches.map((d) => d.inputs.mode)).toEqual(["apply"]);
    expect(log.lines.filter((l) => l.level === "error").map((l) => l.message)).toEqual([
      "Slack sync failed; GitHub flow goes on",
    ]);
  });
});
