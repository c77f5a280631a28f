/**
 * container-service → the ECS service module on Fargate: private subnets, no public IP, a read-only root file
 * system with a scratch /tmp, logs encrypted with the stack key, the deployment circuit breaker with rollback,
 * autoscaling on the PlanSpec's metric, and access to exactly the components it is linked to.
 */
import type { ContainerServiceComponent } from "../../../contracts/generated/plan-spec.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attr, attrs, blank, comment, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { serviceLinks } from "./container-links.js";
import { scalingPolicies } from "./container-scaling.js";
import { gpuCapacity, isGpuService } from "./gpu-capacity.js";
import { baseContainer, CONTAINER_NAME, HTTPS_EGRESS, ownLogGroup, taskRoles } from "./task-container.js";

/** ECS service names feed IAM role name prefixes, which AWS caps at 38 characters. */
const SERVICE_NAME_LENGTH = 24;

/** The port the container listens on: its load balancer's target port, else the PlanSpec's port, if any. */
export function containerPort(service: ContainerServiceComponent, ctx: StackContext): number | undefined {
  return ctx.linked(service, "load-balancer")[0]?.params.targetPort ?? service.params.port;
}

export function renderContainerService(
  service: ContainerServiceComponent,
  ctx: StackContext,
): RenderedComponent {
  const label = ctx.label(service);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const lb = ctx.linked(service, "load-balancer")[0];
  const logGroup = ctx.linked(service, "log-group")[0];
  const port = containerPort(service, ctx);
  const name = ctx.awsName(service, SERVICE_NAME_LENGTH);
  const links = serviceLinks(service, ctx);
  const p = service.params;

  const pullSecret = p.repositoryCredentialsArn;
  const container = baseContainer(
    p.image,
    links,
    port !== undefined ? { portMappings: [{ name: "http", containerPort: port, protocol: "tcp" }] } : {},
    logGroup
      ? {
          create_cloudwatch_log_group: false,
          logConfiguration: {
            logDriver: "awslogs",
            options: {
              "awslogs-group": ref(`module.${ctx.label(logGroup)}.cloudwatch_log_group_name`),
              "awslogs-region": ctx.region,
              "awslogs-stream-prefix": CONTAINER_NAME,
            },
          },
        }
      : ownLogGroup(p.logRetentionDays, ctx),
    pullSecret,
  );
  if (p.gpu) container.resourceRequirements = [{ type: "GPU", value: String(p.gpu.count) }];

  const ingress: Record<string, Value> = lb
    ? {
        [ctx.label(lb)]: {
          from_port: port!,
          to_port: port!,
          ip_protocol: "tcp",
          referenced_security_group_id: ref(`module.${ctx.label(lb)}.security_group_id`),
          description: `From the ${lb.id} load balancer`,
        },
      }
    : {};
  const egress: Record<string, Value> = { ...HTTPS_EGRESS, ...links.egress };

  const inputs: Body = [
    ...attrs({ name, cluster_arn: ref(`module.${ctx.shared("cluster")}.arn`) }),
    blank,
    ...attrs({
      cpu: p.cpu * 1024,
      memory: p.memoryMb,
      runtime_platform: { cpu_architecture: p.cpuArchitecture ?? "X86_64", operating_system_family: "LINUX" },
    }),
    ...(isGpuService(service)
      ? [
          blank,
          comment("GPU tasks run on the EC2 capacity provider below, one task per instance."),
          ...attrs({
            launch_type: "EC2",
            requires_compatibilities: ["EC2"],
            capacity_provider_strategy: {
              gpu: {
                capacity_provider: ref(`module.${ctx.shared("cluster")}.capacity_providers["${label}"].name`),
                weight: 1,
              },
            },
          }),
        ]
      : []),
    blank,
    ...attrs({
      desired_count: p.desiredCount,
      enable_autoscaling: true,
      autoscaling_min_capacity: p.minCount,
      autoscaling_max_capacity: p.maxCount,
      autoscaling_policies: scalingPolicies(service, ctx, name),
    }),
    blank,
    ...attrs({
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
      health_check_grace_period_seconds: lb ? 60 : undefined,
      enable_execute_command: false,
    }),
    blank,
    attr("container_definitions", { [CONTAINER_NAME]: container }),
    attr("volume", { tmp: {} }),
    ...(lb
      ? [
          attr("load_balancer", {
            service: {
              target_group_arn: ref(`module.${ctx.label(lb)}.target_groups["${label}"].arn`),
              container_name: CONTAINER_NAME,
              container_port: port!,
            },
          }),
        ]
      : []),
    blank,
    ...attrs({
      subnet_ids: ref(`module.${network}.private_subnets`),
      assign_public_ip: false,
      security_group_ingress_rules: Object.keys(ingress).length > 0 ? ingress : undefined,
      security_group_egress_rules: egress,
    }),
    blank,
    ...taskRoles(links, ctx, "service", pullSecret),
  ];
  return {
    body: [
      ...moduleCall(label, MODULES.ecsService, inputs, [SCANNER_EXCEPTIONS.taskHttpsEgress]),
      ...(isGpuService(service) ? [blank, ...gpuCapacity(service, ctx)] : []),
    ],
    outputs: [
      {
        name: `${label}_service_name`,
        description: `The ECS service name of ${service.id}.`,
        value: ref(`module.${label}.name`),
      },
      {
        name: `${label}_task_role_arn`,
        description: `The IAM role ${service.id}'s tasks run as.`,
        value: ref(`module.${label}.tasks_iam_role_arn`),
      },
    ],
  };
}
