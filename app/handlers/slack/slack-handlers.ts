import type { SlackConfig } from "../../platform/slack/slack-config.js";
import type { HttpHandler } from "../http.js";
import { slackActionsHandler } from "./slack-actions.js";
import { slackCommandsHandler } from "./slack-commands.js";
import type { SlackEndpointOptions } from "./slack-endpoint.js";

/**
 * The Slack endpoints to register with Probot's addHandler: `POST /slack/actions` and `POST /slack/commands`.
 * None without SLACK_SIGNING_SECRET: an unverifiable request is never acted on.
 */
export function slackHandlers(
  config: SlackConfig,
  options: Omit<SlackEndpointOptions, "signingSecret">,
): HttpHandler[] {
  if (!config.signingSecret) return [];
  const full = { ...options, signingSecret: config.signingSecret };
  return [slackActionsHandler(full), slackCommandsHandler(full)];
}
