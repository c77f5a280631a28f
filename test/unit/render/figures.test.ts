import { describe, expect, it } from "vitest";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { ValidationResult } from "../../../app/contracts/generated/validation-result.js";
import { renderGoalAccepted } from "../../../app/render/goal-comment.js";
import { renderPrBody } from "../../../app/render/pr-body/render-pr-body.js";
import { reportMarkdown } from "../../../app/render/sentinel/check-run.js";
import { renderCommentSection } from "../../../app/render/sentinel/comment-section.js";
import { renderSlackBlocks } from "../../../app/render/sentinel/slack-blocks.js";
import { renderReviewMessage } from "../../../app/render/slack/review-message.js";
import { policyWith } from "../../support/policies.js";
import { prState } from "../../support/pr-states.js";
import { readRepoFile } from "../../support/repo-files.js";
import { failResult } from "../../support/sentinel-results.js";

/** One forecast: $836.50 a month of a $1,400 budget is 59.75 %, with the brake at 80 % ($1,120). */
const COST = 836.5;
const BUDGET = 1400;
const RATIO = 0.5975;

const base = JSON.parse(readRepoFile("schemas/examples/plan-spec-invoice-worker.json")) as PlanSpec;
const spec: PlanSpec = {
  ...base,
  cost: { ...base.cost, monthlyUsd: COST, budgetMonthlyUsd: BUDGET, ratio: RATIO, brakeRatio: 0.8 },
};
const failed = failResult();
const result: ValidationResult = {
  ...failed,
  cost: { ...failed.cost, monthlyUsd: COST },
  budget: { ...failed.budget, monthlyUsd: BUDGET, ratio: RATIO, brakeRatio: 0.8 },
};
const figures = {
  costMonthlyUsd: COST,
  budgetMonthlyUsd: BUDGET,
  ratio: RATIO,
  brakeRatio: 0.8,
  findings: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 },
  plan: { create: 1, update: 0, delete: 0, replace: 0 },
};
const waiting = prState("WAIT_FOR_APPROVE");
const slackState = { ...waiting, validation: { ...waiting.validation!, figures } };

describe("money and ratios", () => {
  it.each([
    [
      "the PR body",
      renderPrBody(spec, { issueNumber: 7 }),
      ["**$836.50**", "59.7 % of the $1,400 budget", "($1,120)"],
    ],
    [
      "the goal issue's answer",
      renderGoalAccepted(spec, { number: 8, url: "u" }),
      ["$836.50/month (budget $1,400)"],
    ],
    [
      "Sentinel's check run",
      reportMarkdown(result).summary,
      ["| $836.50 |", "| $1,400 |", "| 59.7 % |", "| 80 % ($1,120) |"],
    ],
    [
      "Sentinel's comment section",
      renderCommentSection(result),
      ["$836.50/month", "59.7 % of the $1,400 budget; brake at 80 %"],
    ],
    [
      "Sentinel's Slack blocks",
      JSON.stringify(renderSlackBlocks(result)),
      ["$836.50/month", "59.7 % of the $1,400 budget"],
    ],
    [
      "the Slack review message",
      JSON.stringify(
        renderReviewMessage({
          repo: "a/b",
          pr: { number: 8, url: "u", title: "t" },
          state: slackState,
          policy: policyWith(),
        }),
      ),
      ["$836.50 of $1,400 a month (59.7 %; brake at 80 %)"],
    ],
  ])("read the same in %s", (_surface, text, expected) => {
    for (const figure of expected) expect(text).toContain(figure);
  });
});
