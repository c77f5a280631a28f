import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { slackEscape } from "../markdown.js";
import { SHOWN, SLACK_LIMITS, andMore, capList, clip, truncate } from "../limits.js";
import {
  budgetPhrase,
  costPhrase,
  failingCount,
  findingsPhrase,
  planPhrase,
  shortSha,
  verdictMark,
} from "./words.js";

/** The Block Kit blocks Sentinel's Slack message is built from (a subset of Slack's types). */
export type SlackBlock =
  | {
      readonly type: "header";
      readonly text: { readonly type: "plain_text"; readonly text: string; readonly emoji: true };
    }
  | {
      readonly type: "section";
      readonly text?: { readonly type: "mrkdwn"; readonly text: string };
      readonly fields?: readonly { readonly type: "mrkdwn"; readonly text: string }[];
    }
  | {
      readonly type: "context";
      readonly elements: readonly { readonly type: "mrkdwn"; readonly text: string }[];
    };

export interface SlackMessage {
  /** The notification text, shown where blocks are not. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export interface SlackOptions {
  readonly checkRunUrl?: string;
  readonly pullRequestUrl?: string;
}

function field(label: string, value: string) {
  return {
    type: "mrkdwn" as const,
    text: truncate(`*${label}*\n${slackEscape(value)}`, SLACK_LIMITS.fieldText, { style: "slack" }),
  };
}

function reasonsText(result: ValidationResult, link: string | undefined): string {
  const failing = failingCount(result);
  const reasons = capList(
    failing > 0 ? result.reasons.slice(0, failing) : result.reasons,
    SHOWN.slackReasons,
  );
  const heading = failing > 0 ? "*Why it failed*" : "*What was checked*";
  const text = [
    heading,
    ...reasons.shown.map((r) => `• ${slackEscape(clip(r, SHOWN.slackReasonChars))}`),
    ...(reasons.more > 0
      ? [
          `• ${andMore(reasons.more, "reasons", { style: "slack", ...(link ? { link, linkText: "the check run" } : {}) })}`,
        ]
      : []),
  ].join("\n");
  return truncate(text, SLACK_LIMITS.sectionText, {
    style: "slack",
    what: "reasons",
    ...(link ? { link } : {}),
  });
}

/** What a notification says after the verdict: the first reason it failed, or the cost against the budget. */
function notificationLine(result: ValidationResult): string {
  return failingCount(result) > 0
    ? clip(result.reasons[0]!, SHOWN.slackReasonChars)
    : `${costPhrase(result)} (${budgetPhrase(result)}).`;
}

/** Sentinel's verdict as a Slack message: a header, the figures as fields, the reasons, and links. */
export function renderSlackBlocks(result: ValidationResult, options: SlackOptions = {}): SlackMessage {
  const name = result.stack ?? result.goalRef.name;
  const header = `${verdictMark(result)} Sentinel ${result.verdict}: ${name}`;
  const links = [
    options.pullRequestUrl ? `<${options.pullRequestUrl}|Pull request>` : undefined,
    options.checkRunUrl ? `<${options.checkRunUrl}|Check run>` : undefined,
    shortSha(result) ? `commit \`${shortSha(result)}\`` : undefined,
  ].filter((l): l is string => l !== undefined);
  const blocks: SlackBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(header, SLACK_LIMITS.headerText, { style: "plain" }),
        emoji: true,
      },
    },
    {
      type: "section",
      fields: [
        field("Verdict", result.verdict),
        field("Plan", planPhrase(result)),
        field("Cost", costPhrase(result)),
        field("Budget", budgetPhrase(result)),
        field("Findings", findingsPhrase(result)),
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: reasonsText(result, options.checkRunUrl) } },
    ...(links.length > 0
      ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: links.join(" · ") }] }]
      : []),
  ];
  return {
    text: truncate(`${header}. ${notificationLine(result)}`, SLACK_LIMITS.messageText, { style: "plain" }),
    blocks,
  };
}
