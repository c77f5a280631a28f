import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, readPlanKey, seal } from "../src/plan-crypto.js";

const KEY = randomBytes(32);
const BOUND = { stack: "checkout-api", sha: "d".repeat(40), file: "tfplan" };

describe("the plan key", () => {
  it("is 32 bytes of base64, as openssl rand -base64 32 prints it (a trailing newline is fine)", () => {
    const read = readPlanKey(`${KEY.toString("base64")}\n`);
    expect(read.ok && read.key.equals(KEY)).toBe(true);
  });

  it.each([
    ["empty", "", "is missing"],
    ["URL-safe base64", KEY.toString("base64url"), "is not base64"],
    ["hex", KEY.toString("hex"), "decodes to 48 bytes, not 32"],
    ["a 16-byte key", randomBytes(16).toString("base64"), "decodes to 16 bytes, not 32"],
    ["a 33-byte key", randomBytes(33).toString("base64"), "decodes to 33 bytes, not 32"],
  ])("refuses %s, naming the secret and how to make one, never the value", (_name, text, says) => {
    const read = readPlanKey(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain(says);
    expect(read.message).toContain("INFRACREW_PLAN_KEY");
    expect(read.message).toContain("openssl rand -base64 32");
    if (text !== "") expect(read.message).not.toContain(text);
  });
});

describe("sealing (AES-256-GCM, a fresh IV per file, stack + commit + file as associated data)", () => {
  const plaintext = Buffer.from("a plan with a password=hunter2 in it");

  it("opens what it sealed, and only that", () => {
    const sealed = seal(KEY, plaintext, BOUND);
    const opened = open(KEY, sealed, BOUND);
    expect(opened.ok && opened.plaintext.equals(plaintext)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from("hunter2"))).toBe(false);
    expect(Buffer.from(sealed).subarray(0, 4).toString("ascii")).toBe("ICP1");
    expect(sealed.length).toBe(4 + 12 + 16 + plaintext.length);
  });

  it("uses a new IV every time", () => {
    const a = Buffer.from(seal(KEY, plaintext, BOUND));
    const b = Buffer.from(seal(KEY, plaintext, BOUND));
    expect(a.subarray(4, 16).equals(b.subarray(4, 16))).toBe(false);
  });

  it.each([
    ["another key", (s: Buffer) => open(randomBytes(32), s, BOUND)],
    ["another stack", (s: Buffer) => open(KEY, s, { ...BOUND, stack: "payments" })],
    ["another commit", (s: Buffer) => open(KEY, s, { ...BOUND, sha: "e".repeat(40) })],
    ["another file", (s: Buffer) => open(KEY, s, { ...BOUND, file: "tfplan.json" })],
    ["a flipped ciphertext bit", (s: Buffer) => open(KEY, flip(s, s.length - 1), BOUND)],
    ["a flipped tag bit", (s: Buffer) => open(KEY, flip(s, 20), BOUND)],
    ["a flipped IV bit", (s: Buffer) => open(KEY, flip(s, 5), BOUND)],
    ["a truncated file", (s: Buffer) => open(KEY, s.subarray(0, 20), BOUND)],
    ["a plaintext file", () => open(KEY, plaintext, BOUND)],
  ])("refuses %s", (_name, attempt) => {
    const result = attempt(Buffer.from(seal(KEY, plaintext, BOUND)));
    expect(result.ok).toBe(false);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
