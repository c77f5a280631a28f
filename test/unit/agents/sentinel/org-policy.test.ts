import { describe, expect, it } from "vitest";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { runOrgPolicy, type Violation } from "../../../../app/agents/sentinel/policy/run-policy.js";
import { readPolicy } from "../../../../app/contracts/policy-intake.js";
import type { ResolvedPolicyRules } from "../../../../app/contracts/generated/org-policy.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestChange, type TestPlan } from "../../../support/sentinel-plan.js";

function rules(yaml: string): ResolvedPolicyRules {
  const policy = readPolicy(yaml);
  if (!policy.ok) throw new Error(JSON.stringify(policy.problems));
  return policy.value.policy;
}

function violations(plan: TestPlan | string, yaml: string): Array<[string, string, boolean]> {
  const text = typeof plan === "string" ? plan : JSON.stringify(testPlan(plan));
  const model = parsedValue(parseTerraformPlan(text, { file: "plan.json" }));
  return runOrgPolicy(model, rules(yaml)).map((v: Violation) => [v.ruleId, v.title, v.blocking]);
}

describe("required tags", () => {
  const yaml = "policy:\n  requiredTags: [team, cost-center]\n";

  it("checks every taggable resource that stays, with the provider's default tags, and skips the rest", () => {
    expect(
      violations(
        {
          defaultTags: { "cost-center": "42" },
          changes: [
            {
              address: "aws_s3_bucket.known",
              after: { tags: {}, tags_all: { team: "a", "cost-center": "1" } },
            },
            {
              address: "aws_s3_bucket.defaults",
              after: { tags: { team: "a" } },
              afterUnknown: { tags_all: true },
            },
            { address: "aws_sqs_queue.bare", after: { tags: null }, afterUnknown: { tags_all: true } },
            {
              address: "aws_db_instance.old",
              actions: ["no-op"],
              after: { tags: {}, tags_all: { team: "a" } },
            },
            { address: "aws_iam_role.gone", actions: ["delete"], after: null, before: { tags_all: {} } },
            { address: "aws_s3_bucket_versioning.v", after: { bucket: "x" } },
            { address: "aws_ecs_service.app", after: { tags: { team: "a" } }, afterUnknown: { tags: true } },
          ],
        },
        yaml,
      ),
    ).toEqual([
      ["required-tags", "aws_sqs_queue.bare is missing the required tag team", true],
      ["required-tags", "aws_db_instance.old is missing the required tag cost-center", true],
      [
        "required-tags",
        "the required tags of aws_ecs_service.app cannot be checked: the tags are known only after apply",
        true,
      ],
    ]);
  });

  it("names every missing tag of Infracost's example plan, which has none", () => {
    const plan = fixture("terraform/plan_aws_create_infracost_example.json");
    expect(violations(plan, yaml).map(([, title]) => title)).toEqual(
      [
        "aws_instance.web_app",
        "aws_instance.zero_cost_instance",
        "aws_lambda_function.hello_world",
        "aws_lambda_function.zero_cost_lambda",
        "aws_s3_bucket.usage",
      ].map((a) => `${a} is missing the required tags team, cost-center`),
    );
  });

  it("checks nothing when the policy requires no tag", () => {
    expect(violations(fixture("terraform/plan_aws_create_infracost_example.json"), "")).toEqual([]);
  });
});

describe("allowed regions", () => {
  const yaml = "policy:\n  allowedRegions: [eu-west-1, eu-central-1]\n";

  it("passes providers and resources in allowed regions, and names the others", () => {
    expect(
      violations(
        {
          providers: {
            "aws.use1": {
              name: "aws",
              alias: "use1",
              expressions: { region: { constant_value: "us-east-1" } },
            },
          },
          changes: [
            { address: "aws_s3_bucket.ok", after: {} },
            { address: "aws_s3_bucket.v6", after: { region: "ap-south-1" } },
            { address: "aws_s3_bucket.v6_same", after: { region: "eu-west-1" } },
          ],
        },
        yaml,
      ),
    ).toEqual([
      [
        "allowed-regions",
        "provider aws.use1 deploys to us-east-1, which the org policy does not allow (allowed: eu-west-1, eu-central-1)",
        true,
      ],
      [
        "allowed-regions",
        "aws_s3_bucket.v6 is in ap-south-1, which the org policy does not allow (allowed: eu-west-1, eu-central-1)",
        true,
      ],
    ]);
  });

  it("fails a region it cannot see: Infracost's us-east-1 plan, and Checkov's plan whose region is in the environment", () => {
    expect(violations(fixture("terraform/plan_aws_create_infracost_example.json"), yaml)).toEqual([
      [
        "allowed-regions",
        "provider aws deploys to us-east-1, which the org policy does not allow (allowed: eu-west-1, eu-central-1)",
        true,
      ],
    ]);
    expect(violations(fixture("terraform/plan_aws_update.json"), yaml)).toEqual([
      [
        "allowed-regions",
        "the region of provider aws cannot be checked: region is not in the provider configuration (it comes from the environment)",
        true,
      ],
    ]);
  });

  it("checks nothing when the policy allows any region", () => {
    expect(violations(fixture("terraform/plan_aws_update.json"), "")).toEqual([]);
  });
});

describe("size caps", () => {
  const yaml = [
    "policy:",
    "  sizeCaps:",
    "    maxTasks: 10",
    "    maxTaskCpu: 2",
    "    maxDbStorageGb: 500",
    "    allowedInstanceFamilies: [db.t4g, cache.t4g]",
  ].join("\n");

  it("names each value over its cap, and each that cannot be read", () => {
    expect(
      violations(
        {
          changes: [
            {
              address: "aws_db_instance.main",
              after: { instance_class: "db.r6g.large", allocated_storage: 500, max_allocated_storage: 1000 },
            },
            {
              address: "aws_db_instance.secret",
              after: { instance_class: "db.m6g.large" },
              afterSensitive: { instance_class: true },
            },
            { address: "aws_db_instance.later", after: {}, afterUnknown: { instance_class: true } },
            { address: "aws_elasticache_replication_group.cache", after: { node_type: "cache.t4g.small" } },
            { address: "aws_ecs_service.app", after: { desired_count: 12 } },
            {
              address: "aws_appautoscaling_target.ecs",
              after: { service_namespace: "ecs", max_capacity: 20 },
            },
            {
              address: "aws_appautoscaling_target.table",
              after: { service_namespace: "dynamodb", max_capacity: 400 },
            },
            { address: "aws_ecs_task_definition.big", after: { cpu: "4096" } },
            { address: "aws_ecs_task_definition.small", after: { cpu: "1 vCPU" } },
          ],
        },
        yaml,
      ),
    ).toEqual([
      [
        "instance-family",
        'aws_db_instance.main.instance_class is "db.r6g.large", not of an instance family the org policy allows (db.t4g, cache.t4g)',
        true,
      ],
      [
        "db-storage",
        "aws_db_instance.main.max_allocated_storage is 1000 GB, over the org policy's cap of 500 GB",
        true,
      ],
      [
        "instance-family",
        "aws_db_instance.secret.instance_class is (sensitive), not of an instance family the org policy allows (db.t4g, cache.t4g)",
        true,
      ],
      [
        "instance-family",
        "aws_db_instance.later.instance_class cannot be checked against the allowed instance families: known only after apply",
        true,
      ],
      [
        "task-count",
        "aws_ecs_service.app.desired_count is 12 tasks, over the org policy's cap of 10 tasks",
        true,
      ],
      [
        "task-count",
        "aws_appautoscaling_target.ecs.max_capacity is 20 tasks, over the org policy's cap of 10 tasks",
        true,
      ],
      ["task-cpu", "aws_ecs_task_definition.big.cpu is 4 vCPU, over the org policy's cap of 2 vCPU", true],
    ]);
  });

  it("caps nothing when the policy sets no caps: the budget brake guards cost, caps are the organisation's to set", () => {
    expect(
      violations(
        {
          changes: [
            {
              address: "aws_db_instance.main",
              after: { instance_class: "db.r7g.16xlarge", allocated_storage: 65536 },
            },
            { address: "aws_ecs_service.app", after: { desired_count: 1500 } },
            { address: "aws_ecs_task_definition.app", after: { cpu: "16384", memory: "32768" } },
          ],
        },
        "",
      ),
    ).toEqual([]);
  });
});

describe("deleting or replacing a stateful resource", () => {
  const changes: TestChange[] = [
    { address: "aws_db_instance.main", actions: ["delete"], after: null, before: {} },
    { address: "aws_s3_bucket.data", actions: ["delete", "create"] },
    { address: "aws_sqs_queue.jobs", actions: ["create", "delete"] },
    { address: "aws_security_group.web", actions: ["delete", "create"] },
    { address: "aws_elasticache_replication_group.cache", actions: ["update"] },
  ];

  it("fails unless the policy allows it", () => {
    expect(violations({ changes }, "")).toEqual([
      [
        "stateful-delete",
        "Terraform would delete aws_db_instance.main, which holds data; the org policy does not allow it (allowStatefulDeletes: false)",
        true,
      ],
      [
        "stateful-replace",
        "Terraform would replace (destroy and re-create) aws_s3_bucket.data, which holds data; the org policy does not allow it (allowStatefulDeletes: false)",
        true,
      ],
      [
        "stateful-replace",
        "Terraform would replace (destroy and re-create) aws_sqs_queue.jobs, which holds data; the org policy does not allow it (allowStatefulDeletes: false)",
        true,
      ],
    ]);
  });

  it("reports, without failing, when the policy allows it", () => {
    const allowed = violations({ changes }, "policy:\n  allowStatefulDeletes: true\n");
    expect(allowed.map(([rule, , blocking]) => [rule, blocking])).toEqual([
      ["stateful-delete", false],
      ["stateful-replace", false],
      ["stateful-replace", false],
    ]);
    expect(allowed[0]![1]).toBe(
      "Terraform would delete aws_db_instance.main, which holds data; the org policy allows it (allowStatefulDeletes: true)",
    );
  });

  it("ignores a replacement of a resource that holds no data (Terraform's test_instance)", () => {
    expect(violations(fixture("terraform/show_json_replace_testprovider.json"), "")).toEqual([]);
  });
});
