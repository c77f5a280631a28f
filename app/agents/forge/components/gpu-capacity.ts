/**
 * A GPU container service's EC2 capacity: an Auto Scaling group of its GPU family on the ECS GPU-optimised AMI (from
 * AWS's public SSM parameter), in the private subnets with no public IP, IMDSv2 only, encrypted root volumes, egress
 * on 443 only, and instances scaled by ECS managed scaling as the capacity provider of the service.
 */
import type { ContainerServiceComponent, GpuParams } from "../../../contracts/generated/plan-spec.js";
import { gpuInstanceFor } from "../catalog/gpu-instances.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attrs, blank, block, call, comment, ref, template, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";

export const GPU_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id";

/** GPU-optimised AMIs need more room than the default root volume gives (drivers, CUDA, the image). */
const ROOT_VOLUME_GB = 100;

export function isGpuService(
  service: ContainerServiceComponent,
): service is ContainerServiceComponent & { params: { gpu: GpuParams } } {
  return service.params.gpu !== undefined;
}

/** The cluster's capacity provider for a GPU service: its Auto Scaling group, with managed scaling. */
export function gpuCapacityProvider(service: ContainerServiceComponent, ctx: StackContext): Value {
  return {
    auto_scaling_group_provider: {
      auto_scaling_group_arn: ref(`module.${ctx.label(service)}_instances.autoscaling_group_arn`),
      managed_termination_protection: "ENABLED",
      managed_scaling: { status: "ENABLED", target_capacity: 100 },
    },
  };
}

export function gpuCapacity(
  service: ContainerServiceComponent & { params: { gpu: GpuParams } },
  ctx: StackContext,
): Body {
  const label = ctx.label(service);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const p = service.params;
  const instance = gpuInstanceFor(p.gpu, p.cpu, p.memoryMb)!;
  const name = ctx.awsName(service, 48);
  const userData = template(
    "#!/bin/bash\ncat >> /etc/ecs/ecs.config <<'EOF'\nECS_CLUSTER=",
    ref(`module.${ctx.shared("cluster")}.name`),
    "\nECS_ENABLE_GPU_SUPPORT=true\nEOF\n",
  );
  return [
    block("data", ["aws_ssm_parameter", `${label}_gpu_ami`], attrs({ name: GPU_AMI_PARAMETER })),
    blank,
    ...moduleCall(
      `${label}_instances_security_group`,
      MODULES.securityGroup,
      [
        ...attrs({
          name: `${name}-instances`,
          description: `${service.id} GPU instances: no ingress; HTTPS out for the ECS agent, image pulls and AWS APIs`,
          vpc_id: ref(`module.${network}.vpc_id`),
          egress_with_cidr_blocks: [
            {
              from_port: "443",
              to_port: "443",
              protocol: "tcp",
              cidr_blocks: "0.0.0.0/0",
              description: "The ECS agent, image pulls and AWS APIs over HTTPS, through the NAT gateway",
            },
          ],
        }),
      ],
      [SCANNER_EXCEPTIONS.taskHttpsEgress],
    ),
    blank,
    ...moduleCall(`${label}_instances`, MODULES.autoscaling, [
      ...attrs({
        name,
        instance_type: instance.instanceType,
        image_id: ref(`data.aws_ssm_parameter.${label}_gpu_ami.insecure_value`),
        user_data: call("base64encode", userData),
      }),
      blank,
      ...attrs({
        min_size: p.minCount,
        max_size: p.maxCount,
        desired_capacity: p.desiredCount,
        vpc_zone_identifier: ref(`module.${network}.private_subnets`),
        security_groups: [ref(`module.${label}_instances_security_group.security_group_id`)],
        protect_from_scale_in: true,
        ignore_desired_capacity_changes: true,
        autoscaling_group_tags: { AmazonECSManaged: "true" },
      }),
      blank,
      comment("IMDSv2 only, one hop: containers cannot reach the instance's credentials."),
      ...attrs({
        metadata_options: {
          http_endpoint: "enabled",
          http_tokens: "required",
          http_put_response_hop_limit: 1,
        },
        block_device_mappings: [
          {
            device_name: "/dev/xvda",
            ebs: {
              volume_size: ROOT_VOLUME_GB,
              volume_type: "gp3",
              encrypted: true,
              delete_on_termination: true,
            },
          },
        ],
        enable_monitoring: true,
      }),
      blank,
      ...attrs({
        create_iam_instance_profile: true,
        iam_role_name: `${name}-instances`,
        iam_role_use_name_prefix: false,
        iam_role_policies: {
          ecs: template(
            "arn:",
            ref("data.aws_partition.current.partition"),
            ":iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
          ),
          ssm: template(
            "arn:",
            ref("data.aws_partition.current.partition"),
            ":iam::aws:policy/AmazonSSMManagedInstanceCore",
          ),
        },
      }),
    ]),
  ];
}
