import { kubernetesClashes } from "./kubernetes-check.js";
import { gpuClashes } from "./gpu-sizing.js";
import type { BlockReason, UnblockSuggestion } from "../../contracts/generated/design-blocked.js";
import { isPricedRegion, pricedRegions } from "../pricing/index.js";
import { patternOf } from "./catalog/patterns.js";
import type { DesignContext } from "./context.js";
import { formatUsd } from "../../format/money.js";
import type { Clash } from "./clash.js";
import { catalogClashes } from "./catalog-check.js";
import { cidrClash, reachClash } from "./network-check.js";
import { jobClashes } from "./job-check.js";
import { processingLatencyClash } from "./worker-check.js";
import { FARGATE_SIZES } from "./instance-specs.js";
import { summaryClashes } from "./summary-clashes.js";
import { domainClashes } from "./domain-check.js";
import { ECR_IMAGE } from "./ecr.js";
import { serverlessClashes } from "./serverless-check.js";
import { streamClashes } from "./stream-check.js";

export type { Clash } from "./clash.js";

/** Allowed (by policy) and priced regions, those on the goal's own continent first. */
export function candidateRegions(ctx: DesignContext): string[] {
  const allowed = ctx.policy.policy.allowedRegions;
  const continent = ctx.goal.region.split("-")[0];
  return pricedRegions()
    .filter((r) => r !== ctx.goal.region && (allowed === undefined || allowed.includes(r)))
    .sort(
      (a, b) =>
        Number(b.startsWith(`${continent}-`)) - Number(a.startsWith(`${continent}-`)) || a.localeCompare(b),
    );
}

function regionClash(ctx: DesignContext): Clash | undefined {
  const allowed = ctx.policy.policy.allowedRegions;
  const notAllowed = allowed !== undefined && !allowed.includes(ctx.region);
  if (!notAllowed && isPricedRegion(ctx.region)) return undefined;
  const alternative = candidateRegions(ctx)[0];
  const suggestions: UnblockSuggestion[] = alternative
    ? [
        {
          message: `use region ${alternative} (allowed by policy and priced)`,
          field: "region",
          value: alternative,
        },
      ]
    : [
        {
          message: `add a priced region (${pricedRegions().join(", ")}) to policy.allowedRegions`,
          field: "policy.allowedRegions",
          value: pricedRegions()[0]!,
        },
      ];
  const reason: BlockReason = notAllowed
    ? {
        code: "region-not-allowed",
        message: `region ${ctx.region} is not allowed by policy (allowed: ${allowed.join(", ")})`,
        field: "region",
      }
    : {
        code: "region-not-priced",
        message: `Atlas has no price table for ${ctx.region} (priced: ${pricedRegions().join(", ")}), so it cannot keep the design under the budget brake`,
        field: "region",
      };
  return { reason, suggestions };
}

function tagClashes(ctx: DesignContext): Clash[] {
  const tags = ctx.goal.tags ?? {};
  return ctx.policy.policy.requiredTags
    .filter((key) => !Object.hasOwn(tags, key))
    .map((key) => ({
      reason: {
        code: "missing-required-tag",
        message: `policy requires the tag "${key}" on every goal and resource; the goal's tags lack it`,
        field: `tags.${key}`,
      },
      suggestions: [{ message: `add tag ${key}`, field: `tags.${key}` }],
    }));
}

function budgetCapClash(ctx: DesignContext): Clash | undefined {
  const cap = ctx.policy.policy.maxMonthlyUsd;
  if (cap === undefined || ctx.budget <= cap) return undefined;
  return {
    reason: {
      code: "budget-over-policy-cap",
      message: `the budget ${formatUsd(ctx.budget)}/month is over the policy's cap of ${formatUsd(cap)}/month for one goal`,
      field: "budget.monthlyUsd",
      figures: { budgetMonthlyUsd: ctx.budget, maxMonthlyUsd: cap },
    },
    suggestions: [
      {
        message: `lower budget.monthlyUsd to ≤ ${formatUsd(cap)}/month`,
        field: "budget.monthlyUsd",
        value: cap,
      },
      {
        message: `raise policy.maxMonthlyUsd to ≥ ${formatUsd(ctx.budget)}/month`,
        field: "policy.maxMonthlyUsd",
        value: ctx.budget,
      },
    ],
  };
}

function sizeClashes(ctx: DesignContext): Clash[] {
  const caps = ctx.policy.policy.sizeCaps;
  const clashes: Clash[] = [];
  const cpu = ctx.goal.workload.cpu;
  const maxTaskCpu = caps.maxTaskCpu;
  if (cpu !== undefined && maxTaskCpu !== undefined && cpu > maxTaskCpu) {
    const fits = [...FARGATE_SIZES].reverse().find((s) => s.cpu <= maxTaskCpu)?.cpu;
    clashes.push({
      reason: {
        code: "size-cap-exceeded",
        message: `workload.cpu ${cpu} vCPU is over the policy's maxTaskCpu ${maxTaskCpu}`,
        field: "workload.cpu",
        figures: { cpu, maxTaskCpu },
      },
      suggestions: [
        fits === undefined
          ? {
              message: "raise policy.sizeCaps.maxTaskCpu to ≥ 0.25",
              field: "policy.sizeCaps.maxTaskCpu",
              value: 0.25,
            }
          : { message: `set workload.cpu to ${fits}`, field: "workload.cpu", value: fits },
      ],
    });
  }
  const smallest = FARGATE_SIZES[0]!.cpu;
  if (
    patternOf(ctx.pattern).compute &&
    !patternOf(ctx.pattern).nodes &&
    cpu === undefined &&
    maxTaskCpu !== undefined &&
    maxTaskCpu < smallest
  ) {
    clashes.push({
      reason: {
        code: "size-cap-exceeded",
        message: `the policy's maxTaskCpu ${maxTaskCpu} is under the smallest Fargate task (${smallest} vCPU)`,
        field: "policy.sizeCaps.maxTaskCpu",
        figures: { maxTaskCpu, smallestTaskCpu: smallest },
      },
      suggestions: [
        {
          message: `raise policy.sizeCaps.maxTaskCpu to ≥ ${smallest}`,
          field: "policy.sizeCaps.maxTaskCpu",
          value: smallest,
        },
      ],
    });
  }
  const storage = ctx.goal.data?.relational?.storageGb;
  const maxDbStorageGb = caps.maxDbStorageGb;
  if (
    patternOf(ctx.pattern).compute &&
    storage !== undefined &&
    maxDbStorageGb !== undefined &&
    storage > maxDbStorageGb
  ) {
    clashes.push({
      reason: {
        code: "size-cap-exceeded",
        message: `data.relational.storageGb ${storage} GB is over the policy's maxDbStorageGb ${maxDbStorageGb} GB`,
        field: "data.relational.storageGb",
        figures: { storageGb: storage, maxDbStorageGb },
      },
      suggestions: [
        {
          message: `lower data.relational.storageGb to ≤ ${maxDbStorageGb}`,
          field: "data.relational.storageGb",
          value: maxDbStorageGb,
        },
      ],
    });
  }
  return clashes;
}

function patternClash(ctx: DesignContext): Clash | undefined {
  if (ctx.pattern !== "static-site") return undefined;
  const asked = (["relational", "cache"] as const).filter((k) => ctx.goal.data?.[k] !== undefined);
  if (asked.length === 0) return undefined;
  return {
    reason: {
      code: "pattern-mismatch",
      message: `a static site has no server to use data.${asked.join(" or data.")}`,
      field: `data.${asked[0]}`,
    },
    suggestions: [
      { message: `remove data.${asked.join(" and data.")}`, field: `data.${asked[0]}` },
      {
        message: "use workload.type web-api (with an image) to serve the data",
        field: "workload.type",
        value: "web-api",
      },
    ],
  };
}

function pullSecretClash(ctx: DesignContext): Clash | undefined {
  const { image, imagePullSecret } = ctx.goal.workload;
  if (!image || !imagePullSecret || !ECR_IMAGE.test(image)) return undefined;
  return {
    reason: {
      code: "pattern-mismatch",
      message:
        "workload.imagePullSecret is for registries outside AWS; an image in Amazon ECR is pulled by the task execution role, which has ECR's pull permissions",
      field: "workload.imagePullSecret",
    },
    suggestions: [{ message: "remove workload.imagePullSecret", field: "workload.imagePullSecret" }],
  };
}

/** Every clash between the goal and the policy (or the catalog) that no design can get around. */
export function policyClashes(ctx: DesignContext): Clash[] {
  const catalog = catalogClashes(ctx);
  if (catalog.some((c) => c.reason.field === "workload.type")) return catalog;
  return [
    ...catalog,
    regionClash(ctx),
    ...tagClashes(ctx),
    budgetCapClash(ctx),
    ...sizeClashes(ctx),
    ...kubernetesClashes(ctx),
    ...gpuClashes(ctx),
    patternClash(ctx),
    pullSecretClash(ctx),
    cidrClash(ctx),
    reachClash(ctx),
    processingLatencyClash(ctx),
    ...domainClashes(ctx),
    ...serverlessClashes(ctx),
    ...jobClashes(ctx),
    ...streamClashes(ctx),
    ...summaryClashes(ctx),
  ].filter((c): c is Clash => c !== undefined);
}
