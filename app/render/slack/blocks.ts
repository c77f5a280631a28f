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

/** Slack's limits on what Infracrew sends, in characters. */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  contextText: 2000,
  buttonValue: 2000,
  fallbackText: 4000,
} as const;

/** Cuts text to a Slack limit, marking the cut. The one place text is shortened for Slack. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Escapes text for mrkdwn: `&`, `<` and `>` are control characters there (links, mentions, @channel). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function mrkdwn(text: string, limit: number = SLACK_LIMITS.sectionText): TextObject {
  return { type: "mrkdwn", text: clip(text, limit) };
}

export function plainText(text: string, limit: number): TextObject {
  return { type: "plain_text", text: clip(text, limit), emoji: true };
}

/** A link whose label is escaped; the URL is ours (GitHub's), never a person's text. */
export function link(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label)}>`;
}
