import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../app/agents/sentinel/evaluate.js";
import type { Finding, ValidationResult } from "../../../app/contracts/generated/validation-result.js";
import { GITHUB_LIMITS, SLACK_LIMITS } from "../../../app/render/limits.js";
import {
  annotationBatches,
  annotationLevel,
  checkRunAnnotations,
} from "../../../app/render/sentinel/annotations.js";
import { checkRunConclusion, renderCheckRun } from "../../../app/render/sentinel/check-run.js";
import { COMMENT_SECTION_CHARS, renderCommentSection } from "../../../app/render/sentinel/comment-section.js";
import { renderSlackBlocks } from "../../../app/render/sentinel/slack-blocks.js";
import { expectGolden } from "../../support/golden.js";
import { githubOpenApi } from "../../support/openapi.js";
import { evaluation, policyFrom, planFrom, ran } from "../../support/sentinel-evaluate.js";
import { failResult, passResult } from "../../support/sentinel-results.js";

const RUN_URL = "https://github.com/acme/platform-infra/runs/123";

function checkRunGolden(result: ValidationResult): string {
  const output = renderCheckRun(result, { detailsUrl: RUN_URL });
  return `# title\n\n${output.title}\n\n# summary\n\n${output.summary}\n\n# text\n\n${output.text}\n`;
}

/** The output object of GitHub's "create a check run" request, compiled from the published description. */
function validateOutput() {
  const post = githubOpenApi().paths["/repos/{owner}/{repo}/check-runs"]!.post as {
    requestBody: { content: Record<string, { schema: { properties: { output: object } } }> };
  };
  return new Ajv({ strict: false }).compile(
    post.requestBody.content["application/json"]!.schema.properties.output,
  );
}

describe.each([
  ["pass", passResult],
  ["fail", failResult],
] as const)("Sentinel's %s result", (name, make) => {
  const result = make();

  it("renders the check run (golden)", () => {
    expectGolden(`sentinel/check-run-${name}.md`, checkRunGolden(result));
  });

  it("renders the annotations (golden), a request GitHub's API description accepts", () => {
    const batches = annotationBatches(result);
    expectGolden(`sentinel/annotations-${name}.json`, `${JSON.stringify(batches, null, 2)}\n`);
    const validate = validateOutput();
    const output = renderCheckRun(result);
    for (const batch of batches.length > 0 ? batches : [[]]) {
      expect(validate({ ...output, annotations: batch }) ? "valid" : validate.errors).toBe("valid");
    }
  });

  it("renders the sticky-comment section (golden), short", () => {
    const section = renderCommentSection(result, { checkRunUrl: RUN_URL });
    expect(section.length).toBeLessThanOrEqual(COMMENT_SECTION_CHARS);
    expectGolden(`sentinel/comment-${name}.md`, `${section}\n`);
  });

  it("renders the Slack blocks (golden), within Slack's limits", () => {
    const message = renderSlackBlocks(result, {
      checkRunUrl: RUN_URL,
      pullRequestUrl: "https://github.com/acme/platform-infra/pull/43",
    });
    expectGolden(`sentinel/slack-${name}.json`, `${JSON.stringify(message, null, 2)}\n`);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const block of message.blocks) {
      if (block.type === "header")
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (block.type === "section") {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
        for (const field of block.fields ?? [])
          expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      }
    }
  });
});

describe("the check run's conclusion and annotation levels", () => {
  it("is success for PASS and failure for FAIL", () => {
    expect([checkRunConclusion(passResult()), checkRunConclusion(failResult())]).toEqual([
      "success",
      "failure",
    ]);
  });

  it("fails blocking findings, warns MEDIUM and above, notes LOW and INFO", () => {
    const finding = (severity: Finding["severity"], blocking: boolean): Finding => ({
      tool: "trivy",
      ruleId: "AWS-0001",
      title: "t",
      severity,
      blocking,
    });
    expect(
      [
        finding("LOW", true),
        finding("HIGH", false),
        finding("MEDIUM", false),
        finding("LOW", false),
        finding("INFO", false),
      ].map(annotationLevel),
    ).toEqual(["failure", "warning", "warning", "notice", "notice"]);
  });
});

describe("a plan with 1,200 untagged buckets", () => {
  const count = 1200;
  const text = Array.from(
    { length: count },
    (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n`,
  ).join("\n");
  const result = evaluate(
    evaluation({
      plan: planFrom({
        changes: Array.from({ length: count }, (_, i) => ({
          address: `aws_s3_bucket.b${i}`,
          after: { tags: null },
        })),
      }),
      terraformFiles: [{ path: "infra/big/main.tf", text }],
      toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
      policy: policyFrom("policy:\n  requiredTags: [team]\n"),
    }),
  );

  it("annotates the first 50, which go in one request, and says so in the summary with a link to the rest", () => {
    const batches = annotationBatches(result);
    expect(batches.map((b) => b.length)).toEqual([50]);
    expect(batches[0]![49]).toEqual({
      path: "infra/big/main.tf",
      start_line: 197,
      end_line: 199,
      annotation_level: "failure",
      title: "HIGH required-tags (Org policy)",
      message: "aws_s3_bucket.b49 is missing the required tag team\nResource: aws_s3_bucket.b49",
    });
    expect(checkRunAnnotations(result)).toHaveLength(50);
    expect(renderCheckRun(result, { detailsUrl: RUN_URL }).summary).toContain(
      "Annotated on the files: the first 50 of the 1,200 findings with a file and line. _… and 1,150 more findings with a file and line in [the run](https://github.com/acme/platform-infra/runs/123)._",
    );
  });

  it("lists the first 50 findings in the summary and counts the rest, linking to the run", () => {
    const { summary } = renderCheckRun(result, { detailsUrl: RUN_URL });
    expect(summary.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary);
    expect(summary).toContain(
      "| ❌ | HIGH | required-tags | Org policy | `aws_s3_bucket.b0` | infra/big/main.tf:1-3 |",
    );
    expect(summary).not.toContain("`aws_s3_bucket.b50`");
    expect(summary).toMatch(
      /\n\n_… and 1,150 more findings in \[the run\]\(https:\/\/github\.com\/acme\/platform-infra\/runs\/123\)\._$/,
    );
  });
});
