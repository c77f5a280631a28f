import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCANNER_EXCEPTIONS } from "../../../../app/agents/forge/catalog/scanner-exceptions.js";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import {
  FORGE_SKIPS,
  checkInlineSkips,
  findSkipMarkers,
} from "../../../../app/agents/sentinel/policy/inline-skips.js";
import { INLINE_SKIP_RULE } from "../../../../app/agents/sentinel/skip-results.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { checkRunAnnotations } from "../../../../app/render/sentinel/annotations.js";
import {
  COMPLIANT_STACK,
  evaluation,
  planFrom,
  policyFrom,
  ran,
} from "../../../support/sentinel-evaluate.js";

const markers = (text: string) =>
  findSkipMarkers({ path: "infra/app/main.tf", text }).map((m) => [m.line, m.syntax, m.ruleIds]);

describe("findSkipMarkers: every way a scanner reads an inline skip", () => {
  it.each([
    ["Trivy, no space", "#trivy:ignore:AVD-AWS-0104", [[1, "trivy", ["AVD-AWS-0104"]]]],
    ["Trivy, a space after #", "# trivy:ignore:AVD-AWS-0104", [[1, "trivy", ["AVD-AWS-0104"]]]],
    [
      "tfsec, a // comment",
      "// tfsec:ignore:aws-ec2-no-public-egress-sgr",
      [[1, "trivy", ["aws-ec2-no-public-egress-sgr"]]],
    ],
    ["a /* */ comment", "/* trivy:ignore:AVD-AWS-0086 */", [[1, "trivy", ["AVD-AWS-0086"]]]],
    [
      "after code on the line",
      'cidr_blocks = ["0.0.0.0/0"] #tfsec:ignore:aws-vpc-no-public-ingress-sgr',
      [[1, "trivy", ["aws-vpc-no-public-ingress-sgr"]]],
    ],
    ["with an expiry", "#trivy:ignore:AVD-AWS-0104:exp:2099-01-01", [[1, "trivy", ["AVD-AWS-0104"]]]],
    ["with the expiry first", "#trivy:exp:2099-01-01:ignore:AVD-AWS-0104", [[1, "trivy", ["AVD-AWS-0104"]]]],
    [
      "for a workspace",
      "#tfsec:ws:prod:ignore:aws-s3-enable-versioning",
      [[1, "trivy", ["aws-s3-enable-versioning"]]],
    ],
    [
      "with parameters",
      "#trivy:ignore:aws-s3-enable-logging[bucket=logs]",
      [[1, "trivy", ["aws-s3-enable-logging"]]],
    ],
    ["every rule", "#trivy:ignore:*", [[1, "trivy", ["*"]]]],
    ["upper case", "#TRIVY:IGNORE:AVD-AWS-0104", [[1, "trivy", ["AVD-AWS-0104"]]]],
    ["spaces around the colons", "# tfsec : ignore : aws-x", [[1, "trivy", ["aws-x"]]]],
    ["a tab", "#\ttrivy:ignore:AVD-AWS-0104\t", [[1, "trivy", ["AVD-AWS-0104"]]]],
    [
      "two on one line",
      "#trivy:ignore:AVD-1 trivy:ignore:AVD-2",
      [
        [1, "trivy", ["AVD-1"]],
        [1, "trivy", ["AVD-2"]],
      ],
    ],
    ["Checkov", "#checkov:skip=CKV_AWS_260:Port 80 redirects", [[1, "checkov", ["CKV_AWS_260"]]]],
    ["Checkov, a space after #", "# checkov:skip=CKV_AWS_260", [[1, "checkov", ["CKV_AWS_260"]]]],
    ["Checkov, a space after =", "#checkov:skip= CKV_AWS_260", [[1, "checkov", ["CKV_AWS_260"]]]],
    [
      "Checkov, several rules",
      "#checkov:skip=CKV_AWS_18,CKV_AWS_21,CKV2_AWS_6:no",
      [[1, "checkov", ["CKV_AWS_18", "CKV_AWS_21", "CKV2_AWS_6"]]],
    ],
    ["Checkov's old name", "#bridgecrew:skip=CKV_AWS_18", [[1, "checkov", ["CKV_AWS_18"]]]],
    ["Checkov's newest name", "// cortex:skip=CKV_AWS_18", [[1, "checkov", ["CKV_AWS_18"]]]],
    ["Checkov, in a string", 'description = "checkov:skip=CKV_AWS_23"', [[1, "checkov", ["CKV_AWS_23"]]]],
    ["Checkov, naming no rule", "#checkov:skip=", [[1, "checkov", []]]],
    [
      "Trivy, a no-break space inside its word",
      "#trivy:ws:\u00a0prod:ignore:AVD-AWS-0104",
      [[1, "trivy", ["AVD-AWS-0104"]]],
    ],
    [
      "Checkov, a non-ASCII digit (Python's \\d) before more rules",
      "#checkov:skip=CKV_AWS_1\u0663,CKV_AWS_18",
      [[1, "checkov", ["CKV_AWS_1\u0663", "CKV_AWS_18"]]],
    ],
    ["on a CRLF line", "x = 1\r\n#trivy:ignore:AVD-AWS-0104\r\n", [[2, "trivy", ["AVD-AWS-0104"]]]],
    [
      "in a heredoc",
      'resource "aws_s3_bucket_policy" "p" {\n  policy = <<EOF\n  checkov:skip=CKV_AWS_70\n  trivy:ignore:AVD-AWS-0086\nEOF\n}\n',
      [
        [3, "checkov", ["CKV_AWS_70"]],
        [4, "trivy", ["AVD-AWS-0086"]],
      ],
    ],
  ] as const)("%s", (_name, text, expected) => {
    expect(markers(text)).toEqual(expected);
  });

  it.each([
    [
      "Forge's escaped marker in a string",
      'description = "checkov\\u003Askip=CKV_AWS_18 trivy\\u003Aignore:AVD-1"',
    ],
    ["the scanner's name in prose", "# Trivy: the scanner. tfsec: its predecessor. checkov is another."],
    ["trivy:ignore with no rule", "#trivy:ignore"],
    ["skip= without a scanner", "#skip=CKV_AWS_18"],
  ])("finds no marker in %s", (_name, text) => {
    expect(markers(text)).toEqual([]);
  });

  it("says where and what the marker is, cut and on one line", () => {
    const [marker] = findSkipMarkers({
      path: "infra/app/lb.tf",
      text: `\n\n  #checkov:skip=${"CKV_AWS_1,".repeat(30)}CKV_AWS_2`,
    });
    expect(marker).toMatchObject({ file: "infra/app/lb.tf", line: 3, syntax: "checkov" });
    expect(marker!.text).toHaveLength(120);
    expect(marker!.text.endsWith("…")).toBe(true);
  });
});

/**
 * The scanners' own readings, from their sources: Checkov's regular expression over each line (Python's `\d` takes
 * any Unicode digit), and Trivy's (and tfsec's) space-separated words with `#`, `/` and `*` trimmed from the front.
 */
function checkovReads(line: string): string[] {
  const re = /(?:checkov:skip=|bridgecrew:skip=|cortex:skip=) *([A-Za-z_\p{Nd}]+(?:,[A-Za-z_\p{Nd}]+)*)?/gu;
  return [...line.matchAll(re)].flatMap((m) => (m[1] ? m[1].split(",") : []));
}

function trivyReads(line: string): string[] {
  const ids: string[] = [];
  for (const raw of line.trim().split(" ")) {
    const word = raw.trim().replace(/^[#/*]+/, "");
    const prefix = ["tfsec:", "trivy:"].find((p) => word.startsWith(p));
    if (!prefix) continue;
    const sections = word.slice(prefix.length).split(":");
    let id: string | undefined;
    for (let i = 0; i < sections.length - 1; i += 2) {
      if (sections[i] === "ignore") id = sections[i + 1]!.split("[")[0];
    }
    if (id) ids.push(id);
  }
  return ids;
}

/** What a rule id of a real check looks like; any other id the scanners read skips nothing. */
const REAL_ID = /^(?:[A-Za-z0-9_.-]+|\*)$/;

const FRAGMENTS = [
  ...["#", "//", "/*", "*/", "*", " ", "  ", "\t", "\u00a0", '"', "<<EOF", "\nEOF\n", "\r\n", "\n"],
  ...["checkov", "bridgecrew", "cortex", "trivy", "tfsec", "Checkov", "TRIVY", "skip", "ignore", "exp", "ws"],
  ...[":", ":", "=", "=", ",", "[", "]", "2099-01-01", "prod", "x"],
  ...["CKV_AWS_18", "CKV2_AWS_6", "AVD-AWS-0104", "aws-s3-enable-versioning", "AWS-0086", "\u0663", "_"],
];
const fragment = fc.constantFrom(...FRAGMENTS);
const RULES = ["CKV_AWS_18", "CKV2_AWS_6", "AVD-AWS-0104", "aws-s3-enable-versioning", "*", "", "A\u0663"];

/** Something close to a marker, each part drawn from what the scanners read and the ways it can be bent. */
const nearMarker = fc
  .tuple(
    fc.constantFrom("", " ", "#", "#", "//", "/*", "**", '"'),
    fc.constantFrom("checkov", "bridgecrew", "cortex", "trivy", "tfsec", "trivy", "Trivy"),
    fc.constantFrom(":", ":", ":", ":", " :", "\t:"),
    fc.array(
      fc.tuple(
        fc.constantFrom("skip=", "skip=", "skip= ", "skip =", "ignore:", "ignore:", "ignore:", "Ignore:"),
        fc.array(fc.constantFrom(...RULES), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(",", ",", ", ", "[a=b],"),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.constantFrom(":", ":", ":exp:2099-01-01:", ":ws:prod:", " : ", ""),
  )
  .map(([opening, name, colon, sections, between]) =>
    [opening, name, colon, sections.map(([key, ids, join]) => `${key}${ids.join(join)}`).join(between)].join(
      "",
    ),
  );

describe("findSkipMarkers: no marker slips through (fast-check)", () => {
  it("finds, on its line, every real rule id that Checkov, Trivy or tfsec would skip", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nearMarker, fragment, fragment), { maxLength: 30 }), (fragments) => {
        const text = fragments.join("");
        const found = findSkipMarkers({ path: "m.tf", text });
        text.split("\n").forEach((line, index) => {
          const ours = new Set(found.filter((m) => m.line === index + 1).flatMap((m) => m.ruleIds));
          for (const id of [...checkovReads(line), ...trivyReads(line)].filter((i) => REAL_ID.test(i)))
            expect(ours, `${JSON.stringify(line)} skips ${id}`).toContain(id);
        });
      }),
      { numRuns: 3000 },
    );
  });

  const comment = fc.constantFrom(
    "#",
    "# ",
    "//",
    "// ",
    "/* ",
    "#\t",
    "  # ",
    "x = 1 # ",
    'd = "',
    "<<EOF\n",
  );
  const trivyMarker = fc
    .tuple(
      fc.constantFrom("trivy", "tfsec", "Trivy", "TFSEC"),
      fc.constantFrom(":", " : ", ":\t"),
      fc.constantFrom("", "exp:2099-01-01:", "ws:prod:"),
      fc.constantFrom("", ":exp:2099-01-01", "[bucket=logs]"),
    )
    .map(([name, colon, before, after]) => ({
      make: (id: string) => `${name}${colon}${before}ignore${colon}${id}${after}`,
    }));
  const checkovMarker = fc
    .tuple(
      fc.constantFrom("checkov", "bridgecrew", "cortex", "CHECKOV"),
      fc.constantFrom("", " ", "  "),
      fc.constantFrom("", ":a reason", ",CKV_AWS_1"),
    )
    .map(([name, space, after]) => ({ make: (id: string) => `${name}:skip=${space}${id}${after}` }));
  const ruleId = fc.stringMatching(/^[A-Z][A-Z0-9_]{2,12}$/);

  it("fails the verdict for any written variant of a skip the policy does not allow, naming its file:line and rule", () => {
    fc.assert(
      fc.property(
        comment,
        fc.oneof(trivyMarker, checkovMarker),
        ruleId,
        fc.constantFrom("\n", "\r\n"),
        fc.nat({ max: 5 }),
        (opening, marker, id, eol, before) => {
          const text = `${"x = 1".concat(eol).repeat(before)}${opening}${marker.make(id)}${eol}y = 2${eol}`;
          const judged = checkInlineSkips([{ path: "infra/app/main.tf", text }], []);
          expect(judged.length).toBeGreaterThanOrEqual(1);
          expect(judged[0]!.marker.line).toBe(before + 1 + (opening.endsWith("\n") ? 1 : 0));
          expect(judged[0]!.refused).toContain(id);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("checkInlineSkips: what the policy and Forge allow", () => {
  const file = (text: string) => [{ path: "infra/app/main.tf", text }];

  it("allows a rule listed in policy.allowedSkips, and every one of Forge's own exceptions", () => {
    const forge = Object.values(SCANNER_EXCEPTIONS).flatMap((e) => Object.values(e).slice(0, -1));
    expect([...FORGE_SKIPS].sort()).toEqual(forge.sort());
    const judged = checkInlineSkips(
      file("#trivy:ignore:AVD-AWS-0086\n#trivy:ignore:AVD-AWS-0053\n#checkov:skip=CKV_AWS_260:redirect\n"),
      ["AVD-AWS-0086"],
    );
    expect(judged.map((j) => [j.refused, j.allowed])).toEqual([
      [[], [{ ruleId: "AVD-AWS-0086", by: "policy" }]],
      [[], [{ ruleId: "AVD-AWS-0053", by: "forge" }]],
      [[], [{ ruleId: "CKV_AWS_260", by: "forge" }]],
    ]);
  });

  it.each([
    ["a rule not listed", "#trivy:ignore:AVD-AWS-0087", ["AVD-AWS-0086"], ["AVD-AWS-0087"]],
    ["a rule listed in another case", "#trivy:ignore:avd-aws-0086", ["AVD-AWS-0086"], ["avd-aws-0086"]],
    [
      "one of several rules not listed",
      "#checkov:skip=CKV_AWS_18,CKV_AWS_21",
      ["CKV_AWS_18"],
      ["CKV_AWS_21"],
    ],
    ["every rule", "#trivy:ignore:*", ["AVD-AWS-0086"], ["*"]],
    ["a marker naming no rule", "#checkov:skip=:why", [], [""]],
  ])("refuses %s", (_name, text, allowed, refused) => {
    expect(checkInlineSkips(file(text), allowed).map((j) => j.refused)).toEqual([refused]);
  });
});

describe("evaluate: the pull request cannot grade itself with a skip comment", () => {
  /** A clean Trivy output: the finding was hidden by the skip comment the pull request wrote. */
  const input = (text: string, policy = "") =>
    evaluation({
      plan: planFrom(COMPLIANT_STACK),
      toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
      terraformFiles: [{ path: "infra/checkout-api/main.tf", text }],
      policy: policyFrom(`policy:\n  requiredTags: [team]\n${policy}`),
      budgetMonthlyUsd: 100,
    });
  const BUCKET = 'resource "aws_s3_bucket" "receipts" {\n  bucket = "receipts"\n}\n';
  const HIDDEN = `#trivy:ignore:AVD-AWS-0086\n${BUCKET}`;

  it("passes without the skip comment", () => {
    expect(evaluate(input(BUCKET)).verdict).toBe("PASS");
  });

  it("fails with it: a skip hiding a HIGH finding turns PASS into FAIL, with one reason at its file:line", () => {
    const result = evaluate(input(HIDDEN));
    expect(validateArtifact("ValidationResult", result).ok).toBe(true);
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.slice(0, result.failingReasons)).toEqual([
      'Inline scanner skip at infra/checkout-api/main.tf:1 ("trivy:ignore:AVD-AWS-0086"): it hides AVD-AWS-0086 from the scanners, and policy.allowedSkips does not allow it. Remove it, or allow the rule in policy.allowedSkips on the default branch.',
    ]);
    expect(result.findings).toEqual([
      {
        tool: "infracrew-policy",
        ruleId: INLINE_SKIP_RULE,
        severity: "HIGH",
        title:
          "Inline scanner skip that the org policy does not allow: it hides AVD-AWS-0086 from the scanners",
        message:
          '"trivy:ignore:AVD-AWS-0086"; allow a rule by its id in policy.allowedSkips on the default branch',
        file: "infra/checkout-api/main.tf",
        line: 1,
        blocking: true,
      },
    ]);
    expect(result.tools.find((t) => t.name === "infracrew-policy")).toMatchObject({ findings: 1 });
    expect(checkRunAnnotations(result)).toEqual([
      expect.objectContaining({
        path: "infra/checkout-api/main.tf",
        start_line: 1,
        end_line: 1,
        annotation_level: "failure",
        title: "HIGH inline-skip (Org policy)",
      }),
    ]);
  });

  it("fails one reason per marker, in a heredoc and a string too", () => {
    const text = `${BUCKET}resource "aws_s3_bucket_policy" "p" {\n  policy = <<EOF\n  # checkov:skip=CKV_AWS_70\nEOF\n  description = "tfsec:ignore:*"\n}\n`;
    const result = evaluate(input(text));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.slice(0, result.failingReasons)).toEqual([
      'Inline scanner skip at infra/checkout-api/main.tf:6 ("checkov:skip=CKV_AWS_70"): it hides CKV_AWS_70 from the scanners, and policy.allowedSkips does not allow it. Remove it, or allow the rule in policy.allowedSkips on the default branch.',
      'Inline scanner skip at infra/checkout-api/main.tf:8 ("tfsec:ignore:*"): it hides every rule (*) from the scanners, which no policy can allow. Remove it, or name each rule it skips.',
    ]);
  });

  it("passes a skip whose rule the policy allows, and says so", () => {
    const result = evaluate(input(HIDDEN, "  allowedSkips: [AVD-AWS-0086]\n"));
    expect(result.verdict).toBe("PASS");
    expect(result.findings).toEqual([]);
    expect(result.reasons).toContain(
      "1 inline scanner skip allowed by policy.allowedSkips: AVD-AWS-0086 (infra/checkout-api/main.tf:1).",
    );
  });

  it("passes Forge's own exceptions without any policy", () => {
    const text = `#trivy:ignore:AVD-AWS-0104\n#tfsec:ignore:aws-ec2-no-public-egress-sgr\n${BUCKET}`;
    const result = evaluate(input(text));
    expect(result.verdict).toBe("PASS");
    expect(result.reasons.filter((r) => r.includes("inline scanner skip"))).toEqual([]);
  });
});
