import type {
  Component,
  KubernetesClusterComponent,
  LoadBalancerComponent,
  NetworkComponent,
  PlanSpec,
} from "../../contracts/generated/plan-spec.js";

function find<K extends Component["kind"]>(
  spec: PlanSpec,
  kind: K,
): Extract<Component, { kind: K }> | undefined {
  return spec.components.find((c): c is Extract<Component, { kind: K }> => c.kind === kind);
}

/** Who reaches the load balancer: the internet, the listed ranges, or the VPC and the listed ranges. */
function reach(lb: LoadBalancerComponent, network: NetworkComponent): string {
  const allowed = lb.params.allowedCidrs ?? [];
  if (lb.params.scheme === "internal") {
    const extra = allowed.length > 0 ? ` and ${allowed.join(", ")}` : " only";
    return `the VPC (${network.params.cidr})${extra}, through an internal ALB in private subnets; nothing from the internet`;
  }
  return allowed.length > 0
    ? `${allowed.join(", ")} only, through an internet-facing ALB`
    : "the internet (0.0.0.0/0), through an internet-facing ALB";
}

/** Who reaches an EKS cluster's API endpoint: the VPC, and the ranges the PlanSpec opens to the internet. */
function clusterReach(cluster: KubernetesClusterComponent): string {
  const open = cluster.params.publicAccessCidrs ?? [];
  return open.length > 0 ? `the VPC and ${open.join(", ")}` : "the VPC only (a private endpoint)";
}

/** The VPC's range and who may reach the service; empty for a design without a VPC. */
export function networkSection(spec: PlanSpec): string {
  const network = find(spec, "network");
  if (network === undefined) return "";
  const lb = find(spec, "load-balancer");
  const cluster = find(spec, "kubernetes-cluster");
  const api = find(spec, "http-api");
  const none = cluster
    ? `the cluster's API endpoint: ${clusterReach(cluster)}; the workloads' own load balancers come from the AWS Load Balancer Controller`
    : api
      ? `nothing inside the VPC; callers reach the function only through the HTTP API ${api.id}, outside it`
      : "nothing; the tasks take no inbound connections";
  return [
    "### Network",
    "",
    `- **VPC:** ${network.params.cidr} over ${network.params.azCount} AZs.`,
    `- **Reached from:** ${lb ? reach(lb, network) : none}.`,
  ].join("\n");
}
