import { REVIEW_ACTIONS, type ReviewButtonValue } from "../../render/slack/review-message.js";
import { SLACK_REPLIES, type SlackVerb } from "../../render/slack/replies.js";
import { postRoute, sendText, type HttpHandler } from "../http.js";
import { parseTarget } from "./parse-slash-command.js";
import { deferrer, respondPrivately, verifiedBody, type SlackEndpointOptions } from "./slack-endpoint.js";
import { decideSlackAsk, type SlackAsk } from "./slack-request.js";

export const SLACK_ACTIONS_PATH = "/slack/actions";

const VERB_OF: Record<string, SlackVerb> = {
  [REVIEW_ACTIONS.approve]: "approve",
  [REVIEW_ACTIONS.reject]: "reject",
};

interface Click {
  readonly ask: SlackAsk;
  readonly responseUrl: string;
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** A click on the review message's Approve or Reject, read from Slack's block_actions payload; else undefined. */
export function readClick(payloadText: string | null): Click | undefined {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(payloadText ?? "") as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!payload || payload.type !== "block_actions" || !Array.isArray(payload.actions)) return undefined;
  const action = payload.actions[0] as Record<string, unknown> | undefined;
  const user = payload.user as Record<string, unknown> | undefined;
  const verb = VERB_OF[String(action?.action_id)];
  if (!verb || !isString(action?.value) || !isString(user?.id)) return undefined;
  if (!isString(payload.response_url) || !isString(payload.trigger_id)) return undefined;
  let value: Partial<ReviewButtonValue>;
  try {
    value = JSON.parse(action.value) as Partial<ReviewButtonValue>;
  } catch {
    return undefined;
  }
  const target = parseTarget(`${String(value.repo)}#${String(value.pr)}`);
  if (!target || !isString(value.sha) || !/^[0-9a-f]{40}$/.test(value.sha)) return undefined;
  return {
    ask: { verb, target, slackUser: user.id, eventId: `slack:${payload.trigger_id}`, shownSha: value.sha },
    responseUrl: payload.response_url,
  };
}

/**
 * `POST /slack/actions`: Slack's interactivity requests. Every request is verified; a click is acknowledged at once
 * (Slack wants an answer within 3 s) and the person gets the outcome privately through its response_url.
 */
export function slackActionsHandler(options: SlackEndpointOptions): HttpHandler {
  const defer = deferrer(options);
  return postRoute(SLACK_ACTIONS_PATH, async (req, res) => {
    const form = await verifiedBody(req, res, options);
    if (!form) return;
    const click = readClick(form.get("payload"));
    sendText(res, 200, "");
    if (!click) {
      options.log.info({}, "Slack interaction ignored: not a review button");
      return;
    }
    defer(async () => {
      let text: string;
      try {
        const outcome = await decideSlackAsk(click.ask, options.resolveRepo, options.slackUsers);
        text = outcome.execute ? await outcome.execute() : outcome.reply;
      } catch (error) {
        options.log.error(
          { err: error instanceof Error ? error.message : String(error), ask: click.ask },
          "Slack action failed",
        );
        text = SLACK_REPLIES.failed;
      }
      await respondPrivately(options, click.responseUrl, text);
    });
  });
}
