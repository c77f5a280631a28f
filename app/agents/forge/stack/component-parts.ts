/**
 * The Terraform labels a component adds to its own (`<label>_<part>`), by kind: the renderers write them, the
 * PlanSpec check keeps other components off them, and the rollback names them. Kept free of the renderers' imports.
 */
export const SCHEDULED_TASK_PARTS = [
  "runner",
  "scheduler",
  "dead_letters",
  "alarms",
  "failed",
  "not_started",
] as const;

export const KUBERNETES_PARTS = ["vpc_cni", "load_balancer_controller"] as const;

export type KubernetesPart = (typeof KUBERNETES_PARTS)[number];

/** Kafka's security group, and a Kinesis delivery's log group, log stream and role. */
export const STREAM_PARTS = [
  "security_group",
  "delivery_logs",
  "delivery_log_stream",
  "delivery_role",
] as const;

/** A GPU container service's Auto Scaling group and its security group. */
export const GPU_SERVICE_PARTS = ["instances", "instances_security_group"] as const;
