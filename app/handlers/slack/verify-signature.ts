import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack refuses requests older than this, and so do we: a captured request cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export type Verification = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` under the signing secret. */
export function slackSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(rawBody).digest("hex")}`;
}

/**
 * Verifies a request from Slack (https://api.slack.com/authentication/verifying-requests-from-slack): both headers
 * present, the timestamp within five minutes of now, and the signature equal in constant time.
 */
export function verifySlackRequest(input: {
  readonly signingSecret: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly rawBody: Buffer | string;
  readonly nowSeconds: number;
}): Verification {
  const { timestamp, signature } = input;
  if (!timestamp) return { ok: false, reason: "missing X-Slack-Request-Timestamp header" };
  if (!signature) return { ok: false, reason: "missing X-Slack-Signature header" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed X-Slack-Request-Timestamp" };
  if (Math.abs(input.nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS)
    return { ok: false, reason: "timestamp outside the 5-minute window" };
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "malformed X-Slack-Signature" };
  const expected = Buffer.from(slackSignature(input.signingSecret, timestamp, input.rawBody).slice(3), "hex");
  const given = Buffer.from(signature.slice(3), "hex");
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
