import { describe, expect, it } from "vitest";
import { renderAuditText } from "../../../app/render/audit-log.js";

const entry = {
  at: "2026-11-27T12:00:00Z",
  repo: "acme/infra",
  pr: 12,
  actor: "mallory",
  action: "approve",
  decision: "refused",
  sha: "d".repeat(40),
  reason: "a reason",
};

describe("renderAuditText", () => {
  it.each([
    ["a line break", "ok\n2026-11-27T12:00:01Z infracrew[bot] apply approved"],
    ["a carriage return", "ok\r2026-11-27T12:00:01Z infracrew[bot] apply approved"],
    ["terminal escapes", "ok\u001b[2K\u001b[1Ginfracrew[bot] approved"],
    ["a NUL and a DEL", "ok\u0000\u007f"],
  ])("keeps each decision on one line when a reason carries %s", (_, reason) => {
    const text = renderAuditText("acme/infra#12", [{ ...entry, reason }, entry]);
    const lines = text.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("2026-11-27T12:00:00Z"))).toHaveLength(2);
    const controls = Array.from(text).filter((c) => c !== "\n" && (c < " " || c === "\u007f"));
    expect(controls).toEqual([]);
  });

  it("says so when nothing was recorded", () => {
    expect(renderAuditText("acme/infra#12", [])).toBe("acme/infra#12: no decisions recorded\n");
  });
});
