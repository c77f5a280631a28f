import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GITHUB_LIMITS,
  andMore,
  batches,
  capList,
  clip,
  formatCount,
  truncate,
} from "../../../app/render/limits.js";
import { githubOpenApi } from "../../support/openapi.js";

const LINES = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n");

describe("truncate", () => {
  it("leaves text that fits as it is", () => {
    expect(truncate(LINES, LINES.length)).toBe(LINES);
  });

  it("cuts at a line boundary and says how many lines were left out", () => {
    expect(truncate(LINES, 60)).toBe("line 1\nline 2\nline 3\nline 4\n\n_… 26 more lines left out._");
  });

  it("names what was left out, and links to all of it", () => {
    expect(truncate(LINES, 120, { what: "findings", link: "https://example.com/run/1" })).toBe(
      "line 1\nline 2\nline 3\nline 4\nline 5\n\n_… 25 more lines of findings left out._ [See all of it.](https://example.com/run/1)",
    );
  });

  it("writes the note in Slack's mrkdwn or as plain text", () => {
    expect(truncate(LINES, 100, { style: "slack", link: "https://x.test/a" })).toBe(
      "line 1\nline 2\nline 3\nline 4\nline 5\n\n_… 25 more lines left out._ <https://x.test/a|See all of it.>",
    );
    expect(truncate(LINES, 60, { style: "plain" })).toBe(
      "line 1\nline 2\nline 3\nline 4\n\n… 26 more lines left out.",
    );
  });

  it("closes a code fence the cut leaves open", () => {
    const text = "intro\n```\nplan line 1\nplan line 2\nplan line 3\n```\nafter";
    expect(truncate(text, 50)).toBe("intro\n```\n```\n\n_… 5 more lines left out._");
  });

  it("cuts inside a first line longer than the room, without splitting an emoji", () => {
    const long = `${"🙂".repeat(30)}\nsecond`;
    const cut = truncate(long, 45, { style: "plain" });
    expect(cut).toBe(`${"🙂".repeat(9)}\n\n… 2 more lines left out.`);
  });

  it("is never longer than the limit, and keeps the text's start", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 1, max: 300 }),
        fc.option(fc.webUrl()),
        (text, max, link) => {
          const cut = truncate(text, max, link ? { link } : {});
          expect(cut.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(cut).toBe(text);
          const [kept, ...noted] = cut.split("\n\n_…");
          if (text.length > max && noted.length > 0) {
            expect(text.startsWith(kept!.replace(/\n(```|~~~)$/, ""))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("cuts 100,000 lines to a check run's summary quickly", () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `| finding ${i} | HIGH |`).join("\n");
    const cut = truncate(big, GITHUB_LIMITS.checkRunSummary, { what: "findings" });
    expect(cut.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary);
    expect(cut).toMatch(/\n\n_… 9[0-9],[0-9]{3} more lines of findings left out\._$/);
  });
});

describe("and N more", () => {
  it.each([
    [{}, "_… and 4,950 more findings._"],
    [{ link: "https://x.test/run" }, "_… and 4,950 more findings in [the run](https://x.test/run)._"],
    [
      { link: "https://x.test/c", linkText: "the check run", style: "slack" as const },
      "_… and 4,950 more findings in <https://x.test/c|the check run>._",
    ],
    [
      { link: "https://x.test/run", style: "plain" as const },
      "… and 4,950 more findings in the run: https://x.test/run",
    ],
    [{ style: "plain" as const }, "… and 4,950 more findings"],
  ])("%j", (options, expected) => {
    expect(andMore(4950, "findings", options)).toBe(expected);
  });

  it("caps a list and counts the rest", () => {
    expect(capList([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(capList([1, 2, 3, 4, 5], 2)).toEqual({ shown: [1, 2], more: 3 });
  });

  it("clips text with an ellipsis, never splitting an emoji, never longer than the limit", () => {
    expect(clip("abcdef", 6)).toBe("abcdef");
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("ab🙂cd", 4)).toBe("ab…");
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.integer({ min: 1, max: 60 }), (text, max) => {
        expect(clip(text, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("writes counts with thousands separators", () => {
    expect([0, 999, 1000, 1234567].map(formatCount)).toEqual(["0", "999", "1,000", "1,234,567"]);
  });
});

describe("batches", () => {
  it("splits 120 annotations into 50, 50 and 20", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(batches(items, GITHUB_LIMITS.annotationsPerRequest).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches(items, 50).flat()).toEqual(items);
    expect(batches([], 50)).toEqual([]);
    expect(() => batches(items, 0)).toThrow("batch size must be a positive integer, got 0");
  });
});

interface Limited {
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly description?: string;
  readonly items?: { readonly properties: Record<string, Limited> };
}

interface CreateCheckRun {
  readonly requestBody: {
    readonly content: Record<
      string,
      {
        readonly schema: {
          readonly properties: { readonly output: { readonly properties: Record<string, Limited> } };
        };
      }
    >;
  };
}

describe("the limits agree with GitHub's published API description", () => {
  it("check run summary, text and annotations per request", () => {
    const post = githubOpenApi().paths["/repos/{owner}/{repo}/check-runs"]!.post as CreateCheckRun;
    const output = post.requestBody.content["application/json"].schema.properties.output.properties;
    expect(output.summary!.maxLength).toBe(GITHUB_LIMITS.checkRunSummary);
    expect(output.text!.maxLength).toBe(GITHUB_LIMITS.checkRunText);
    expect(output.annotations!.maxItems).toBe(GITHUB_LIMITS.annotationsPerRequest);
    expect(output.annotations!.items!.properties.title!.description).toContain(
      `${GITHUB_LIMITS.annotationTitle} characters`,
    );
  });
});
