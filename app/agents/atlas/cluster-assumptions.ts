/** What a Kubernetes design assumes about the cluster's running costs, with the reasoning. */
export const CLUSTER_LOGS = {
  baselineGb: 5,
  gbPerNode: 1,
  reasoning:
    "The control plane's api, audit, authenticator, controllerManager and scheduler logs: a few GB a month for an idle cluster, and the audit log grows with the nodes and pods that call the API server.",
} as const;

export const NODE_EGRESS = {
  natGbPerNode: 10,
  reasoning:
    "Image pulls from outside registries, OS and add-on updates through the NAT gateway, per node a month; the workloads' own calls to outside APIs come on top.",
} as const;
