import { describe, expect, it } from "vitest";
import {
  checkInterfaces,
  type InterfaceRegistry,
} from "../../../app/agents/forge/interfaces/check-interfaces.js";
import { MODULE_LIST } from "../../../app/agents/forge/modules/index.js";
import { RESOURCE_LIST } from "../../../app/agents/forge/resources/index.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { parseHcl } from "../../support/hcl.js";

const registry: InterfaceRegistry = {
  modules: [
    {
      source: "example/things/aws",
      version: "1.2.3",
      providers: {},
      variables: [
        { name: "name", type: "string", required: true },
        { name: "rules", type: "map(object({ port = number, cidr = optional(string) }))", required: false },
        { name: "tags", type: "map(string)", required: false },
      ],
      outputs: ["id"],
    },
  ],
  resources: [
    {
      type: "aws_thing",
      kind: "resource",
      doc: "website/docs/r/thing.html.markdown",
      args: [
        { name: "name", required: true },
        { name: "setting", required: false },
      ],
      blocks: { setting: [{ name: "value", required: true }] },
      attributes: ["arn"],
    },
  ],
};

async function problems(text: string, with_: InterfaceRegistry = registry): Promise<string[]> {
  const body = await parseHcl("main.tf", text);
  return checkInterfaces([{ file: "main.tf", body }], with_).map(formatProblem);
}

const GOOD = `
module "a" {
  source  = "example/things/aws"
  version = "1.2.3"
  name    = "a"
  rules = {
    https = {
      port = 443
    }
  }
}

resource "aws_thing" "b" {
  name = module.a.id
  setting {
    value = 1
  }
}

variable "v" {
  type = string
}

output "o" {
  value = "\${aws_thing.b.arn}-\${var.v}"
}
`;

describe("checkInterfaces", () => {
  it("passes a configuration that uses only declared inputs, arguments and outputs", async () => {
    expect(await problems(GOOD)).toEqual([]);
  });

  it.each([
    [
      "an unknown module input",
      'name    = "a"',
      'name    = "a"\n  nmae = "b"',
      'main.tf: module.a: input "nmae" is not declared (did you mean "name"?)',
    ],
    ["a missing required input", 'name    = "a"', "", 'main.tf: module.a: required input "name" is missing'],
    [
      "an unknown nested attribute",
      "port = 443",
      "port = 443\n      prot = 1",
      'main.tf: module.a.rules.https: attribute "prot" is not declared (did you mean "port"?)',
    ],
    [
      "a missing nested attribute",
      "port = 443",
      'cidr = "x"',
      'main.tf: module.a.rules.https: attribute "port" is required',
    ],
    [
      "an object where a map of objects belongs",
      "https = {",
      'https = "x"\n    other = {',
      "main.tf: module.a.rules.https: expects an object",
    ],
    [
      "an unpinned version",
      'version = "1.2.3"',
      'version = "~> 1.2"',
      'main.tf: module.a: version must be pinned to "1.2.3" (got "~> 1.2")',
    ],
    [
      "an unknown source",
      "example/things/aws",
      "example/other/aws",
      'main.tf: module.a: source "example/other/aws" is not a vendored module',
    ],
    [
      "an unknown resource argument",
      "name = module.a.id",
      "name = module.a.id\n  nam = 1",
      'main.tf: aws_thing.b: argument "nam" is not declared (did you mean "name"?)',
    ],
    [
      "an unknown block argument",
      "value = 1",
      "value = 1\n    valeu = 2",
      'main.tf: aws_thing.b.setting: argument "valeu" is not declared (did you mean "value"?)',
    ],
    [
      "a missing block argument",
      "value = 1",
      "",
      'main.tf: aws_thing.b.setting: required argument "value" is missing',
    ],
    [
      "an unknown module output",
      "module.a.id",
      "module.a.idd",
      'main.tf: module.a: output "idd" is not declared (did you mean "id"?)',
    ],
    ["an undeclared module", "module.a.id", "module.z.id", 'main.tf: module.z.id: no module "z" is declared'],
    [
      "an unknown resource attribute",
      "aws_thing.b.arn",
      "aws_thing.b.ark",
      'main.tf: aws_thing.b: attribute "ark" is not declared (did you mean "arn"?)',
    ],
    ["an undeclared variable", "var.v}", "var.w}", 'main.tf: var.w: variable "w" is not declared'],
    [
      "a resource type with no vendored interface",
      'resource "aws_thing"',
      'resource "aws_other"',
      "main.tf: aws_other.b: resource type aws_other has no vendored interface",
    ],
  ])("reports %s", async (_name, from, to, message) => {
    const found = await problems(GOOD.replace(from, to));
    expect(found).toContain(message);
  });

  it("checks calls against the real vendored modules and resources", async () => {
    const found = await problems(
      `module "network" {
        source  = "terraform-aws-modules/vpc/aws"
        version = "6.6.0"
        enable_nat_gatway = true
        azs = data.aws_availability_zones.available.names
      }
      data "aws_availability_zones" "available" {
        state = "available"
        filter {
          name   = "opt-in-status"
          values = ["opt-in-not-required"]
        }
      }`,
      { modules: MODULE_LIST, resources: RESOURCE_LIST },
    );
    expect(found).toEqual([
      'main.tf: module.network: input "enable_nat_gatway" is not declared (did you mean "enable_nat_gateway"?)',
    ]);
  });
  it("checks ephemeral resources and their references against the vendored schema", async () => {
    const found = await problems(
      `ephemeral "aws_secretsmanager_random_password" "db" {
        password_length = 32
        exclude_punctuaton = true
      }
      resource "aws_secretsmanager_secret_version" "db" {
        secret_id                = "x"
        secret_string_wo         = ephemeral.aws_secretsmanager_random_password.db.random_passwd
        secret_string_wo_version = 1
      }`,
      { modules: MODULE_LIST, resources: RESOURCE_LIST },
    );
    expect(found).toEqual([
      'main.tf: ephemeral.aws_secretsmanager_random_password.db: argument "exclude_punctuaton" is not declared (did you mean "exclude_punctuation"?)',
      'main.tf: ephemeral.aws_secretsmanager_random_password.db: attribute "random_passwd" is not declared (did you mean "random_password"?)',
    ]);
  });
});
