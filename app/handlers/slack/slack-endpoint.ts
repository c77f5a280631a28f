import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../conductor/deps.js";
import { header, readRawBody, sendText } from "../http.js";
import type { ResolveRepo, SlackUsers } from "./slack-request.js";
import { verifySlackRequest } from "./verify-signature.js";

export interface SlackEndpointOptions {
  readonly signingSecret: string;
  readonly resolveRepo: ResolveRepo;
  /** Slack user id to GitHub login, from the App's environment; none means no Slack user may act. */
  readonly slackUsers?: SlackUsers;
  readonly log: Logger;
  /** The clock the replay window is measured on. */
  readonly clock?: () => Date;
  /** Posts to a response_url (global fetch by default). */
  readonly fetch?: typeof fetch;
  /** Runs work after the HTTP answer; by default in the background, errors logged. */
  readonly defer?: (task: () => Promise<void>) => void;
  /** How long a slash command may think before it answers "working on it" (Slack allows 3 s). */
  readonly answerWithinMs?: number;
}

/**
 * Reads the raw body and verifies Slack's signature over it. Answers 401 (or 413) itself and returns undefined
 * when the request is not Slack's; never says more than why to the caller.
 */
export async function verifiedBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: SlackEndpointOptions,
): Promise<URLSearchParams | undefined> {
  const raw = await readRawBody(req);
  if (!raw) {
    sendText(res, 413, "request too large");
    return undefined;
  }
  const check = verifySlackRequest({
    signingSecret: options.signingSecret,
    timestamp: header(req, "x-slack-request-timestamp"),
    signature: header(req, "x-slack-signature"),
    rawBody: raw,
    nowSeconds: Math.floor((options.clock ?? (() => new Date()))().getTime() / 1000),
  });
  if (!check.ok) {
    options.log.warn({ path: req.url, reason: check.reason }, "Slack request refused");
    sendText(res, 401, check.reason);
    return undefined;
  }
  return new URLSearchParams(raw.toString("utf8"));
}

/** Runs a task after the answer, logging what it throws. */
export function deferrer(options: SlackEndpointOptions): (task: () => Promise<void>) => void {
  return (
    options.defer ??
    ((task) => {
      task().catch((error: unknown) =>
        options.log.error(
          { err: error instanceof Error ? error.message : String(error) },
          "Slack task failed",
        ),
      );
    })
  );
}

/** Slack's response URLs live on hooks.slack.com; anything else in a payload is not followed. */
const RESPONSE_URL = /^https:\/\/hooks\.slack\.com\//;

/** Answers the person privately through a response_url (valid 30 minutes, up to 5 times). */
export async function respondPrivately(
  options: SlackEndpointOptions,
  url: string,
  text: string,
): Promise<void> {
  if (!RESPONSE_URL.test(url)) {
    options.log.warn({ url }, "not a Slack response_url; reply dropped");
    return;
  }
  const response = await (options.fetch ?? fetch)(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) options.log.warn({ status: response.status }, "Slack response_url refused the reply");
}
