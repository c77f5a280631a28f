import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, HELP_TEXT, parseCommand } from "../../../app/conductor/commands/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["/approve", { type: "command", name: "approve" }],
    ["/APPROVE", { type: "command", name: "approve" }],
    ["  /approve  ", { type: "command", name: "approve" }],
    ["\n\n/approve\nLooks good to me", { type: "command", name: "approve" }],
    ["/approve\r\nthanks", { type: "command", name: "approve" }],
    ["/rollback", { type: "command", name: "rollback" }],
    ["/plan", { type: "command", name: "plan" }],
    ["/Unlock", { type: "command", name: "unlock" }],
    ["/help", { type: "reply", body: HELP_TEXT }],
    ["/aprove", { type: "reply", body: "Unknown command `/aprove`. Did you mean `/approve`?" }],
    ["/rollbak", { type: "reply", body: "Unknown command `/rollbak`. Did you mean `/rollback`?" }],
    ["/approve --force", { type: "reply", body: "`/approve` takes no arguments (got `--force`)." }],
    ["/rollback to abc123", { type: "reply", body: "`/rollback` takes no arguments (got `to abc123`)." }],
    ["/approve `x`", { type: "reply", body: "`/approve` takes no arguments (got `'x'`)." }],
    ["> /approve", { type: "ignore" }],
    ["```\n/approve\n```", { type: "ignore" }],
    ["    /approve", { type: "ignore" }],
    ["\t/approve", { type: "ignore" }],
    ["LGTM\n/approve", { type: "ignore" }],
    ["please /approve", { type: "ignore" }],
    ["/cc @octocat", { type: "ignore" }],
    ["", { type: "ignore" }],
    ["/", { type: "ignore" }],
    ["//approve", { type: "ignore" }],
  ])("%j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it("never throws and only returns a command for a first line that is exactly one", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        const parsed = parseCommand(body);
        if (parsed.type === "command") {
          const first = body
            .replace(/^(\s*\r?\n)+/, "")
            .split(/\r?\n/, 1)[0]!
            .trim()
            .toLowerCase();
          expect(first).toBe(`/${parsed.name}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never triggers on quoted or fenced text, whatever follows", () => {
    const name = fc.constantFrom(...COMMAND_NAMES);
    const wrap = fc.constantFrom(
      (c: string) => `> ${c}`,
      (c: string) => `\`\`\`\n${c}\n\`\`\``,
      (c: string) => `    ${c}`,
      (c: string) => `text\n${c}`,
    );
    fc.assert(
      fc.property(name, wrap, fc.string({ maxLength: 40 }), (n, w, tail) => {
        expect(parseCommand(`${w(`/${n}`)}\n${tail}`).type).not.toBe("command");
      }),
    );
  });
});
