import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinSafePath, sanitizeName, terraformLabel } from "../../../app/agents/forge/names.js";

const NAME = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

describe("sanitizeName", () => {
  it.each([
    ["checkout-api", "checkout-api"],
    ["Checkout API", "checkout-api"],
    ["Café Crème / Paiements", "cafe-creme-paiements"],
    ["../../etc/passwd", "etc-passwd"],
    ['"; rm -rf / #', "rm-rf"],
    ["${var.secret}", "var-secret"],
    ["123 numbers first", "numbers-first"],
    ["--dashes--everywhere--", "dashes-everywhere"],
    ["日本語", "unnamed"],
    ["", "unnamed"],
    ["ab", "ab0"],
    ["a".repeat(60), "a".repeat(40)],
    [`${"a".repeat(39)}-b`, "a".repeat(39)],
  ])("%j becomes %j", (text, name) => {
    expect(sanitizeName(text)).toBe(name);
  });

  it("always gives a valid contract name, and is idempotent (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const name = sanitizeName(text);
        expect(name).toMatch(NAME);
        expect(sanitizeName(name)).toBe(name);
      }),
    );
  });

  it("honours a shorter limit", () => {
    expect(sanitizeName("a long branch name for a goal", 12)).toBe("a-long-branc");
  });
});

describe("terraformLabel and joinSafePath", () => {
  it.each([
    ["network", "network"],
    ["checkout-db", "checkout_db"],
    ["9lives", "c_9lives"],
  ])("label of %s is %s", (id, label) => {
    expect(terraformLabel(id)).toBe(label);
  });

  it("joins safe segments and refuses ones that could leave the directory", () => {
    expect(joinSafePath("infra/checkout-api", "main.tf")).toBe("infra/checkout-api/main.tf");
    for (const [dir, file] of [
      ["infra/../..", "x.tf"],
      ["/etc", "x.tf"],
      ["infra", "../x.tf"],
      ["infra", "a\\b.tf"],
      ["infra//x", "y.tf"],
      ["infra", "."],
    ]) {
      expect(() => joinSafePath(dir!, file!)).toThrow(/unsafe path segment/);
    }
  });
});
