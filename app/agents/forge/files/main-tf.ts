/**
 * main.tf: what the stack's components share. The KMS key that encrypts every data store and log group (rotated
 * yearly, its policy allowing CloudWatch Logs in this account and region, plus what components add), and the ECS
 * cluster when the stack runs containers.
 */
import { attr, attrs, blank, block, comment, ref, template, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import { logRetention } from "../catalog/retention.js";
import { gpuCapacityProvider, isGpuService } from "../components/gpu-capacity.js";
import type { StackContext } from "../stack/context.js";
import { stackRegions } from "../stack/regions.js";

/** Kinds whose resources write to CloudWatch log groups encrypted with the stack key. */
const LOGGING_KINDS = [
  "container-service",
  "database",
  "cache",
  "log-group",
  "function",
  "http-api",
  "scheduled-task",
  "kubernetes-cluster",
  "stream",
] as const;

function writesLogs(ctx: StackContext): boolean {
  return (
    LOGGING_KINDS.some((kind) => ctx.ofKind(kind).length > 0) ||
    ctx.ofKind("network").some((n) => n.params.flowLogs)
  );
}

function cloudWatchLogsStatement(ctx: StackContext): Value {
  const region = ctx.region;
  return {
    sid: "CloudWatchLogsEncryptsThisAccountsLogGroups",
    actions: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
    resources: ["*"],
    principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
    condition: [
      {
        test: "ArnLike",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: [
          template(
            "arn:",
            ref("data.aws_partition.current.partition"),
            `:logs:${region}:`,
            ref("data.aws_caller_identity.current.account_id"),
            ":log-group:*",
          ),
        ],
      },
    ],
  };
}

function needsIdentity(ctx: StackContext): boolean {
  return writesLogs(ctx) || ctx.ofKind("object-storage").length > 0;
}

/** What the stack shares in one region (the data sources, once, in the primary's part). */
export function renderMainTf(ctx: StackContext, keyStatements: readonly Value[]): Body {
  const logs = writesLogs(ctx);
  const identity =
    ctx.provider === undefined && stackRegions(ctx.spec).some((r) => needsIdentity(ctx.inRegion(r)));
  const all = [...(logs ? [cloudWatchLogsStatement(ctx)] : []), ...keyStatements];
  const statements = all.filter(
    (st, i) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(st)) === i,
  );
  const tasks = [...ctx.ofKind("container-service"), ...ctx.ofKind("scheduled-task")];
  const gpuServices = ctx.ofKind("container-service").filter(isGpuService);
  const cluster: Body = tasks.length
    ? [
        blank,
        ...moduleCall(ctx.shared("cluster"), MODULES.ecsCluster, [
          attr("name", ctx.spec.name),
          blank,
          attr("configuration", {
            execute_command_configuration: {
              kms_key_id: ctx.keyArn,
              logging: "OVERRIDE",
              log_configuration: { cloud_watch_encryption_enabled: true },
            },
          }),
          attr("setting", [{ name: "containerInsights", value: "enabled" }]),
          ...(gpuServices.length
            ? [
                blank,
                attr(
                  "capacity_providers",
                  Object.fromEntries(
                    gpuServices.map((svc) => [ctx.label(svc), gpuCapacityProvider(svc, ctx)]),
                  ),
                ),
              ]
            : []),
          blank,
          ...attrs({
            cloudwatch_log_group_retention_in_days: logRetention(undefined),
            cloudwatch_log_group_kms_key_id: ctx.keyArn,
          }),
        ]),
      ]
    : [];
  return [
    ...(identity
      ? [
          block("data", ["aws_caller_identity", "current"], []),
          blank,
          block("data", ["aws_partition", "current"], []),
          blank,
        ]
      : []),
    ...moduleCall(ctx.shared("encryption"), MODULES.kms, [
      ...attrs({
        description: `Infracrew ${ctx.spec.name}: encryption at rest for its data stores and logs${ctx.provider ? ` in ${ctx.region}` : ""}`,
        aliases: [`infracrew/${ctx.spec.name}`],
        enable_key_rotation: true,
        deletion_window_in_days: 30,
      }),
      ...(statements.length
        ? [
            blank,
            comment("Services that encrypt with the key on this account's behalf."),
            attr("key_statements", statements),
          ]
        : []),
    ]),
    ...cluster,
  ];
}
