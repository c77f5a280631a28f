import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSlashCommand } from "../../../app/handlers/slack/parse-slash-command.js";

const pr12 = { owner: "acme", repo: "infra", number: 12 };

describe("the /infracrew slash command", () => {
  it.each([
    ["approve acme/infra#12", { type: "run", verb: "approve", target: pr12 }],
    ["  ROLLBACK   acme/infra#12 ", { type: "run", verb: "rollback", target: pr12 }],
    ["status https://github.com/acme/infra/pull/12", { type: "run", verb: "status", target: pr12 }],
    ["status <https://github.com/acme/infra/pull/12>", { type: "run", verb: "status", target: pr12 }],
    [
      "status <https://ghe.example.com/acme/infra/pull/12|PR 12>",
      { type: "run", verb: "status", target: pr12 },
    ],
    ["approve https://github.com/acme/infra/pull/12/files", { type: "run", verb: "approve", target: pr12 }],
    [
      "approve my-org/infra.live_2#7",
      { type: "run", verb: "approve", target: { owner: "my-org", repo: "infra.live_2", number: 7 } },
    ],
  ])("reads %j", (text, expected) => {
    expect(parseSlashCommand(text)).toEqual(expected);
  });

  it.each([
    ["", /^Usage:/],
    ["help", /^Usage:/],
    ["deploy acme/infra#12", /^Unknown command `deploy`\./],
    ["approve", /^`approve` takes one pull request\./],
    ["approve acme/infra#12 now", /^`approve` takes one pull request\./],
    ["approve acme/infra", /^`acme\/infra` is not a pull request\./],
    ["approve acme/infra#0", /^`acme\/infra#0` is not a pull request\./],
    ["approve acme/..#3", /^`acme\/\.\.#3` is not a pull request\./],
    ["approve http://github.com/acme/infra/pull/12", /is not a pull request/],
    ["approve <!channel>", /^`&lt;!channel&gt;` is not a pull request\./],
    ["`rm` acme/infra#1", /^Unknown command `'rm'`\./],
  ])("answers %j with the usage", (text, message) => {
    const parsed = parseSlashCommand(text);
    expect(parsed.type).toBe("usage");
    if (parsed.type === "usage") expect(parsed.text).toMatch(message);
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (text) => void parseSlashCommand(text)));
  });
});
