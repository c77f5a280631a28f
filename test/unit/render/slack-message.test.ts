import { slackEscape } from "../../../app/render/markdown.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { STATES } from "../../../app/conductor/states.js";
import { SLACK_LIMITS, type Block } from "../../../app/render/slack/blocks.js";
import { mirrorComment, renderStatus } from "../../../app/render/slack/replies.js";
import { REVIEW_ACTIONS, renderReviewMessage } from "../../../app/render/slack/review-message.js";
import { expectGolden } from "../../support/golden.js";
import { policyWith } from "../../support/policies.js";
import { prState, SHA_A } from "../../support/pr-states.js";

const policy = policyWith({ approvals: { required: 1 } });
const pr = {
  number: 12,
  url: "https://github.com/acme/infra/pull/12",
  title: "infra(checkout-api): web-api in eu-west-1",
};
const figures = {
  costMonthlyUsd: 934.5,
  budgetMonthlyUsd: 1500,
  ratio: 0.623,
  brakeRatio: 0.8,
  findings: { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 0 },
  plan: { create: 31, update: 2, delete: 0, replace: 1 },
};

function withFigures(state: PrState): PrState {
  const goal = { ...state.goal, summary: "Checkout API for the web shop, 400 rps at peak" };
  return state.validation
    ? { ...state, goal, validation: { ...state.validation, figures } }
    : { ...state, goal };
}

const actionsOf = (blocks: readonly Block[]) => blocks.filter((b) => b.type === "actions");

describe("the Slack review message", () => {
  it.each(STATES.map((s) => [s]))("in %s matches its golden file", (state) => {
    const message = renderReviewMessage({
      repo: "acme/infra",
      pr,
      state: withFigures(prState(state)),
      policy,
    });
    expectGolden(
      `slack/review-${state.toLowerCase().replace(/_/g, "-")}.json`,
      `${JSON.stringify(message, null, 2)}\n`,
    );
  });

  it("offers Approve and Reject only while waiting for approval, bound to the head it shows", () => {
    for (const state of STATES) {
      const { blocks } = renderReviewMessage({ repo: "acme/infra", pr, state: prState(state), policy });
      const actions = actionsOf(blocks);
      if (state !== "WAIT_FOR_APPROVE") {
        expect(actions, state).toEqual([]);
        continue;
      }
      const [block] = actions;
      if (block?.type !== "actions") throw new Error("no buttons");
      expect(block.elements.map((e) => e.action_id)).toEqual([REVIEW_ACTIONS.approve, REVIEW_ACTIONS.reject]);
      for (const e of block.elements)
        expect(JSON.parse(e.value)).toEqual({ repo: "acme/infra", pr: 12, sha: SHA_A });
    }
  });

  it("shows a rolled-back PR with its SLA breach", () => {
    const done = prState("DONE");
    const state: PrState = {
      ...prState("ROLLBACK"),
      state: "DONE",
      rollback: {
        ...prState("ROLLBACK").rollback!,
        finishedAt: "2026-11-27T12:30:00Z",
        status: "success",
        breaches: ["finish"],
      },
      apply: done.apply!,
    };
    const { blocks } = renderReviewMessage({ repo: "acme/infra", pr, state, policy });
    expect(blocks.find((b) => b.type === "context")).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Rolled back to `9999999`. ⚠️ SLA breached (finish)." }],
    });
  });

  it("keeps any title and summary inside Slack's limits and out of its markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.string({ maxLength: 400 }), (title, summary) => {
        const state = { ...prState("WAIT_FOR_APPROVE"), goal: { ...prState("DONE").goal, summary } };
        const message = renderReviewMessage({ repo: "acme/infra", pr: { ...pr, title }, state, policy });
        expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        for (const block of message.blocks) {
          if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
          if (block.type === "section" && block.text) {
            expect(block.text.text.length).toBeLessThanOrEqual(3000);
            const links = block.text.text.match(/<[^>]*>/g) ?? [];
            expect(links).toEqual(["<https://github.com/acme/infra/pull/12|acme/infra#12>"]);
          }
        }
      }),
    );
  });

  it("escapes mrkdwn's control characters", () => {
    expect(slackEscape("<!channel> & <@U1|x>")).toBe("&lt;!channel&gt; &amp; &lt;@U1|x&gt;");
  });
});

describe("the Slack replies", () => {
  it.each([
    ["approve", "/approve — via Slack by @bob"],
    ["rollback", "/rollback — via Slack by @bob"],
    [
      "reject",
      "Rejected — via Slack by @bob. Nothing is applied; push a change, or `/approve` once it is right.",
    ],
  ] as const)("mirror %s on the PR as %j", (verb, body) => {
    expect(mirrorComment(verb, "bob")).toBe(body);
  });

  it("answer status with the state from the sticky comment", () => {
    const text = renderStatus(
      { repo: "acme/infra", number: 12, url: pr.url },
      prState("WAIT_FOR_APPROVE"),
      policy,
    );
    expect(text).toBe(
      "*<https://github.com/acme/infra/pull/12|acme/infra#12>* `checkout-api`: ✋ Waiting for approval · head `aaaaaaa` · Sentinel PASS · approvals 0/1",
    );
  });
});
