/**
 * scheduled-task → a Fargate task definition (the ECS service module with no service), and a Step Functions state
 * machine that runs it with ECS RunTask, waits for it, stops it at the PlanSpec's timeout and retries a failed run
 * with exponential backoff. scheduled-task-trigger.ts adds the schedule that starts it and the alarms.
 */
import type { ScheduledTaskComponent } from "../../../contracts/generated/plan-spec.js";
import { logRetention } from "../catalog/retention.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attr, attrs, blank, call, comment, ref, template, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { serviceLinks } from "./container-links.js";
import { scheduleTrigger } from "./scheduled-task-trigger.js";
import { baseContainer, CONTAINER_NAME, HTTPS_EGRESS, ownLogGroup, taskRoles } from "./task-container.js";

/** Task definition families feed IAM role name prefixes, which AWS caps at 38 characters. */
const FAMILY_NAME_LENGTH = 24;

/** Seconds before the first retry; each further one waits twice as long. */
const RETRY_INTERVAL_SECONDS = 60;

function taskDefinition(task: ScheduledTaskComponent, ctx: StackContext): Body {
  const p = task.params;
  const links = serviceLinks(task, ctx);
  const container = {
    ...baseContainer(p.image, links, {}, ownLogGroup(p.logRetentionDays, ctx), p.repositoryCredentialsArn),
    ...(p.command ? { command: p.command } : {}),
  };
  return moduleCall(
    ctx.label(task),
    MODULES.ecsService,
    [
      ...attrs({
        name: ctx.awsName(task, FAMILY_NAME_LENGTH),
        cluster_arn: ref(`module.${ctx.shared("cluster")}.arn`),
        create_service: false,
      }),
      blank,
      ...attrs({
        cpu: p.cpu * 1024,
        memory: p.memoryMb,
        runtime_platform: {
          cpu_architecture: p.cpuArchitecture ?? "X86_64",
          operating_system_family: "LINUX",
        },
      }),
      blank,
      attr("container_definitions", { [CONTAINER_NAME]: container }),
      attr("volume", { tmp: {} }),
      blank,
      ...attrs({
        subnet_ids: ref(`module.${ctx.label(ctx.ofKind("network")[0]!)}.private_subnets`),
        assign_public_ip: false,
        security_group_egress_rules: { ...HTTPS_EGRESS, ...links.egress },
      }),
      blank,
      ...taskRoles(links, ctx, "task", p.repositoryCredentialsArn),
    ],
    [SCANNER_EXCEPTIONS.taskHttpsEgress],
  );
}

/** The state machine's one state: run the task and wait for it, within the timeout, retrying a failure. */
function definition(task: ScheduledTaskComponent, ctx: StackContext): Value {
  const label = ctx.label(task);
  const p = task.params;
  const run: Record<string, Value> = {
    Type: "Task",
    Resource: template("arn:", ref("data.aws_partition.current.partition"), ":states:::ecs:runTask.sync"),
    TimeoutSeconds: p.timeoutMinutes * 60,
    Parameters: {
      LaunchType: "FARGATE",
      Cluster: ref(`module.${ctx.shared("cluster")}.arn`),
      TaskDefinition: ref(`module.${label}.task_definition_arn`),
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          Subnets: ref(`module.${ctx.label(ctx.ofKind("network")[0]!)}.private_subnets`),
          SecurityGroups: [ref(`module.${label}.security_group_id`)],
          AssignPublicIp: "DISABLED",
        },
      },
    },
    ...(p.retries > 0
      ? {
          Retry: [
            {
              ErrorEquals: ["States.ALL"],
              IntervalSeconds: RETRY_INTERVAL_SECONDS,
              MaxAttempts: p.retries,
              BackoffRate: 2,
            },
          ],
        }
      : {}),
    End: true,
  };
  return call("jsonencode", { Comment: `Runs ${task.id} once`, StartAt: "Run", States: { Run: run } });
}

function stateMachine(task: ScheduledTaskComponent, ctx: StackContext): Body {
  const label = ctx.label(task);
  const tasks = template(
    "arn:",
    ref("data.aws_partition.current.partition"),
    `:ecs:${ctx.region}:`,
    ref("data.aws_caller_identity.current.account_id"),
    ":task/",
    ref(`module.${ctx.shared("cluster")}.name`),
    "/*",
  );
  return moduleCall(`${label}_runner`, MODULES.stepFunctions, [
    ...attrs({ name: ctx.awsName(task, 80), type: "STANDARD", definition: definition(task, ctx) }),
    blank,
    comment(
      "The role may run this task definition, pass its two roles, and stop or watch tasks in this cluster.",
    ),
    attr("service_integrations", {
      ecs_Sync: {
        ecs: [ref(`module.${label}.task_definition_arn`)],
        ecs_Wildcard: [tasks],
        iam_PassRole: [
          ref(`module.${label}.task_exec_iam_role_arn`),
          ref(`module.${label}.tasks_iam_role_arn`),
        ],
        events: true,
      },
      xray: { xray: true },
    }),
    blank,
    ...attrs({
      logging_configuration: { level: "ERROR", include_execution_data: "false" },
      cloudwatch_log_group_retention_in_days: logRetention(task.params.logRetentionDays),
      cloudwatch_log_group_kms_key_id: ctx.keyArn,
    }),
  ]);
}

export function renderScheduledTask(task: ScheduledTaskComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(task);
  const trigger = scheduleTrigger(task, ctx);
  return {
    body: [...taskDefinition(task, ctx), blank, ...stateMachine(task, ctx), blank, ...trigger.body],
    outputs: [
      {
        name: `${label}_state_machine_arn`,
        description: `The state machine that runs ${task.id}; start an execution to run it now.`,
        value: ref(`module.${label}_runner.state_machine_arn`),
      },
      {
        name: `${label}_task_role_arn`,
        description: `The IAM role ${task.id}'s task runs as.`,
        value: ref(`module.${label}.tasks_iam_role_arn`),
      },
      ...trigger.outputs,
    ],
    keyStatements: trigger.keyStatements,
  };
}
