/**
 * function → the Lambda module: a container image from ECR, or a runtime whose zip package the stack takes as input;
 * X-Ray tracing, environment and logs encrypted with the stack key, a concurrency cap, and IAM actions only on the
 * tables and buckets it is linked to (and, in a VPC, its database's secret). The HTTP APIs it is linked to may invoke it.
 */
import type { FunctionComponent } from "../../../contracts/generated/plan-spec.js";
import { logRetention } from "../catalog/retention.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attr, attrs, blank, comment, ref, template, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent, VariableSpec } from "../stack/rendered.js";
import { envPrefixOf } from "./data-store-refs.js";
import { componentRegion, inRegion } from "../stack/regions.js";
import { functionVpc } from "./function-vpc.js";

const FUNCTION_NAME_LENGTH = 64;

const TABLE_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DeleteItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
];

const BUCKET_ACTIONS = ["s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"];

/** The code: an image, or the zip package's bucket and key as inputs of the stack. */
function code(fn: FunctionComponent, label: string): { inputs: Body; variables: VariableSpec[] } {
  const p = fn.params;
  if (p.image !== undefined) {
    return {
      inputs: attrs({ package_type: "Image", image_uri: p.image, create_package: false }),
      variables: [],
    };
  }
  const variables: VariableSpec[] = [
    {
      name: `${label}_package_bucket`,
      description: `The S3 bucket holding ${fn.id}'s zip package (${p.runtime}).`,
      type: "string",
    },
    {
      name: `${label}_package_key`,
      description: `The S3 key of ${fn.id}'s zip package; a new key deploys a new version.`,
      type: "string",
    },
  ];
  return {
    inputs: [
      ...attrs({ runtime: p.runtime, handler: p.handler, create_package: false }),
      attr("s3_existing_package", {
        bucket: ref(`var.${label}_package_bucket`),
        key: ref(`var.${label}_package_key`),
      }),
    ],
    variables,
  };
}

export function renderFunction(fn: FunctionComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(fn);
  const p = fn.params;
  const { inputs: codeInputs, variables } = code(fn, label);
  const tables = ctx.linked(fn, "key-value-store");
  const apis = ctx.linked(fn, "http-api");
  const buckets = ctx.linked(fn, "object-storage");
  const vpc = functionVpc(fn, ctx);
  const environment: Record<string, Value> = {
    ...Object.fromEntries(
      tables.map((t) => [`${envPrefixOf(t, ctx)}_TABLE`, ref(`module.${ctx.label(t)}.dynamodb_table_id`)]),
    ),
    ...Object.fromEntries(
      buckets.map((b) => [`${envPrefixOf(b, ctx)}_BUCKET`, ref(`module.${ctx.label(b)}.s3_bucket_id`)]),
    ),
    ...vpc?.environment,
  };
  const statements: Record<string, Value> = {
    ...Object.fromEntries(
      tables.map((t) => {
        const arn = inRegion(
          ref(`module.${ctx.label(t)}.dynamodb_table_arn`),
          componentRegion(ctx.spec, t),
          ctx,
        );
        return [
          `table_${ctx.label(t)}`,
          { effect: "Allow", actions: TABLE_ACTIONS, resources: [arn, template(arn, "/index/*")] },
        ];
      }),
    ),
    ...Object.fromEntries(
      buckets.map((b) => {
        const arn = ref(`module.${ctx.label(b)}.s3_bucket_arn`);
        return [
          `bucket_${ctx.label(b)}`,
          { effect: "Allow", actions: BUCKET_ACTIONS, resources: [arn, template(arn, "/*")] },
        ];
      }),
    ),
    ...vpc?.statements,
    stack_key: { effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [ctx.keyArn] },
  };
  const triggers: Record<string, Value> = Object.fromEntries(
    apis.map((api) => [
      ctx.label(api),
      {
        service: "apigateway",
        source_arn: template(ref(`module.${ctx.label(api)}.api_execution_arn`), "/*/*"),
      },
    ]),
  );
  const body: Body = [
    ...attrs({
      function_name: ctx.awsName(fn, FUNCTION_NAME_LENGTH),
      description: `Infracrew ${ctx.spec.name}: ${fn.id}`,
    }),
    ...codeInputs,
    blank,
    ...attrs({
      architectures: [p.architecture],
      memory_size: p.memoryMb,
      timeout: p.timeoutSeconds,
      reserved_concurrent_executions: p.reservedConcurrency,
      tracing_mode: "Active",
      attach_tracing_policy: true,
    }),
    ...(vpc
      ? [blank, comment("In the VPC's private subnets, to reach the database; no NAT."), ...vpc.inputs]
      : []),
    blank,
    ...attrs({
      environment_variables: Object.keys(environment).length > 0 ? environment : undefined,
      kms_key_arn: ctx.keyArn,
      cloudwatch_logs_retention_in_days: logRetention(p.logRetentionDays),
      cloudwatch_logs_kms_key_id: ctx.keyArn,
    }),
    blank,
    comment(
      vpc
        ? "The function's role reaches only the data it is linked to (its database's secret), and the stack key."
        : `The function's role reaches only the ${buckets.length > 0 ? "tables and buckets" : "tables"} it is linked to, and the stack key that encrypts them.`,
    ),
    ...attrs({ attach_policy_statements: true, policy_statements: statements }),
    ...(apis.length > 0
      ? [
          blank,
          ...attrs({
            create_current_version_allowed_triggers: false,
            allowed_triggers: triggers,
          }),
        ]
      : []),
  ];
  return {
    body: [
      ...(vpc ? [...vpc.securityGroup, blank] : []),
      ...moduleCall(label, MODULES.lambda, body, [
        ...(vpc ? [] : [SCANNER_EXCEPTIONS.functionOutsideVpc]),
        SCANNER_EXCEPTIONS.functionCodeSigning,
        ...(apis.length > 0 ? [SCANNER_EXCEPTIONS.functionSynchronous] : []),
      ]),
    ],
    outputs: [
      {
        name: `${label}_function_name`,
        description: `The Lambda function name of ${fn.id}.`,
        value: ref(`module.${label}.lambda_function_name`),
      },
      {
        name: `${label}_role_arn`,
        description: `The IAM role ${fn.id} runs as.`,
        value: ref(`module.${label}.lambda_role_arn`),
      },
    ],
    variables,
  };
}
