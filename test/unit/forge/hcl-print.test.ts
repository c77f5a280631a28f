import { describe, expect, it } from "vitest";
import {
  attr,
  blank,
  block,
  call,
  comment,
  list,
  nul,
  object,
  ref,
  sortedObject,
  template,
} from "../../../app/agents/forge/hcl/ast.js";
import { printHcl } from "../../../app/agents/forge/hcl/print.js";
import { parseHcl } from "../../support/hcl.js";

describe("the HCL printer writes terraform fmt's canonical layout", () => {
  it.each([
    [
      "aligns the = of consecutive one-line attributes",
      [attr("a", 1), attr("long_name", "x"), attr("mid", true)],
      'a         = 1\nlong_name = "x"\nmid       = true\n',
    ],
    [
      "starts a new alignment group after a blank line",
      [attr("a", 1), blank, attr("long_name", 2)],
      "a = 1\n\nlong_name = 2\n",
    ],
    [
      "does not align a multi-line value with its neighbours, and aligns inside it",
      [attr("name", "x"), attr("tags", { Team: "a", "cost-center": "b" }), attr("enabled", false)],
      'name = "x"\ntags = {\n  Team          = "a"\n  "cost-center" = "b"\n}\nenabled = false\n',
    ],
    [
      "writes lists of objects one item per line with trailing commas",
      [attr("rules", list([{ port: 443 }, { port: 80, cidr: "10.0.0.0/16" }]))],
      'rules = [\n  {\n    port = 443\n  },\n  {\n    port = 80\n    cidr = "10.0.0.0/16"\n  },\n]\n',
    ],
    [
      "keeps a short list of scalars on one line",
      [attr("azs", ["a", "b"]), attr("empty", []), attr("none", {})],
      'azs   = ["a", "b"]\nempty = []\nnone  = {}\n',
    ],
    [
      "wraps a list longer than 100 characters",
      [attr("long", ["x".repeat(40), "y".repeat(40), "z".repeat(20)])],
      `long = [\n  "${"x".repeat(40)}",\n  "${"y".repeat(40)}",\n  "${"z".repeat(20)}",\n]\n`,
    ],
    [
      "writes a call whose last argument is an object around it",
      [attr("policy", call("jsonencode", object({ Version: "2012-10-17" })))],
      'policy = jsonencode({\n  Version = "2012-10-17"\n})\n',
    ],
    [
      "interpolates references in templates and escapes the literal parts",
      [attr("arn", template("arn:", ref("data.aws_partition.current.partition"), ':s3:::"${x}"'))],
      'arn = "arn:${data.aws_partition.current.partition}:s3:::\\"$${x}\\""\n',
    ],
    [
      "writes blocks, empty blocks, comments and null",
      [comment("Forge"), block("resource", ["aws_x", "y"], [attr("v", nul), block("lifecycle", [], [])])],
      '# Forge\nresource "aws_x" "y" {\n  v = null\n  lifecycle {}\n}\n',
    ],
    [
      "quotes keys that are not plain identifiers, and sorts where asked",
      [attr("tags", sortedObject({ zeta: "1", "a b": "2", true: "3" }))],
      'tags = {\n  "a b"  = "2"\n  "true" = "3"\n  zeta   = "1"\n}\n',
    ],
  ])("%s", async (_name, body, expected) => {
    const text = printHcl(body);
    expect(text).toBe(expected);
    await expect(parseHcl("print.tf", text)).resolves.toBeDefined();
  });

  it("refuses unsafe names, references and comments: they are programming errors, not input", () => {
    expect(() => attr("a b", 1)).toThrow(/attribute name/);
    expect(() => ref("var.x}${evil")).toThrow(/reference/);
    expect(() => comment("two\nlines")).toThrow(/comment/);
    expect(() => call("evil(", 1)).toThrow(/function name/);
  });
});
