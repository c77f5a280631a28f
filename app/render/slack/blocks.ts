import { slackEscape } from "../markdown.js";
import { SLACK_LIMITS, truncate } from "../limits.js";

export { SLACK_LIMITS };
/** The few Block Kit shapes Infracrew sends (https://api.slack.com/reference/block-kit). */
export interface TextObject {
  readonly type: "mrkdwn" | "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}

export interface ButtonElement {
  readonly type: "button";
  readonly action_id: string;
  readonly text: TextObject;
  readonly value: string;
  readonly style?: "primary" | "danger";
  readonly confirm?: {
    readonly title: TextObject;
    readonly text: TextObject;
    readonly confirm: TextObject;
    readonly deny: TextObject;
  };
}

export type Block =
  | { readonly type: "header"; readonly text: TextObject }
  | { readonly type: "section"; readonly text?: TextObject; readonly fields?: readonly TextObject[] }
  | { readonly type: "context"; readonly elements: readonly TextObject[] }
  | { readonly type: "actions"; readonly block_id: string; readonly elements: readonly ButtonElement[] }
  | { readonly type: "divider" };

/** A message: blocks, and the plain text Slack shows in notifications and where blocks cannot be shown. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** Cuts text to a Slack limit, through the one central cut-off. */
export function clip(text: string, limit: number): string {
  return truncate(text, limit, { style: "slack" });
}

export function mrkdwn(text: string, limit: number = SLACK_LIMITS.sectionText): TextObject {
  return { type: "mrkdwn", text: clip(text, limit) };
}

export function plainText(text: string, limit: number): TextObject {
  return { type: "plain_text", text: clip(text, limit), emoji: true };
}

/** A link whose label is escaped; the URL is ours (GitHub's), never a person's text. */
export function link(url: string, label: string): string {
  return `<${url}|${slackEscape(label)}>`;
}
