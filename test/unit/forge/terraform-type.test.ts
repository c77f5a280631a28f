import { describe, expect, it } from "vitest";
import {
  formatTerraformType,
  parseTerraformType,
} from "../../../app/agents/forge/interfaces/terraform-type.js";
import { MODULE_LIST } from "../../../app/agents/forge/modules/index.js";

describe("Terraform type constraints", () => {
  it.each([
    ["string", "string"],
    ["list(string)", "list(string)"],
    ["map(map(any))", "map(map(any))"],
    ["tuple([string, number])", "tuple([string, number])"],
    [
      "object({\n  a = string\n  b = optional(number, 5)\n})",
      "object({ a = string, b = optional(number, 5) })",
    ],
    [
      'map(object({\n  name = optional(string)\n  # a comment\n  ports = optional(list(number), [])\n  mode = optional(string, "tcp")\n}))',
      'map(object({ name = optional(string), ports = optional(list(number), []), mode = optional(string, "tcp") }))',
    ],
    [
      'object({\n  a = optional(object({\n    b = bool\n  }), {})\n  c = optional(list(string), ["x", "y"])\n})',
      'object({ a = optional(object({ b = bool }), {}), c = optional(list(string), ["x", "y"]) })',
    ],
    ['object({ "quoted-key" = string })', "object({ quoted-key = string })"],
  ])("%s reads as %s", (source, canonical) => {
    expect(formatTerraformType(parseTerraformType(source))).toBe(canonical);
  });

  it("keeps optional attributes and their defaults apart from required ones", () => {
    expect(parseTerraformType("object({ a = string, b = optional(bool, true) })")).toEqual({
      kind: "object",
      attributes: {
        a: { type: { kind: "primitive", name: "string" }, optional: false },
        b: { type: { kind: "primitive", name: "bool" }, optional: true, default: "true" },
      },
    });
  });

  it.each([["strng"], ["list(string"], ["object({ a = })"], ["map(string))"]])("refuses %s", (source) => {
    expect(() => parseTerraformType(source)).toThrow(/type/);
  });

  it("reads every vendored module variable's type back to the same text", () => {
    let count = 0;
    for (const module of MODULE_LIST) {
      for (const variable of module.variables) {
        expect(
          formatTerraformType(parseTerraformType(variable.type)),
          `${module.source} ${variable.name}`,
        ).toBe(variable.type);
        count++;
      }
    }
    expect(count).toBe(MODULE_LIST.reduce((n, m) => n + m.variables.length, 0));
  });
});
