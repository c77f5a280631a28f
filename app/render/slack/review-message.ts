import { slackEscape } from "../markdown.js";
import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { PrState, ValidationFigures } from "../../conductor/pr-state.js";
import { SEVERITIES } from "../../conductor/validation-figures.js";
import type { PullRequest } from "../../platform/platform.js";
import { formatPercent, formatUsd } from "../../format/money.js";
import { shortSha } from "../markdown.js";
import { headline as stateHeadline } from "../sticky-comment.js";
import {
  SLACK_LIMITS,
  clip,
  link,
  mrkdwn,
  plainText,
  type Block,
  type ButtonElement,
  type SlackMessage,
} from "./blocks.js";

export interface ReviewMessageInput {
  /** owner/name */
  readonly repo: string;
  readonly pr: Pick<PullRequest, "number" | "url" | "title">;
  readonly state: PrState;
  readonly policy: ResolvedOrgPolicy;
}

/** The actions of the review message's buttons; the Slack endpoint knows them by these ids. */
export const REVIEW_ACTIONS = { approve: "infracrew_approve", reject: "infracrew_reject" } as const;

/** What a button carries: the PR and the head SHA the message showed, so a stale click cannot approve a newer head. */
export interface ReviewButtonValue {
  readonly repo: string;
  readonly pr: number;
  readonly sha: string;
}

function costLine(f: ValidationFigures): string {
  return `${formatUsd(f.costMonthlyUsd)} of ${formatUsd(f.budgetMonthlyUsd)} a month (${f.ratio === null ? "no budget" : formatPercent(f.ratio)}; brake at ${formatPercent(f.brakeRatio)})`;
}

function findingsLine(f: ValidationFigures): string {
  return SEVERITIES.map((s) => `${f.findings[s]} ${s.toLowerCase()}`).join(" · ");
}

function planLine(f: ValidationFigures): string {
  const { create, update, delete: remove, replace } = f.plan;
  return `+${create} to add · ~${update} to change · −${remove} to destroy · ±${replace} to replace`;
}

function figureFields(state: PrState, policy: ResolvedOrgPolicy): string[] {
  const v = state.validation;
  const sentinel = v ? `${v.verdict} on \`${shortSha(v.sha)}\`` : `validating \`${shortSha(state.headSha)}\``;
  const approvals = state.approvals.filter((a) => a.sha === state.headSha);
  const fields = [
    `*Sentinel*\n${sentinel}`,
    `*Approvals*\n${approvals.length}/${policy.approvals.required}${approvals.length > 0 ? `: ${approvals.map((a) => slackEscape(a.login)).join(", ")}` : ""}`,
  ];
  const f = v?.figures;
  if (f) fields.push(`*Cost*\n${costLine(f)}`, `*Findings*\n${findingsLine(f)}`, `*Plan*\n${planLine(f)}`);
  return fields;
}

/** One line on where the PR stands and what happens next. */
function statusLine(state: PrState, policy: ResolvedOrgPolicy): string {
  const rb = state.rollback;
  switch (state.state) {
    case "WAIT_FOR_APPROVE":
      return `Approve here or comment \`/approve\` on the PR to apply \`${shortSha(state.headSha)}\`.`;
    case "APPLYING":
      return `Applying \`${shortSha(state.apply?.sha ?? state.headSha)}\`, approved by ${slackEscape(state.apply?.approvedBy.join(", ") || "nobody")}; it rolls back by itself on failure or after ${policy.apply.timeoutMinutes} min.`;
    case "ROLLBACK": {
      if (rb?.status === "failure") return "The rollback failed: a person must look. The stack stays locked.";
      const breached = rb && rb.breaches.length > 0 ? ` ⚠️ SLA breached (${rb.breaches.join(", ")}).` : "";
      return `Rolling back \`${shortSha(rb?.fromSha ?? state.headSha)}\` (${rb?.trigger ?? "rollback"}); SLA: begins within ${policy.rollback.beginWithinMinutes} min, finishes within ${policy.rollback.finishWithinMinutes} min.${breached}`;
    }
    case "DONE":
      if (rb?.status === "success")
        return `Rolled back to ${rb.toSha ? `\`${shortSha(rb.toSha)}\`` : "nothing (first apply destroyed)"}.${rb.breaches.length > 0 ? ` ⚠️ SLA breached (${rb.breaches.join(", ")}).` : ""}`;
      return `Applied \`${shortSha(state.apply?.sha ?? state.headSha)}\`. \`/infracrew rollback\` re-applies the last known-good revision.`;
    case "BLOCKED":
      return "Sentinel failed this commit; the PR says why. A new push validates again.";
    case "VALIDATING":
      return `Sentinel is planning and checking \`${shortSha(state.headSha)}\`.`;
    default:
      return "Infracrew is preparing the plan.";
  }
}

function reviewButtons(value: ReviewButtonValue): Block {
  const json = JSON.stringify(value);
  const button = (
    action: string,
    label: string,
    style: "primary" | "danger",
    confirm?: ButtonElement["confirm"],
  ): ButtonElement => ({
    type: "button",
    action_id: action,
    text: plainText(label, 75),
    value: clip(json, SLACK_LIMITS.buttonValue),
    style,
    ...(confirm ? { confirm } : {}),
  });
  return {
    type: "actions",
    block_id: "infracrew_review",
    elements: [
      button(REVIEW_ACTIONS.approve, "Approve", "primary", {
        title: plainText("Approve the apply?", 100),
        text: mrkdwn(`This applies \`${shortSha(value.sha)}\` to ${slackEscape(value.repo)}.`, 300),
        confirm: plainText("Approve", 30),
        deny: plainText("Cancel", 30),
      }),
      button(REVIEW_ACTIONS.reject, "Reject", "danger"),
    ],
  };
}

/** The PR's review message in Slack: the same truth as its sticky comment, with Approve and Reject while it waits. */
export function renderReviewMessage(input: ReviewMessageInput): SlackMessage {
  const { repo, pr, state, policy } = input;
  const headline = `${stateHeadline(state)} · ${state.stack}`;
  const ref = `${repo}#${pr.number}`;
  const summary = state.goal.summary ?? pr.title;
  const blocks: Block[] = [
    { type: "header", text: plainText(headline, SLACK_LIMITS.headerText) },
    {
      type: "section",
      text: mrkdwn(`*${link(pr.url, ref)}* · ${slackEscape(pr.title)}\n>${slackEscape(summary)}`),
    },
    { type: "section", fields: figureFields(state, policy).map((f) => mrkdwn(f, SLACK_LIMITS.fieldText)) },
    { type: "context", elements: [mrkdwn(statusLine(state, policy), SLACK_LIMITS.contextText)] },
  ];
  if (state.state === "WAIT_FOR_APPROVE")
    blocks.push(reviewButtons({ repo, pr: pr.number, sha: state.headSha }));
  return { text: clip(`${headline}: ${ref} ${slackEscape(pr.title)}`, SLACK_LIMITS.fallbackText), blocks };
}
