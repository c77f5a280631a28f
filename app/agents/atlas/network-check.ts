import { patternOf } from "./catalog/patterns.js";
import { chooseCidr, DEFAULT_POOL } from "./cidr.js";
import type { DesignContext } from "./context.js";
import type { Clash } from "./clash.js";

/** The design has a VPC: it runs tasks, or its function reaches a database. */
export function usesVpc(ctx: DesignContext): boolean {
  return (
    patternOf(ctx.pattern).compute ||
    (ctx.pattern === "serverless-api" && ctx.goal.data?.relational !== undefined)
  );
}

/** The goal's VPC range against the policy's pool and reserved ranges. */
export function cidrClash(ctx: DesignContext): Clash | undefined {
  if (!usesVpc(ctx)) return undefined;
  const choice = chooseCidr(ctx);
  const asked = ctx.goal.network?.cidr;
  if (choice.ok) return undefined;
  const use = choice.free
    ? [
        {
          message: `use network.cidr ${choice.free} (free in the policy's pool)`,
          field: "network.cidr",
          value: choice.free,
        },
      ]
    : [];
  switch (choice.problem) {
    case "pool-exhausted":
      return {
        reason: {
          code: "cidr-conflict",
          message: `every /16 of the policy's pool (${(ctx.policy.policy.network?.cidrPool ?? [DEFAULT_POOL]).join(", ")}) overlaps a reserved range${ctx.takenCidrs.length > 0 ? " or another goal's VPC" : ""}`,
          field: "policy.network.cidrPool",
        },
        suggestions: [
          { message: "add a range to policy.network.cidrPool", field: "policy.network.cidrPool" },
          {
            message: "set network.cidr to a range the organisation has set aside for this stack",
            field: "network.cidr",
          },
        ],
      };
    case "reserved":
      return {
        reason: {
          code: "cidr-conflict",
          message: `network.cidr ${asked} overlaps ${choice.overlapping}, which the policy reserves (policy.network.reservedCidrs)`,
          field: "network.cidr",
        },
        suggestions: use.length ? use : [{ message: "choose another network.cidr", field: "network.cidr" }],
      };
    case "taken":
      return {
        reason: {
          code: "cidr-conflict",
          message: `network.cidr ${asked} overlaps ${choice.overlapping}, the VPC of the goal "${choice.holder!.goal}" (#${choice.holder!.issue}) in this repository`,
          field: "network.cidr",
        },
        suggestions: use.length ? use : [{ message: "choose another network.cidr", field: "network.cidr" }],
      };
    case "outside-pool":
      return {
        reason: {
          code: "cidr-conflict",
          message: `network.cidr ${asked} is outside the policy's pool (${ctx.policy.policy.network?.cidrPool?.join(", ")})`,
          field: "network.cidr",
        },
        suggestions: use.length
          ? use
          : [{ message: "choose a network.cidr inside the pool", field: "network.cidr" }],
      };
    case "not-private":
      return {
        reason: {
          code: "cidr-conflict",
          message: `network.cidr ${asked} is not a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)`,
          field: "network.cidr",
        },
        suggestions: use.length ? use : [{ message: "choose a private network.cidr", field: "network.cidr" }],
      };
  }
}

/** exposure, allowedCidrs and network.cidr shape a web API's load balancer and a VPC; elsewhere they would be ignored. */
export function reachClash(ctx: DesignContext): Clash | undefined {
  const { exposure, allowedCidrs } = ctx.goal.workload;
  if (ctx.pattern === "web-api") return undefined;
  const what =
    ctx.pattern === "worker"
      ? "a worker takes no inbound requests (it reads its queue)"
      : "a static site is served by CloudFront to everyone";
  const asked =
    allowedCidrs !== undefined
      ? "workload.allowedCidrs"
      : exposure === "public" && ctx.pattern === "worker"
        ? "workload.exposure"
        : exposure === "internal" && ctx.pattern === "static-site"
          ? "workload.exposure"
          : ctx.goal.network?.cidr !== undefined && !usesVpc(ctx)
            ? "network.cidr"
            : undefined;
  if (asked === undefined) return undefined;
  const why =
    asked !== "network.cidr"
      ? what
      : ctx.pattern === "serverless-api"
        ? "a serverless API's function runs in a VPC only to reach its data.relational database"
        : "a static site runs in no VPC";
  return {
    reason: {
      code: "pattern-mismatch",
      message: `${asked} shapes a web API's load balancer or VPC, but ${why}; the catalog has no ${ctx.pattern} that uses it`,
      field: asked,
    },
    suggestions: [
      { message: `remove ${asked}`, field: asked },
      {
        message: "use workload.type web-api (with an image) to serve requests",
        field: "workload.type",
        value: "web-api",
      },
    ],
  };
}
