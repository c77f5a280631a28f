import { SLACK_REPLIES } from "../../render/slack/replies.js";
import { postRoute, sendJson, sendText, type HttpHandler } from "../http.js";
import { parseSlashCommand } from "./parse-slash-command.js";
import { deferrer, respondPrivately, verifiedBody, type SlackEndpointOptions } from "./slack-endpoint.js";
import { decideSlackAsk, type SlackOutcome } from "./slack-request.js";

export const SLACK_COMMANDS_PATH = "/slack/commands";
const ANSWER_WITHIN_MS = 2500;

const ephemeral = (text: string) => ({ response_type: "ephemeral", text });

/**
 * `POST /slack/commands`: `/infracrew approve|rollback|status owner/repo#12`. Every request is verified. The answer
 * (a refusal, the status, or "sent") is the HTTP response, within Slack's 3 s; the command's outcome follows
 * through the response_url. When the checks take too long, the answer is "working on it" and all follows there.
 */
export function slackCommandsHandler(options: SlackEndpointOptions): HttpHandler {
  const defer = deferrer(options);
  const failed = (error: unknown): SlackOutcome => {
    options.log.error(
      { err: error instanceof Error ? error.message : String(error) },
      "Slack command failed",
    );
    return { reply: SLACK_REPLIES.failed };
  };
  return postRoute(SLACK_COMMANDS_PATH, async (req, res) => {
    const form = await verifiedBody(req, res, options);
    if (!form) return;
    if (form.get("ssl_check") === "1") {
      sendText(res, 200, "");
      return;
    }
    const parsed = parseSlashCommand(form.get("text") ?? "");
    const userId = form.get("user_id") ?? "";
    const responseUrl = form.get("response_url") ?? "";
    if (parsed.type === "usage" || !userId) {
      sendJson(res, 200, ephemeral(parsed.type === "usage" ? parsed.text : SLACK_REPLIES.failed));
      return;
    }
    const deciding = decideSlackAsk(
      {
        verb: parsed.verb,
        target: parsed.target,
        slackUser: userId,
        eventId: `slack:${form.get("trigger_id") ?? `${userId}:${form.get("text")}`}`,
      },
      options.resolveRepo,
      options.slackUsers,
    ).catch(failed);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), options.answerWithinMs ?? ANSWER_WITHIN_MS);
    });
    const first = await Promise.race([deciding, late]);
    clearTimeout(timer);
    sendJson(res, 200, ephemeral(first ? first.reply : SLACK_REPLIES.working));
    if (first && !first.execute) return;
    defer(async () => {
      const outcome = first ?? (await deciding);
      let text = outcome.reply;
      if (outcome.execute) text = await outcome.execute().catch((error: unknown) => failed(error).reply);
      await respondPrivately(options, responseUrl, text);
    });
  });
}
