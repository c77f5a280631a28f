import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackRequest } from "../../../app/handlers/slack/verify-signature.js";
import { SLACK_VECTOR as V } from "../../support/slack-vector.js";

const now = Number(V.timestamp);
const base = { signingSecret: V.secret, timestamp: V.timestamp, signature: V.signature, rawBody: V.body };

describe("Slack request signatures", () => {
  it("reproduce Slack's documented example", () => {
    expect(slackSignature(V.secret, V.timestamp, V.body)).toBe(V.signature);
    expect(verifySlackRequest({ ...base, nowSeconds: now })).toEqual({ ok: true });
    expect(verifySlackRequest({ ...base, rawBody: Buffer.from(V.body), nowSeconds: now + 299 })).toEqual({
      ok: true,
    });
  });

  it.each([
    ["a replay six minutes later", { nowSeconds: now + 360 }, "timestamp outside the 5-minute window"],
    ["a timestamp from the future", { nowSeconds: now - 301 }, "timestamp outside the 5-minute window"],
    ["a tampered body", { rawBody: V.body.replace("text=", "text=approve") }, "signature mismatch"],
    ["another secret", { signingSecret: "not-the-secret" }, "signature mismatch"],
    ["a timestamp moved within the window", { timestamp: String(now + 1) }, "signature mismatch"],
    ["no signature header", { signature: undefined }, "missing X-Slack-Signature header"],
    ["no timestamp header", { timestamp: undefined }, "missing X-Slack-Request-Timestamp header"],
    ["a v1 signature", { signature: V.signature.replace("v0=", "v1=") }, "malformed X-Slack-Signature"],
    ["a short signature", { signature: V.signature.slice(0, 20) }, "malformed X-Slack-Signature"],
    ["a timestamp that is no number", { timestamp: "1531420618.5" }, "malformed X-Slack-Request-Timestamp"],
  ])("refuse %s", (_name, change, reason) => {
    expect(verifySlackRequest({ ...base, nowSeconds: now, ...change })).toEqual({ ok: false, reason });
  });

  it("accept exactly what they sign, for any body", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, secret) => {
        const signature = slackSignature(secret, V.timestamp, body);
        const input = { signingSecret: secret, timestamp: V.timestamp, signature, nowSeconds: now };
        expect(verifySlackRequest({ ...input, rawBody: body }).ok).toBe(true);
        expect(verifySlackRequest({ ...input, rawBody: `${body}x` }).ok).toBe(false);
      }),
    );
  });
});
