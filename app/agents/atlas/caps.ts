import type { DesignContext } from "./context.js";
import { FARGATE_SIZES } from "./instance-specs.js";

/**
 * Amazon ECS's quota of tasks per service (5,000; Amazon ECS endpoints and quotas,
 * https://docs.aws.amazon.com/general/latest/gr/ecs-service.html, read 2026-11-27). Without a policy cap, a service
 * is sized up to it: the budget brake, not a built-in cap, keeps the cost in check.
 */
export const ECS_TASKS_PER_SERVICE = 5000;

/** The most tasks a service may scale to: the organisation's cap, else ECS's own quota. */
export function maxTasksOf(ctx: DesignContext): number {
  return ctx.policy.policy.sizeCaps.maxTasks ?? ECS_TASKS_PER_SERVICE;
}

/** The most vCPUs per task: the organisation's cap, else the largest Fargate size the catalog sizes. */
export function maxTaskCpuOf(ctx: DesignContext): number {
  return ctx.policy.policy.sizeCaps.maxTaskCpu ?? FARGATE_SIZES[FARGATE_SIZES.length - 1]!.cpu;
}

/** "within maxTasks 30" or "within ECS's 5,000 tasks per service (no policy cap)". */
export function taskCapWords(ctx: DesignContext): string {
  const cap = ctx.policy.policy.sizeCaps.maxTasks;
  return cap === undefined
    ? "within ECS's 5,000 tasks per service, as the policy sets no cap"
    : `within maxTasks ${cap}`;
}
