import { LogLevel, WebClient } from "@slack/web-api";
import type { Logger, ReviewNotifier } from "../../conductor/deps.js";
import type { MessageRef } from "../../conductor/pr-state.js";
import type { State } from "../../conductor/states.js";
import { renderReviewMessage } from "../../render/slack/review-message.js";
import type { SlackConfig } from "./slack-config.js";

/** A PR gets its Slack message when it first waits for approval; later states update it, earlier ones post nothing. */
const POSTED_FROM: ReadonlySet<State> = new Set(["WAIT_FOR_APPROVE", "APPLYING", "ROLLBACK", "DONE"]);

/** Errors after which the message cannot be updated, so a new one is posted. */
const GONE = new Set(["message_not_found", "channel_not_found", "cant_update_message", "is_archived"]);

/** Slack's Web API as one WebClient, with a short timeout and no retries: GitHub must not wait on Slack. */
export function slackClient(botToken: string): WebClient {
  return new WebClient(botToken, {
    retryConfig: { retries: 0 },
    timeout: 2500,
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * The Slack mirror of a goal PR: one message in the repository's `slack.channel`, posted when the PR waits for
 * approval and updated with `chat.update` on every later change. A PR with a message keeps it even if the channel
 * setting is removed later.
 */
export class SlackNotifier implements ReviewNotifier {
  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
  ) {}

  async sync(input: Parameters<ReviewNotifier["sync"]>[0]): Promise<MessageRef | undefined> {
    const { state, policy, pr, message: existing } = input;
    const channel = policy.slack?.channel;
    const message = renderReviewMessage(input);
    const blocks = [...message.blocks];
    if (existing) {
      try {
        await this.client.chat.update({ ...existing, text: message.text, blocks });
        return existing;
      } catch (error) {
        const code = slackError(error);
        if (!code || !GONE.has(code) || !channel) throw error;
        this.log.warn({ pr: pr.number, code }, "Slack message gone; posting a new one");
      }
    }
    if (!channel || !POSTED_FROM.has(state.state)) return undefined;
    const posted = await this.client.chat.postMessage({
      channel,
      text: message.text,
      blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!posted.channel || !posted.ts)
      throw new Error("Slack chat.postMessage answered without channel or ts");
    return { channel: posted.channel, ts: posted.ts };
  }
}

/** The notifier, or undefined when Slack is not configured (no SLACK_BOT_TOKEN): the app works without it. */
export function createSlackNotifier(config: SlackConfig, log: Logger): SlackNotifier | undefined {
  if (!config.botToken) return undefined;
  return new SlackNotifier(slackClient(config.botToken), log);
}
