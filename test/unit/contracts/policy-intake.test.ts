import type * as Yaml from "yaml";
import { Document, parseDocument } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LIMITS } from "../../../app/contracts/limits.js";
import { parseYaml } from "../../../app/contracts/parse-text.js";
import {
  MAX_PROBLEMS,
  SLACK_USERS_MOVED,
  defaultPolicy,
  readPolicy,
} from "../../../app/contracts/policy-intake.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { readRepoFile } from "../../support/repo-files.js";

// yaml, spied on: a refusal "before parsing" is one that never called the parser.
vi.mock("yaml", async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return { ...yaml, parseDocument: vi.fn(yaml.parseDocument) };
});

afterEach(() => vi.clearAllMocks());

function messages(text: string): string[] {
  const result = readPolicy(text);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** A config of about `bytes` bytes: one anchored mapping of many keys, then `aliases` aliases of it. */
function aliasBomb(bytes: number, aliases = 49): string {
  const lines = ["anchor: &a"];
  let size = 0;
  for (let i = 0; size < bytes - aliases * 12; i++) {
    const line = `  k${i}: ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  for (let i = 0; i < aliases; i++) lines.push(`x${i}: *a`);
  return `${lines.join("\n")}\n`;
}

describe("readPolicy: the size limit, in bytes, before parsing", () => {
  const limit = LIMITS.configBytes;

  it("is 64 KiB", () => {
    expect(limit).toBe(65_536);
  });

  it.each([
    ["exactly the limit, in ASCII", `#${"x".repeat(limit - 2)}\n`, []],
    [
      "one byte over",
      `#${"x".repeat(limit - 1)}\n`,
      ["the config is too large: 65,537 bytes, and the limit is 65,536 bytes (64 KiB). It was not read"],
    ],
    [
      "under the limit in characters, over it in UTF-8 bytes (€ is 3 bytes)",
      `#${"€".repeat(21_900)}\n`,
      ["the config is too large: 65,702 bytes, and the limit is 65,536 bytes (64 KiB). It was not read"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it("refuses a 1 MiB file of 49 aliases without parsing it", () => {
    const bomb = aliasBomb(1024 * 1024);
    expect(Buffer.byteLength(bomb)).toBeGreaterThan(1_000_000);
    const toJS = vi.spyOn(Document.prototype, "toJS");
    expect(messages(bomb)).toEqual([
      expect.stringMatching(/^the config is too large: 1,0\d\d,\d\d\d bytes, and the limit is 65,536 bytes/),
    ]);
    expect(parseDocument).not.toHaveBeenCalled();
    expect(toJS).not.toHaveBeenCalled();
  });
});

describe("readPolicy: no YAML anchors or aliases", () => {
  it("refuses a 60 KiB alias bomb under the size limit, before building any value", () => {
    const bomb = aliasBomb(60 * 1024);
    expect(Buffer.byteLength(bomb)).toBeLessThan(LIMITS.configBytes);
    const toJS = vi.spyOn(Document.prototype, "toJS");
    expect(messages(bomb)).toEqual([
      "line 1, column 9: YAML anchors and aliases are not allowed in the config (found 1 anchor and 49 aliases, the first is the anchor &a): write each value out in full",
    ]);
    expect(toJS).not.toHaveBeenCalled();
  });

  it.each([
    [
      "an anchor and an alias",
      "policy:\n  requiredTags: &tags [team]\napprovals:\n  teams: *tags\n",
      "line 2, column 17: YAML anchors and aliases are not allowed in the config (found 1 anchor and 1 alias, the first is the anchor &tags): write each value out in full",
    ],
    [
      "a merge key",
      "base: &base\n  required: 2\napprovals:\n  <<: *base\n",
      "line 1, column 7: YAML anchors and aliases are not allowed in the config (found 1 anchor and 1 alias, the first is the anchor &base): write each value out in full",
    ],
    [
      "an anchor alone",
      "policy: &p\n  requiredTags: [team]\n",
      "line 1, column 9: YAML anchors and aliases are not allowed in the config (found 1 anchor, the first is the anchor &p): write each value out in full",
    ],
    [
      "an alias of an anchor that does not exist",
      "approvals: *nowhere\n",
      "line 1, column 12: YAML anchors and aliases are not allowed in the config (found 1 alias, the first is the alias *nowhere): write each value out in full",
    ],
    [
      "an anchor in flow style, in JSON-like text",
      '{"policy": &p {"requiredTags": ["team"]}}',
      "line 1, column 12: YAML anchors and aliases are not allowed in the config (found 1 anchor, the first is the anchor &p): write each value out in full",
    ],
  ])("refuses %s, at its line", (_name, text, expected) => {
    expect(messages(text)).toEqual([expected]);
  });

  it("reads & and * inside quoted values as text", () => {
    const result = readPolicy('policy:\n  requiredTags: ["&team", "*owner"]\n');
    expect(result.ok && result.value.policy.requiredTags).toEqual(["&team", "*owner"]);
  });
});

describe("readPolicy: other YAML problems read as before", () => {
  it.each([
    ["a duplicate key", "policy:\n  requiredTags: [a]\n  requiredTags: [b]\n"],
    ["a duplicate key in flow style", '{"approvals": {"required": 1, "required": 2}}'],
    ["an unclosed flow sequence", "policy:\n  requiredTags: [a, b\n"],
    ["a tab indent", "policy:\n\trequiredTags: [a]\n"],
    ["two documents", "policy: {}\n---\napply: {}\n"],
  ])("%s: the same message as parseYaml gives every YAML input", (_name, text) => {
    const expected = parseYaml(text);
    expect(expected.ok).toBe(false);
    expect(readPolicy(text)).toEqual(expected);
  });

  it("answers a deeply nested file with a message, not a crash", () => {
    const text = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;
    expect(messages(text)).toEqual([expect.stringMatching(/^line 1, column \d+: not valid YAML: /)]);
  });

  it("counts problems past the first 20 in one more", () => {
    const text = Array.from({ length: 500 }, (_, i) => `unknown${i}: 1`).join("\n");
    const result = messages(text);
    expect(result).toHaveLength(MAX_PROBLEMS);
    expect(result[0]).toMatch(/^unknown0: unknown field/);
    expect(result.at(-1)).toBe("and 481 more problems like these");
  });
});

describe("readPolicy: slack.users left the repository", () => {
  it("refuses it, at its line, saying where the map lives now", () => {
    const text = 'slack:\n  channel: "#infra-reviews"\n  users:\n    U024BE7LH: octocat\n';
    expect(messages(text)).toEqual([`slack.users: line 3, column 3: ${SLACK_USERS_MOVED}`]);
    expect(SLACK_USERS_MOVED).toBe(
      "slack.users moved to the App's environment (INFRACREW_SLACK_USERS): a repository writer could map their Slack id to an admin's login",
    );
  });

  it("refuses an empty map too, and still says what else is wrong", () => {
    expect(messages("slack:\n  users: {}\n  channel: infra\npolicy:\n  budgetBrakeRatio: 2\n")).toEqual([
      `slack.users: line 2, column 3: ${SLACK_USERS_MOVED}`,
      "policy.budgetBrakeRatio: must be ≤ 1 (got 2)",
      'slack.channel: must be #channel-name or a channel id (got "infra")',
    ]);
  });

  it("is not in the schema's settings any more", () => {
    expect(defaultPolicy().slack).toBeUndefined();
    expect(readRepoFile("templates/config/infracrew.yml")).not.toMatch(/users/);
  });
});

describe("readPolicy: policy.allowedSkips", () => {
  it("is absent by default, which allows none", () => {
    expect(defaultPolicy().policy.allowedSkips).toBeUndefined();
    expect(readRepoFile("templates/config/infracrew.yml")).toContain(
      "  # allowedSkips: [AVD-AWS-0104, CKV_AWS_260]\n",
    );
  });

  it("takes Trivy, tfsec and Checkov rule ids", () => {
    const result = readPolicy(
      "policy:\n  allowedSkips: [AVD-AWS-0104, aws-ec2-no-public-egress-sgr, CKV_AWS_260, CKV2_AWS_5]\n",
    );
    expect(result.ok && result.value.policy.allowedSkips).toEqual([
      "AVD-AWS-0104",
      "aws-ec2-no-public-egress-sgr",
      "CKV_AWS_260",
      "CKV2_AWS_5",
    ]);
  });

  it.each([
    ["a wildcard", "'*'"],
    ["an id with a space", "'CKV_AWS_1 CKV_AWS_2'"],
    ["an empty id", "''"],
  ])("refuses %s, which would allow more than one named rule", (_name, id) => {
    expect(messages(`policy:\n  allowedSkips: [${id}]\n`)).toEqual([
      expect.stringMatching(/^policy\.allowedSkips\[0\]: must be a scanner rule id such as AVD-AWS-0104/),
    ]);
  });
});

describe("readPolicy: the shipped configs", () => {
  it.each(["templates/config/infracrew.yml", "schemas/examples/infracrew.yml", "examples/infracrew.yml"])(
    "reads %s",
    (file) => {
      expect(messages(readRepoFile(file))).toEqual([]);
    },
  );
});
