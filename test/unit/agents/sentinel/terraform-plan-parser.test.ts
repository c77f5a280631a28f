import { describe, expect, it } from "vitest";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { planCounts } from "../../../../app/agents/sentinel/plan-counts.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";

const source = { file: "plan.json" };

describe("Terraform plan JSON (terraform show -json)", () => {
  it("reads Infracost's example plan: 5 creates on the aws provider in us-east-1, none with tags", () => {
    const plan = parsedValue(
      parseTerraformPlan(fixture("terraform/plan_aws_create_infracost_example.json"), source),
    );
    expect(plan.formatVersion).toBe("0.2");
    expect(plan.terraformVersion).toBe("1.0.5");
    expect(plan.resources.map((r) => [r.address, r.type, r.action, r.providerKey])).toEqual([
      ["aws_instance.web_app", "aws_instance", "create", "aws"],
      ["aws_instance.zero_cost_instance", "aws_instance", "create", "aws"],
      ["aws_lambda_function.hello_world", "aws_lambda_function", "create", "aws"],
      ["aws_lambda_function.zero_cost_lambda", "aws_lambda_function", "create", "aws"],
      ["aws_s3_bucket.usage", "aws_s3_bucket", "create", "aws"],
    ]);
    // tags is null and tags_all is known only after apply; with no default_tags, no tag is certain.
    expect(plan.resources.map((r) => r.tagKeys)).toEqual(Array(5).fill({ known: true, value: [] }));
    expect(plan.providers).toEqual([
      { key: "aws", name: "aws", region: { known: true, value: "us-east-1" } },
    ]);
    expect(plan.resources[0]!.values.instance_type).toBe("m5.4xlarge");
    expect(planCounts(plan)).toEqual({ create: 5, update: 0, delete: 0, replace: 0 });
  });

  it("reads Checkov's update plan: 2 in-place updates of security group rules, region from the environment", () => {
    const plan = parsedValue(parseTerraformPlan(fixture("terraform/plan_aws_update.json"), source));
    expect(plan.resources.map((r) => [r.address, r.action, r.tagKeys])).toEqual([
      ["aws_security_group_rule.foo", "update", null],
      ["aws_security_group_rule.bar", "update", null],
    ]);
    expect(plan.providers[0]!.region).toEqual({
      known: false,
      why: "region is not in the provider configuration (it comes from the environment)",
    });
    expect(planCounts(plan)).toEqual({ create: 0, update: 2, delete: 0, replace: 0 });
  });

  it('reads Terraform\'s own replace example: ["delete","create"] is one replacement', () => {
    const plan = parsedValue(
      parseTerraformPlan(fixture("terraform/show_json_replace_testprovider.json"), source),
    );
    expect(plan.formatVersion).toBe("1.0");
    expect(plan.resources.map((r) => [r.address, r.action])).toEqual([["test_instance.test", "replace"]]);
    expect(planCounts(plan)).toEqual({ create: 0, update: 0, delete: 0, replace: 1 });
  });

  it('counts ["create","delete"] (create_before_destroy) as a replacement, and a bare delete as a delete', () => {
    const data = JSON.parse(fixture("terraform/show_json_replace_testprovider.json"));
    const change = data.resource_changes[0];
    data.resource_changes = [
      { ...change, change: { ...change.change, actions: ["create", "delete"] } },
      {
        ...change,
        address: "test_instance.old",
        change: { ...change.change, actions: ["delete"], after: null },
      },
      { ...change, address: "test_instance.same", change: { ...change.change, actions: ["no-op"] } },
      {
        ...change,
        address: "data.test_thing.x",
        mode: "data",
        change: { ...change.change, actions: ["read"] },
      },
    ];
    const plan = parsedValue(parseTerraformPlan(JSON.stringify(data), source));
    expect(plan.resources.map((r) => [r.address, r.action, r.managed])).toEqual([
      ["test_instance.test", "replace", true],
      ["test_instance.old", "delete", true],
      ["test_instance.same", "no-op", true],
      ["data.test_thing.x", "read", false],
    ]);
    expect(planCounts(plan)).toEqual({ create: 0, update: 0, delete: 1, replace: 1 });
  });

  it("takes tags from tags_all when the plan knows it, else from tags and the provider's default_tags", () => {
    const data = JSON.parse(fixture("terraform/plan_aws_create_infracost_example.json"));
    const [web, zero, lambda] = data.resource_changes;
    web.change.after.tags_all = { team: "payments", env: "prod" };
    web.change.after_unknown.tags_all = false;
    zero.change.after.tags = { Name: "zero" };
    lambda.change.after_unknown.tags = true;
    data.configuration.provider_config.aws.expressions.default_tags = [
      { tags: { constant_value: { team: "payments", "cost-center": "42" } } },
    ];
    const plan = parsedValue(parseTerraformPlan(JSON.stringify(data), source));
    expect(plan.resources.slice(0, 4).map((r) => r.tagKeys)).toEqual([
      { known: true, value: ["team", "env"] },
      { known: true, value: ["Name", "team", "cost-center"] },
      { known: false, why: "the tags are known only after apply" },
      { known: true, value: ["team", "cost-center"] },
    ]);
  });

  it("resolves a provider region that refers to a root variable", () => {
    const data = JSON.parse(fixture("terraform/plan_aws_create_infracost_example.json"));
    data.configuration.provider_config.aws.expressions.region = { references: ["var.region"] };
    data.variables = { region: { value: "eu-west-1" } };
    const plan = parsedValue(parseTerraformPlan(JSON.stringify(data), source));
    expect(plan.providers[0]!.region).toEqual({ known: true, value: "eu-west-1" });
  });

  it("keeps what a resource's attributes refer to, and its provider alias, from the configuration", () => {
    const data = JSON.parse(fixture("terraform/plan_aws_create_infracost_example.json"));
    data.configuration.provider_config["aws.west"] = {
      name: "aws",
      alias: "west",
      expressions: { region: { constant_value: "us-west-2" } },
    };
    const web = data.configuration.root_module.resources[0];
    web.provider_config_key = "aws.west";
    web.expressions.iam_instance_profile = {
      references: ["aws_iam_instance_profile.web.name", "aws_iam_instance_profile.web"],
    };
    const plan = parsedValue(parseTerraformPlan(JSON.stringify(data), source));
    expect(plan.resources[0]!.providerKey).toBe("aws.west");
    expect(plan.resources[0]!.references).toEqual({
      iam_instance_profile: ["aws_iam_instance_profile.web.name", "aws_iam_instance_profile.web"],
    });
  });
});
