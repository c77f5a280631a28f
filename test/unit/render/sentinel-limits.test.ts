import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PrState } from "../../../app/conductor/pr-state.js";
import type { Finding, ValidationResult } from "../../../app/contracts/generated/validation-result.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { prepareCheckRun } from "../../../app/platform/check-run-rules.js";
import { GITHUB_LIMITS, SHOWN, SLACK_LIMITS, andMore, clip, truncate } from "../../../app/render/limits.js";
import { SENTINEL_CHECK, limitValidation, renderSentinelCheck } from "../../../app/render/sentinel-check.js";
import { reportMarkdown } from "../../../app/render/sentinel/check-run.js";
import { COMMENT_SECTION_CHARS, renderCommentSection } from "../../../app/render/sentinel/comment-section.js";
import { KEPT } from "../../../app/render/sentinel/limit-validation.js";
import { renderSlackBlocks, type SlackMessage } from "../../../app/render/sentinel/slack-blocks.js";
import { renderSticky } from "../../../app/render/sticky-comment.js";
import { policyWith } from "../../support/policies.js";
import { prState } from "../../support/pr-states.js";
import { failResult } from "../../support/sentinel-results.js";

const RUN_URL = "https://github.com/acme/platform-infra/actions/runs/123";
const CHECK_URL = "https://github.com/acme/platform-infra/pull/43/checks";

/** A FAIL with `findings` findings and `reasons` reasons (half of them failing), every text `chars` long. */
function huge(findings: number, reasons: number, chars: number): ValidationResult {
  const base = failResult();
  const long = "x".repeat(chars);
  const failing = Math.ceil(reasons / 2);
  return {
    ...base,
    reasons: Array.from({ length: reasons }, (_, i) => `Reason ${i}: ${long}`),
    failingReasons: failing,
    findings: Array.from({ length: findings }, (_, i): Finding => ({
      tool: i % 2 === 0 ? "trivy" : "checkov",
      ruleId: `AVD-AWS-${String(i).padStart(4, "0")}`,
      severity: "HIGH",
      title: `Finding ${i}`,
      message: `${i}: ${long}`,
      file: `infra/checkout-api/f${i % 40}.tf`,
      line: i + 1,
      resource: `aws_s3_bucket.b${i}`,
      link: `https://avd.aquasec.com/misconfig/avd-aws-${i}`,
      blocking: true,
    })),
  };
}

function expectSlackWithin(message: SlackMessage): void {
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  for (const block of message.blocks) {
    if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === "section") {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      for (const field of block.fields ?? [])
        expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    if (block.type === "context")
      for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
  }
}

function blocked(result: ValidationResult, withSection: boolean): PrState {
  const stored = limitValidation(result, { runUrl: RUN_URL });
  return prState("BLOCKED", {
    validation: {
      sha: "a".repeat(40),
      verdict: stored.verdict,
      reasons: stored.reasons,
      runUrl: RUN_URL,
      ...(withSection ? { section: renderCommentSection(result, { checkRunUrl: CHECK_URL }) } : {}),
    },
  });
}

describe("5,000 findings and 5,000 reasons of 10 KB each: every rendering within its platform's limits", () => {
  const result = huge(5000, 5000, 10_000);

  it("the check run: summary and text within GitHub's limits, 50 annotations, the rest counted with a link", () => {
    const check = renderSentinelCheck(result, RUN_URL);
    expect(check.summary.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary);
    expect(check.text.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunText);
    expect(check.annotations).toHaveLength(SHOWN.annotations);
    for (const a of check.annotations) {
      expect(a.title.length).toBeLessThanOrEqual(GITHUB_LIMITS.annotationTitle);
      expect(a.message.length).toBeLessThanOrEqual(GITHUB_LIMITS.annotationMessage);
    }
    // Every "and N more" is said within the limit, not cut off by it.
    expect(check.summary).not.toMatch(/more lines of the report left out/);
    expect(check.summary).toContain(`- ${andMore(2480, "reasons it failed", { link: RUN_URL })}`);
    expect(check.summary).toContain(`- ${andMore(2480, "reasons", { link: RUN_URL })}`);
    expect(check.summary).toContain(
      `Annotated on the files: the first 50 of the 5,000 findings with a file and line. ${andMore(4950, "findings with a file and line", { link: RUN_URL })}`,
    );
    expect(check.summary).toContain(andMore(4950, "findings", { link: RUN_URL }));
  });

  it("costs one request for the annotations: GitHub's platform sends them with the create or update", () => {
    const check = renderSentinelCheck(result, RUN_URL);
    const prepared = prepareCheckRun({ name: SENTINEL_CHECK, headSha: "a".repeat(40), ...check });
    expect(prepared.annotationBatches.map((b) => b.length)).toEqual([50]);
  });

  it("the job summary (the whole report) fits a step summary without being cut", () => {
    const { summary, text } = reportMarkdown(result);
    const whole = `${summary}\n\n${text}\n`;
    expect(whole.length).toBeLessThanOrEqual(GITHUB_LIMITS.jobSummary);
    expect(truncate(whole, GITHUB_LIMITS.jobSummary)).toBe(whole);
    expect(summary).toContain(andMore(4950, "findings"));
  });

  it("the sticky comment's Sentinel section stays short, and says how many more reasons there are", () => {
    const section = renderCommentSection(result, { checkRunUrl: CHECK_URL });
    expect(section.length).toBeLessThanOrEqual(COMMENT_SECTION_CHARS);
    expect(section).toMatch(
      /_… and 2,49\d more reasons in \[the check run\]\(https:\/\/github\.com\/acme\/platform-infra\/pull\/43\/checks\)\._/,
    );
  });

  it.each([
    ["with Sentinel's section", true],
    ["with only the stored reasons", false],
  ])("the sticky comment, %s, fits a GitHub comment", (_name, withSection) => {
    const sticky = renderSticky(blocked(result, withSection), policyWith());
    expect(sticky.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody);
  });

  it("the Slack message is within Block Kit's limits and counts the reasons it leaves out", () => {
    const message = renderSlackBlocks(result, { checkRunUrl: CHECK_URL, pullRequestUrl: CHECK_URL });
    expectSlackWithin(message);
    const reasons = message.blocks.find((b) => b.type === "section" && b.text)!;
    expect(reasons.type === "section" && reasons.text!.text).toContain(
      `• ${andMore(2495, "reasons", { style: "slack", link: CHECK_URL, linkText: "the check run" })}`,
    );
  });
});

describe("limitValidation: what is stored", () => {
  const result = huge(5000, 5000, 10_000);
  const limited = limitValidation(result, { runUrl: RUN_URL });

  it("is a valid ValidationResult with the same verdict, cost, budget, plan counts and tools", () => {
    const valid = validateArtifact("ValidationResult", limited);
    expect(valid.ok ? "valid" : valid.problems).toBe("valid");
    const { reasons: _r, failingReasons: _f, findings: _x, ...rest } = limited;
    const { reasons: _r2, failingReasons: _f2, findings: _x2, ...before } = result;
    expect(rest).toEqual(before);
  });

  it("keeps 20 failing and 10 passing reasons, each cut, the last of each saying how many more, with the run's link", () => {
    expect(limited.failingReasons).toBe(KEPT.failingReasons);
    expect(limited.reasons).toHaveLength(KEPT.failingReasons + KEPT.passingReasons);
    expect(limited.reasons[19]).toBe(`… and 2,481 more reasons it failed in the run: ${RUN_URL}`);
    expect(limited.reasons[29]).toBe(`… and 2,491 more reasons in the run: ${RUN_URL}`);
    for (const reason of limited.reasons) expect(reason.length).toBeLessThanOrEqual(KEPT.reasonChars);
    expect(limited.reasons[0]).toBe(clip(result.reasons[0]!, KEPT.reasonChars));
  });

  it("keeps the first 50 findings, each text cut", () => {
    expect(limited.findings).toHaveLength(KEPT.findings);
    expect(limited.findings[0]).toMatchObject({
      ruleId: "AVD-AWS-0000",
      file: "infra/checkout-api/f0.tf",
      line: 1,
    });
    for (const f of limited.findings) expect(f.message!.length).toBeLessThanOrEqual(KEPT.findingChars);
  });

  it("is small: it fits a GitHub comment, and the reasons a ValidationRecord stores half of one", () => {
    expect(JSON.stringify(limited.reasons).length).toBeLessThan(32 * 1024);
    expect(JSON.stringify(limited).length).toBeLessThan(64 * 1024);
  });

  it("names the artifact when there is no run link", () => {
    const noLink = limitValidation(result);
    expect(noLink.reasons[19]).toBe(
      "… and 2,481 more reasons it failed in Sentinel's ValidationResult artifact",
    );
  });

  it("leaves a result within its limits as it is (Sentinel's own FAIL and PASS)", () => {
    const small = failResult();
    expect(limitValidation(small, { runUrl: RUN_URL })).toEqual(small);
  });

  it("keeps the meaning of failingReasons, and changes nothing when applied again, for any counts and lengths", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.boolean(),
        (findings, reasons, chars, pass) => {
          const built = huge(findings, reasons, chars);
          const input: ValidationResult = pass
            ? { ...built, verdict: "PASS", failingReasons: 0 }
            : { ...built, failingReasons: Math.max(1, built.failingReasons ?? 1) };
          const once = limitValidation(input, { runUrl: RUN_URL });
          expect(validateArtifact("ValidationResult", once).ok).toBe(true);
          expect(once.verdict).toBe(input.verdict);
          expect((once.failingReasons ?? 0) > 0).toBe(input.verdict === "FAIL");
          expect(once.failingReasons).toBeLessThanOrEqual(KEPT.failingReasons);
          expect(once.reasons.length - once.failingReasons!).toBeLessThanOrEqual(KEPT.passingReasons);
          expect(limitValidation(once, { runUrl: RUN_URL })).toEqual(once);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("any number of findings and reasons, any length: the renderings stay within limits (fast-check)", () => {
  it("check run, annotations, comment section, sticky comment and Slack", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 20_000 }),
        (findings, reasons, chars) => {
          const result = huge(findings, reasons, chars);
          const check = renderSentinelCheck(result, RUN_URL);
          expect(check.summary.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary);
          expect(check.text.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunText);
          expect(check.annotations.length).toBeLessThanOrEqual(SHOWN.annotations);
          expect(renderCommentSection(result, { checkRunUrl: CHECK_URL }).length).toBeLessThanOrEqual(
            COMMENT_SECTION_CHARS,
          );
          expect(renderSticky(blocked(result, false), policyWith()).length).toBeLessThanOrEqual(
            GITHUB_LIMITS.commentBody,
          );
          expectSlackWithin(renderSlackBlocks(result, { checkRunUrl: CHECK_URL }));
        },
      ),
      { numRuns: 40 },
    );
  });
});
