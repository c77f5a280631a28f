import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { Permission } from "../../../app/conductor/approval-gate.js";
import { decodeState, type PrState } from "../../../app/conductor/pr-state.js";
import { slackHandlers } from "../../../app/handlers/slack/slack-handlers.js";
import { slackSignature } from "../../../app/handlers/slack/verify-signature.js";
import type { FakePlatform } from "../../../app/platform/fake-platform.js";
import { createSlackNotifier } from "../../../app/platform/slack/slack-notifier.js";
import { MARKERS } from "../../../app/render/markers.js";
import { goalPr, PR_NUMBER } from "../../support/goal-pr.js";
import { memoryLog } from "../../support/memory-log.js";
import { prState, SHA_A, SHA_B } from "../../support/pr-states.js";
import { serve } from "../../support/serve.js";
import { slackMethod, strictNock } from "../../support/strict-nock.js";
import { SLACK_VECTOR } from "../../support/slack-vector.js";
import { effectRunnerApplyInputs } from "../../support/workflow-run-name.js";

strictNock({ allowLoopback: true });

const SECRET = "test-signing-secret";
const NOW = new Date("2026-11-27T12:05:00Z");
const NOW_SECONDS = String(NOW.getTime() / 1000);
const RESPONSE_PATH = "/actions/T0ACME/1234567890/abcdefABCDEF";
const RESPONSE_URL = `https://hooks.slack.com${RESPONSE_PATH}`;
const ref = { channel: "C024BE91L", ts: "1700000000.000100" };

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

interface Setup {
  readonly permissions?: Record<string, Permission>;
  readonly notify?: boolean;
  readonly resolveDelayMs?: number;
  readonly answerWithinMs?: number;
  readonly clock?: Date;
  readonly secret?: string;
}

async function setup(state: PrState, options: Setup = {}) {
  const log = memoryLog();
  const notifier = options.notify ? createSlackNotifier({ botToken: "xoxb-test-token" }, log) : undefined;
  const scenario = goalPr(state, {
    ...(notifier ? { notifier } : {}),
    ...(options.permissions ? { permissions: options.permissions } : {}),
  });
  const tasks: Promise<void>[] = [];
  const handlers = slackHandlers(
    { signingSecret: options.secret ?? SECRET },
    {
      resolveRepo: async (owner, repo) => {
        await new Promise((r) => setTimeout(r, options.resolveDelayMs ?? 0));
        return owner === "acme" && repo === "infra" ? scenario.deps : undefined;
      },
      log,
      clock: () => options.clock ?? NOW,
      defer: (task) => void tasks.push(task()),
      ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}),
    },
  );
  const server = await serve(handlers);
  closeServer = server.close;
  const post = (path: string, body: string, headers?: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: headers ?? {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": NOW_SECONDS,
        "x-slack-signature": slackSignature(SECRET, NOW_SECONDS, body),
      },
      body,
    });
  return { ...scenario, log, post, url: server.url, settled: () => Promise.all(tasks) };
}

/** The private replies Slack's response_url receives. */
function responseUrl(): Record<string, unknown>[] {
  const replies: Record<string, unknown>[] = [];
  nock("https://hooks.slack.com")
    .post(RESPONSE_PATH, (body: Record<string, unknown>) => {
      replies.push(body);
      return true;
    })
    .reply(200, "ok");
  return replies;
}

const ephemeral = (text: string) => ({ response_type: "ephemeral", replace_original: false, text });

function click(action: "infracrew_approve" | "infracrew_reject", user: string, sha = SHA_A): string {
  const payload = {
    type: "block_actions",
    user: { id: user, username: "someone", team_id: "T0ACME" },
    team: { id: "T0ACME", domain: "acme" },
    api_app_id: "A0INFRACREW",
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    response_url: RESPONSE_URL,
    container: { type: "message", message_ts: ref.ts, channel_id: ref.channel, is_ephemeral: false },
    channel: { id: ref.channel, name: "infra-reviews" },
    actions: [
      {
        action_id: action,
        block_id: "infracrew_review",
        type: "button",
        value: JSON.stringify({ repo: "acme/infra", pr: PR_NUMBER, sha }),
        action_ts: "1764245100.000200",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function command(text: string, user = "U0BOB"): string {
  return new URLSearchParams({
    token: "unused-verification-token",
    team_id: "T0ACME",
    channel_id: ref.channel,
    user_id: user,
    command: "/infracrew",
    text,
    response_url: RESPONSE_URL,
    trigger_id: "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  }).toString();
}

/** Every comment body on the PR, oldest first (the sticky comment is the first). */
function bodies(platform: FakePlatform): string[] {
  return platform.issues.commentsOn(PR_NUMBER).map((c) => c.body);
}

async function stateOf(platform: {
  findComment(n: number, m: string): Promise<{ body: string } | undefined>;
}) {
  return decodeState((await platform.findComment(PR_NUMBER, MARKERS.sticky))!.body);
}

describe("every Slack request is verified", () => {
  it("accepts Slack's documented example at its own time", async () => {
    const { post } = await setup(prState("WAIT_FOR_APPROVE"), {
      secret: SLACK_VECTOR.secret,
      clock: new Date(Number(SLACK_VECTOR.timestamp) * 1000),
    });
    const res = await post("/slack/commands", SLACK_VECTOR.body, {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": SLACK_VECTOR.timestamp,
      "x-slack-signature": SLACK_VECTOR.signature,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/^Usage:/),
    });
  });

  const vector = {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": SLACK_VECTOR.timestamp,
    "x-slack-signature": SLACK_VECTOR.signature,
  };
  const { "x-slack-signature": _s, ...unsigned } = vector;
  const { "x-slack-request-timestamp": _t, ...undated } = vector;

  it.each([
    [
      "a replay of that example 6 minutes later",
      360,
      SLACK_VECTOR.body,
      vector,
      "timestamp outside the 5-minute window",
    ],
    ["a tampered body", 0, SLACK_VECTOR.body.replace("text=", "text=status"), vector, "signature mismatch"],
    ["a missing signature", 0, SLACK_VECTOR.body, unsigned, "missing X-Slack-Signature header"],
    ["a missing timestamp", 0, SLACK_VECTOR.body, undated, "missing X-Slack-Request-Timestamp header"],
  ])("refuses %s with 401", async (_name, laterSeconds, body, headers, reason) => {
    const { post, log } = await setup(prState("WAIT_FOR_APPROVE"), {
      secret: SLACK_VECTOR.secret,
      clock: new Date((Number(SLACK_VECTOR.timestamp) + laterSeconds) * 1000),
    });
    const res = await post("/slack/commands", body, headers);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe(reason);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: "warn", message: "Slack request refused" }),
    );
  });

  it("refuses an unsigned button click, before reading its payload", async () => {
    const { post } = await setup(prState("WAIT_FOR_APPROVE"));
    const res = await post("/slack/actions", click("infracrew_approve", "U0BOB"), {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": NOW_SECONDS,
      "x-slack-signature": `v0=${"0".repeat(64)}`,
    });
    expect(res.status).toBe(401);
  });

  it("routes only its own paths, and only POST", async () => {
    const { url } = await setup(prState("WAIT_FOR_APPROVE"));
    expect((await fetch(`${url}/slack/actions`)).status).toBe(405);
    expect((await fetch(`${url}/slack/commands`)).status).toBe(405);
    expect((await fetch(`${url}/slack/other`, { method: "POST" })).status).toBe(404);
  });
});

describe("a click on Approve in Slack", () => {
  it("is mirrored on the PR, approved through the gate, applied, and the message updated", async () => {
    const waiting = { ...prState("WAIT_FOR_APPROVE"), slack: ref };
    const { post, platform, settled } = await setup(waiting, { notify: true });
    const updates: Record<string, unknown>[] = [];
    slackMethod("chat.update", { ok: true, channel: ref.channel, ts: ref.ts }, updates);
    const replies = responseUrl();

    const res = await post("/slack/actions", click("infracrew_approve", "U0BOB"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await settled();

    expect(bodies(platform).slice(1)).toEqual(["/approve — via Slack by @bob"]);
    const mirror = platform.issues.commentsOn(PR_NUMBER)[1]!;
    expect(platform.issues.reactions).toEqual([{ commentId: mirror.id, content: "eyes" }]);
    expect(platform.actions.dispatches).toEqual([
      {
        file: "infracrew-apply.yml",
        ref: "main",
        inputs: effectRunnerApplyInputs("acme/infra", {
          pr: 12,
          sha: SHA_A,
          stack: "checkout-api",
          mode: "apply",
          targetSha: null,
        }),
      },
    ]);
    const after = await stateOf(platform);
    expect(after).toMatchObject({ state: "APPLYING", slack: ref });
    expect(after?.approvals).toEqual([
      { login: "bob", sha: SHA_A, at: "2026-11-27T12:05:00Z", via: "slack" },
    ]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ channel: ref.channel, ts: ref.ts });
    expect(JSON.parse(String(updates[0]!.blocks))[0].text.text).toBe("🚀 Applying · checkout-api");
    expect(replies).toEqual([
      ephemeral(
        "`/approve` accepted. Now: *<https://github.com/acme/infra/pull/12|acme/infra#12>* `checkout-api`: 🚀 Applying · head `aaaaaaa` · Sentinel PASS · approvals 1/1",
      ),
    ]);
  });

  it("on a message older than the PR's head does nothing", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    await post("/slack/actions", click("infracrew_approve", "U0BOB", SHA_B));
    await settled();
    expect(bodies(platform)).toHaveLength(1);
    expect(replies).toEqual([
      ephemeral(
        "This message is out of date: it shows `bbbbbbb`, but acme/infra#12 is now at `aaaaaaa`. Nothing was done.",
      ),
    ]);
  });

  it("by a Slack user with no GitHub login gets a private reply saying how to map one", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    await post("/slack/actions", click("infracrew_approve", "U0NOBODY"));
    await settled();
    expect(bodies(platform)).toHaveLength(1);
    expect(replies).toEqual([
      ephemeral(
        "Your Slack account (U0NOBODY) is not mapped to a GitHub login for acme/infra. Add `U0NOBODY: <your-login>` under `slack.users` in its .github/infracrew.yml.",
      ),
    ]);
  });

  it("by someone the gate refuses gets the gate's reason privately, and the PR is untouched", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    await post("/slack/actions", click("infracrew_approve", "U0MALLORY"));
    await settled();
    expect(bodies(platform)).toHaveLength(1);
    expect(platform.actions.dispatches).toEqual([]);
    expect(replies).toEqual([
      ephemeral("Refused: @mallory has read permission; to approve you need write or more."),
    ]);
  });
});

describe("a click on Reject in Slack", () => {
  it("posts the refusal on the PR and moves nothing", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    await post("/slack/actions", click("infracrew_reject", "U0BOB"));
    await settled();
    expect(bodies(platform).slice(1)).toEqual([
      "Rejected — via Slack by @bob. Nothing is applied; push a change, or `/approve` once it is right.",
    ]);
    expect((await stateOf(platform))?.state).toBe("WAIT_FOR_APPROVE");
    expect(replies).toEqual([ephemeral("Your rejection is posted on acme/infra#12. Nothing is applied.")]);
  });

  it("by someone who may not approve is refused", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    await post("/slack/actions", click("infracrew_reject", "U0MALLORY"));
    await settled();
    expect(bodies(platform)).toHaveLength(1);
    expect(replies).toEqual([
      ephemeral("Refused: @mallory has read permission; to reject you need write or more."),
    ]);
  });
});

describe("the /infracrew slash command", () => {
  it("approve: answers within the request, mirrors the comment and approves", async () => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const replies = responseUrl();
    const res = await post("/slack/commands", command("approve acme/infra#12"));
    expect(await res.json()).toEqual({
      response_type: "ephemeral",
      text: "Sent `/approve` to acme/infra#12 as @bob; the answer follows here.",
    });
    await settled();
    expect(bodies(platform).slice(1)).toEqual(["/approve — via Slack by @bob"]);
    expect((await stateOf(platform))?.state).toBe("APPLYING");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/^`\/approve` accepted\. Now: .*🚀 Applying/);
  });

  it("rollback: mirrors the comment and dispatches the rollback of an applied PR", async () => {
    const { post, platform, settled } = await setup(prState("DONE"));
    const replies = responseUrl();
    await post("/slack/commands", command("rollback https://github.com/acme/infra/pull/12"));
    await settled();
    expect(bodies(platform)[1]).toBe("/rollback — via Slack by @bob");
    const after = await stateOf(platform);
    expect(after).toMatchObject({ state: "ROLLBACK", rollback: { trigger: "slack", requestedBy: "bob" } });
    expect(platform.actions.dispatches.map((d) => d.inputs.mode)).toEqual(["rollback"]);
    expect(replies[0]!.text).toMatch(/^`\/rollback` accepted\. Now: .*↩️ Rolling back/);
  });

  it("a command the Conductor refuses is answered: the PR says why", async () => {
    const { post, platform, settled } = await setup(prState("VALIDATING"));
    const replies = responseUrl();
    await post("/slack/commands", command("approve acme/infra#12"));
    await settled();
    expect(bodies(platform).slice(1)).toEqual([
      "/approve — via Slack by @bob",
      "Approval refused: Sentinel has not passed aaaaaaa yet; approve once the Infracrew / Sentinel check succeeds.",
    ]);
    expect(replies).toEqual([
      ephemeral("`/approve` was refused; <https://github.com/acme/infra/pull/12|the PR> says why."),
    ]);
  });

  it("status: answers with the state from the sticky comment, and writes nothing", async () => {
    const { post, platform } = await setup(prState("WAIT_FOR_APPROVE"));
    const res = await post("/slack/commands", command("status acme/infra#12", "U0MALLORY"));
    expect(await res.json()).toEqual({
      response_type: "ephemeral",
      text: "*<https://github.com/acme/infra/pull/12|acme/infra#12>* `checkout-api`: ✋ Waiting for approval · head `aaaaaaa` · Sentinel PASS · approvals 0/1",
    });
    expect(bodies(platform)).toHaveLength(1);
  });

  it.each([
    [
      "an unmapped user",
      "approve acme/infra#12",
      "U0NOBODY",
      /^Your Slack account \(U0NOBODY\) is not mapped/,
    ],
    [
      "an unauthorised user",
      "rollback acme/infra#12",
      "U0MALLORY",
      /^Refused: @mallory has read permission; to roll back you need write or more\.$/,
    ],
    [
      "a repository without the app",
      "approve acme/other#3",
      "U0BOB",
      /^Infracrew is not installed on acme\/other/,
    ],
    ["a bad pull request", "approve acme/infra", "U0BOB", /is not a pull request/],
  ])("answers %s in the request, privately, and writes nothing", async (_name, text, user, reply) => {
    const { post, platform, settled } = await setup(prState("DONE"));
    const res = await post("/slack/commands", command(text, user));
    const body = (await res.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(reply);
    await settled();
    expect(bodies(platform)).toHaveLength(1);
  });

  it("answers 'working on it' when GitHub is slow, and follows up through the response_url", async () => {
    const { post, settled } = await setup(prState("WAIT_FOR_APPROVE"), {
      resolveDelayMs: 200,
      answerWithinMs: 20,
    });
    const replies = responseUrl();
    const res = await post("/slack/commands", command("status acme/infra#12"));
    expect(await res.json()).toEqual({
      response_type: "ephemeral",
      text: "Working on it; the answer follows here.",
    });
    await settled();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/✋ Waiting for approval/);
  });
});

describe("other interactions", () => {
  it.each([
    [
      "another kind of interaction",
      new URLSearchParams({ payload: JSON.stringify({ type: "view_submission" }) }),
    ],
    ["a payload that is not JSON", new URLSearchParams({ payload: "{nope" })],
    ["no payload", new URLSearchParams({ text: "hello" })],
    [
      "a button value naming no pull request",
      new URLSearchParams({
        payload: JSON.stringify({
          ...JSON.parse(new URLSearchParams(click("infracrew_approve", "U0BOB")).get("payload")!),
          actions: [{ action_id: "infracrew_approve", value: '{"repo":"acme/infra","pr":"x"}' }],
        }),
      }),
    ],
  ])("are acknowledged and ignored: %s", async (_name, form) => {
    const { post, platform, settled } = await setup(prState("WAIT_FOR_APPROVE"));
    const res = await post("/slack/actions", form.toString());
    expect(res.status).toBe(200);
    await settled();
    expect(bodies(platform)).toHaveLength(1);
  });

  it("never follow a response_url outside hooks.slack.com", async () => {
    const { post, settled, log } = await setup(prState("WAIT_FOR_APPROVE"));
    const payload = JSON.parse(new URLSearchParams(click("infracrew_approve", "U0NOBODY")).get("payload")!);
    const form = new URLSearchParams({
      payload: JSON.stringify({ ...payload, response_url: "https://attacker.example/collect" }),
    });
    await post("/slack/actions", form.toString());
    await settled();
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: "warn", message: "not a Slack response_url; reply dropped" }),
    );
  });
});
