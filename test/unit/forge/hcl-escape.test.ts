import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attr, block, object, str } from "../../../app/agents/forge/hcl/ast.js";
import { escapeHclString } from "../../../app/agents/forge/hcl/escape.js";
import { printHcl } from "../../../app/agents/forge/hcl/print.js";
import { literalValue, parseHcl } from "../../support/hcl.js";

/** Writes `value` as an attribute and as an object key, parses the file, and returns what came back. */
async function roundTrip(
  value: string,
): Promise<{ attribute: string; key: string; label: string; text: string }> {
  const text = printHcl([
    block("locals", [], [attr("value", str(value)), attr("map", object([[value, "x"]]))]),
    block("module", [value], [attr("source", "./m")]),
  ]);
  const parsed = (await parseHcl("roundtrip.tf", text)) as {
    locals: { value: string; map: Record<string, string> }[];
    module: Record<string, unknown>;
  };
  return {
    attribute: literalValue(parsed.locals[0]!.value),
    key: literalValue(Object.keys(parsed.locals[0]!.map)[0]!),
    label: Object.keys(parsed.module)[0]!,
    text,
  };
}

/**
 * The value Terraform sees: a UTF-8 file cannot hold a lone surrogate (it becomes U+FFFD, as any encoder writes it),
 * and HCL normalises every string to Unicode NFC (so U+F900 reads as its canonical equivalent U+8C48).
 */
const asUtf8 = (s: string): string => Buffer.from(s, "utf8").toString("utf8").normalize("NFC");

const HOSTILE = [
  'say "hi"',
  "back\\slash\\",
  "line one\nline two\r\nline three",
  "${var.secret}",
  "$${already escaped}",
  "$$${triple}",
  "%{ if true }yes%{ endif }",
  "%%{directive}",
  "trailing $",
  "trailing %",
  "../../etc/passwd",
  "tab\there",
  "nul\u0000byte",
  "bell\u0007 and delete\u007f",
  "unicode: café, 日本語, emoji 😀, rtl \u202e override \u2066isolate\u2069",
  "line\u2028separator\u2029paragraph",
  "bom\ufeffinside",
  '"} ] ) # // /* comment start',
  "checkov:skip=CKV_AWS_19:hidden",
  "#trivy:ignore:AVD-AWS-0132 tfsec:ignore:aws-s3-encryption-customer-key",
  "lone surrogate \ud800 here",
  "",
];

describe("HCL string escaping: goal text comes back verbatim, never as syntax", () => {
  it.each(HOSTILE.map((s) => [JSON.stringify(s), s]))("%s", async (_name, value) => {
    const back = await roundTrip(value);
    expect(back.attribute).toBe(asUtf8(value));
    expect(back.key).toBe(asUtf8(value));
    expect(back.label).toBe(asUtf8(value));
  });

  it("keeps every line of the file free of scanner suppression markers", async () => {
    const { text } = await roundTrip("checkov:skip=CKV_AWS_19 #trivy:ignore:AVD-AWS-0088 tfsec:ignore:x");
    expect(text).not.toMatch(/checkov:skip=|trivy:ignore|tfsec:ignore/);
  });

  it("escapes exactly the characters that would change the meaning", () => {
    expect(escapeHclString('a"b\\c\nd${e}%{f}')).toBe('a\\"b\\\\c\\nd$${e}%%{f}');
    expect(escapeHclString("\u0001\u202e😀")).toBe("\\u0001\\u202E😀");
  });

  it("round-trips any string (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom("$", "%", "{", "}", '"', "\\", "\n", "#", "/", "*", ":"),
            fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
          ),
        }),
        async (value) => {
          const back = await roundTrip(value);
          expect(back.attribute).toBe(asUtf8(value));
          expect(back.key).toBe(asUtf8(value));
        },
      ),
      { numRuns: 150 },
    );
  });
});
