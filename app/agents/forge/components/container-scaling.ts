/**
 * Target tracking for a container service, by the PlanSpec's metric: average CPU, requests per target behind its
 * load balancer, or the queue backlog per running task (AWS's recommended way to scale on SQS).
 */
import type { ContainerServiceComponent } from "../../../contracts/generated/plan-spec.js";
import { ref, template, type Value } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";

type Policy = { readonly [key: string]: Value };

function tracking(name: string, configuration: Policy): Record<string, Value> {
  return {
    [name]: {
      policy_type: "TargetTrackingScaling",
      target_tracking_scaling_policy_configuration: configuration,
    },
  };
}

function metric(id: string, namespace: string, name: string, dimensions: Policy, stat: string): Policy {
  return {
    id,
    metric_stat: {
      metric: {
        namespace,
        metric_name: name,
        dimensions: Object.entries(dimensions).map(([n, value]) => ({ name: n, value })),
      },
      stat,
    },
    return_data: false,
  };
}

export function scalingPolicies(
  service: ContainerServiceComponent,
  ctx: StackContext,
  serviceName: string,
): Record<string, Value> {
  const { metric: kind, target } = service.params.scaling;
  if (kind === "cpu") {
    return tracking("cpu", {
      target_value: target,
      predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
    });
  }
  if (kind === "requests-per-target") {
    const lb = ctx.label(ctx.linked(service, "load-balancer")[0]!);
    const targetGroup = ctx.label(service);
    return tracking("requests", {
      target_value: target,
      predefined_metric_specification: {
        predefined_metric_type: "ALBRequestCountPerTarget",
        resource_label: template(
          ref(`module.${lb}.arn_suffix`),
          "/",
          ref(`module.${lb}.target_groups["${targetGroup}"].arn_suffix`),
        ),
      },
    });
  }
  const queue = ctx.label(ctx.linked(service, "queue")[0]!);
  return tracking("backlog", {
    target_value: target,
    customized_metric_specification: {
      metrics: [
        metric(
          "visible",
          "AWS/SQS",
          "ApproximateNumberOfMessagesVisible",
          { QueueName: ref(`module.${queue}.queue_name`) },
          "Sum",
        ),
        metric(
          "tasks",
          "ECS/ContainerInsights",
          "RunningTaskCount",
          { ClusterName: ref(`module.${ctx.shared("cluster")}.name`), ServiceName: serviceName },
          "Average",
        ),
        {
          id: "backlog",
          expression: "visible / tasks",
          label: "Messages waiting per running task",
          return_data: true,
        },
      ],
    },
  });
}
