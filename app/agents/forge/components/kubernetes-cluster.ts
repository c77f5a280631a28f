/**
 * kubernetes-cluster → the EKS module: a private API endpoint (public only to the PlanSpec's ranges), secrets and
 * control-plane logs encrypted with the stack key, access entries (no aws-auth ConfigMap), IRSA, the core add-ons,
 * and managed node groups over the network's private subnets (IMDSv2 only, encrypted root volumes). IAM roles for
 * the VPC CNI and the AWS Load Balancer Controller are bound to their service accounts through IRSA.
 */
import type { KubernetesClusterComponent, NodeGroup } from "../../../contracts/generated/plan-spec.js";
import { instanceArchitecture } from "../catalog/instance-arch.js";
import { logRetention } from "../catalog/retention.js";
import { attr, attrs, blank, comment, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { KubernetesPart } from "../stack/component-parts.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** EKS cluster names may be 100 characters; node group and role names are built from them. */
const CLUSTER_NAME_LENGTH = 38;

const CONTROL_PLANE_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/** The IRSA roles and the service accounts they are bound to. */
const SERVICE_ACCOUNT_ROLES: Record<KubernetesPart, { account: string; inputs: Record<string, boolean> }> = {
  vpc_cni: {
    account: "kube-system:aws-node",
    inputs: { attach_vpc_cni_policy: true, vpc_cni_enable_ipv4: true },
  },
  load_balancer_controller: {
    account: "kube-system:aws-load-balancer-controller",
    inputs: { attach_load_balancer_controller_policy: true },
  },
};

function nodeGroup(group: NodeGroup): Value {
  const arch = instanceArchitecture(group.instanceTypes[0]!);
  return {
    name: group.name,
    instance_types: group.instanceTypes,
    ami_type: arch === "arm64" ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD",
    capacity_type: group.capacityType ?? "ON_DEMAND",
    min_size: group.min,
    max_size: group.max,
    desired_size: group.desired,
    block_device_mappings: {
      xvda: {
        device_name: "/dev/xvda",
        ebs: {
          volume_size: group.diskGb ?? 20,
          volume_type: "gp3",
          encrypted: true,
          delete_on_termination: true,
        },
      },
    },
    update_config: { max_unavailable_percentage: 33 },
  };
}

function serviceAccountRoles(cluster: KubernetesClusterComponent, ctx: StackContext, name: string): Body {
  const label = ctx.label(cluster);
  return Object.entries(SERVICE_ACCOUNT_ROLES).flatMap(([part, role]) => [
    blank,
    ...moduleCall(`${label}_${part}`, MODULES.iamRoleForServiceAccounts, [
      ...attrs({
        name: `${name}-${part.replace(/_/g, "-")}`,
        use_name_prefix: false,
        ...role.inputs,
        oidc_providers: {
          main: {
            provider_arn: ref(`module.${label}.oidc_provider_arn`),
            namespace_service_accounts: [role.account],
          },
        },
      }),
    ]),
  ]);
}

export function renderKubernetesCluster(
  cluster: KubernetesClusterComponent,
  ctx: StackContext,
): RenderedComponent {
  const label = ctx.label(cluster);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const p = cluster.params;
  const name = ctx.awsName(cluster, CLUSTER_NAME_LENGTH);
  const publicCidrs = p.publicAccessCidrs ?? [];
  const inputs: Body = [
    ...attrs({
      name,
      kubernetes_version: p.kubernetesVersion,
      upgrade_policy: { support_type: (p.supportTier ?? "standard").toUpperCase() },
    }),
    blank,
    ...attrs({
      vpc_id: ref(`module.${network}.vpc_id`),
      subnet_ids: ref(`module.${network}.private_subnets`),
      endpoint_private_access: true,
      endpoint_public_access: publicCidrs.length > 0,
      endpoint_public_access_cidrs: publicCidrs.length > 0 ? publicCidrs : undefined,
    }),
    blank,
    comment(
      "Secrets and control-plane logs are encrypted with the stack key, not a key of the cluster's own.",
    ),
    ...attrs({
      create_kms_key: false,
      encryption_config: { provider_key_arn: ctx.keyArn, resources: ["secrets"] },
      enabled_log_types: CONTROL_PLANE_LOGS,
      cloudwatch_log_group_retention_in_days: logRetention(p.logRetentionDays),
      cloudwatch_log_group_kms_key_id: ctx.keyArn,
    }),
    blank,
    ...attrs({
      authentication_mode: "API",
      enable_cluster_creator_admin_permissions: true,
      enable_irsa: true,
    }),
    blank,
    attr("addons", {
      "vpc-cni": { before_compute: true, service_account_role_arn: ref(`module.${label}_vpc_cni.arn`) },
      "kube-proxy": {},
      coredns: {},
    }),
    blank,
    ...attrs({
      eks_managed_node_groups: Object.fromEntries(p.nodeGroups.map((g) => [g.name, nodeGroup(g)])),
    }),
  ];
  return {
    body: [...moduleCall(label, MODULES.eks, inputs), ...serviceAccountRoles(cluster, ctx, name)],
    outputs: [
      {
        name: `${label}_cluster_name`,
        description: `The EKS cluster name of ${cluster.id} (aws eks update-kubeconfig --name <it>).`,
        value: ref(`module.${label}.cluster_name`),
      },
      {
        name: `${label}_load_balancer_controller_role_arn`,
        description:
          "The IAM role for the AWS Load Balancer Controller's service account (kube-system/aws-load-balancer-controller).",
        value: ref(`module.${label}_load_balancer_controller.arn`),
      },
    ],
  };
}
