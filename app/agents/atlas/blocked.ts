import type {
  BlockReason,
  DesignAttempt,
  UnblockSuggestion,
} from "../../contracts/generated/design-blocked.js";
import { runAttempts, type RunResult } from "./attempts.js";
import { designContext, type DesignContext } from "./context.js";
import { ECS_TASKS_PER_SERVICE, maxTasksOf } from "./caps.js";
import { maxCacheDataGb } from "./data-sizing.js";
import { formatUsd } from "../../format/money.js";
import { num } from "./format.js";
import { pathFactors } from "./explain.js";
import { candidateRegions } from "./policy-check.js";
import type { SizingProblem } from "./search.js";
import { SLO_TIERS } from "./sla.js";
import { backlogLimit, backlogNouns, minutes, retentionMinutes } from "./backlog.js";
import { serverlessSuggestion } from "./serverless-suggestion.js";

export interface Blocked {
  readonly reasons: readonly BlockReason[];
  readonly attempts: readonly DesignAttempt[];
  readonly suggestions: readonly UnblockSuggestion[];
}

/** The smallest whole-dollar budget whose brake line lies strictly above `monthlyUsd`. */
export function budgetFor(monthlyUsd: number, brakeRatio: number): number {
  const needed = Math.floor(monthlyUsd / brakeRatio) + 1;
  return needed * brakeRatio > monthlyUsd ? needed : needed + 1;
}

function withTarget(ctx: DesignContext, target: number): DesignContext {
  return { ...ctx, target };
}

function budgetSuggestion(ctx: DesignContext, cheapest: number): UnblockSuggestion {
  const value = budgetFor(cheapest, ctx.brakeRatio);
  const cap = ctx.policy.policy.maxMonthlyUsd;
  const capNote =
    cap !== undefined && value > cap
      ? ` (over the policy cap of ${formatUsd(cap)}: raise policy.maxMonthlyUsd too)`
      : "";
  return {
    message: `raise budget.monthlyUsd to ≥ ${formatUsd(value)}/month${capNote}`,
    field: "budget.monthlyUsd",
    value,
    monthlyUsd: cheapest,
  };
}

/** The highest lower SLO tier whose design fits the budget, if any. */
function sloSuggestion(ctx: DesignContext, below: number): UnblockSuggestion | undefined {
  for (const tier of SLO_TIERS.filter((t) => t < below)) {
    const run = runAttempts(withTarget(ctx, tier));
    if (run.kind === "fits") {
      return {
        message: `lower slo.availability to ${tier} (the design then costs ${formatUsd(run.chosen.monthlyUsd)}/month)`,
        field: "slo.availability",
        value: tier,
        monthlyUsd: run.chosen.monthlyUsd,
      };
    }
  }
  return undefined;
}

/** The first other allowed, priced region whose design fits the budget, if any. */
function regionSuggestion(ctx: DesignContext): UnblockSuggestion | undefined {
  for (const region of candidateRegions(ctx)) {
    const run = runAttempts(designContext(ctx.goal, ctx.policy, ctx.now, { region, target: ctx.target }));
    if (run.kind === "fits") {
      return {
        message: `use region ${region} (allowed by policy; the design there costs ${formatUsd(run.chosen.monthlyUsd)}/month)`,
        field: "region",
        value: region,
        monthlyUsd: run.chosen.monthlyUsd,
      };
    }
  }
  return undefined;
}

function overBudget(ctx: DesignContext, run: Extract<RunResult, { kind: "over-budget" }>): Blocked {
  const cheapest = run.cheapest.monthlyUsd;
  const reason: BlockReason = {
    code: "budget-too-small",
    message: `the cheapest design that meets ${ctx.target} % costs ${formatUsd(cheapest)}/month; the brake allows less than ${formatUsd(ctx.limit)} (${num(ctx.brakeRatio * 100)} % of ${formatUsd(ctx.budget)})`,
    field: "budget.monthlyUsd",
    figures: { cheapestMonthlyUsd: cheapest, budgetMonthlyUsd: ctx.budget, brakeRatio: ctx.brakeRatio },
  };
  const suggestions = [
    budgetSuggestion(ctx, cheapest),
    sloSuggestion(ctx, ctx.target),
    regionSuggestion(ctx),
    serverlessSuggestion(ctx),
  ];
  return {
    reasons: [reason],
    attempts: run.attempts,
    suggestions: suggestions.filter((s) => s !== undefined),
  };
}

/** A worker whose request path meets the target, but whose queued jobs could wait longer than the objective. */
function backlogTooLong(ctx: DesignContext, run: Extract<RunResult, { kind: "slo" }>, wait: number): Blocked {
  const limit = backlogLimit(ctx);
  const w = backlogNouns(ctx);
  const stream = ctx.pattern === "stream-processor";
  const field =
    limit < retentionMinutes(ctx)
      ? "slo.processingLatencyMinutes"
      : stream
        ? "data.stream.retentionHours"
        : "slo.availability";
  const reason: BlockReason = {
    code: "slo-unreachable",
    message: `the ${stream ? "write" : "enqueue"} path meets ${ctx.target} %, but while the ${w.worker} is down for as long as its availability allows, ${stream ? "an event in the stream" : "a queued job"} could wait ${minutes(wait)}, over ${field === "slo.processingLatencyMinutes" ? `the ${minutes(limit)} processing-latency objective${ctx.goal.slo.processingLatencyMinutes === undefined ? ` (assumed: the ${ctx.target} % SLO's monthly error budget)` : ""}` : `the ${w.queue}'s ${minutes(limit)} retention (${w.job}s would be lost)`}`,
    field,
    figures: { target: ctx.target, waitMinutes: Number(wait.toFixed(1)), limitMinutes: limit },
  };
  if (field === "data.stream.retentionHours") {
    const hours = Math.min(8760, Math.ceil(wait / 60));
    return {
      reasons: [reason],
      attempts: run.attempts,
      suggestions: [{ message: `keep events at least ${hours} h in the stream`, field, value: hours }],
    };
  }
  if (field === "slo.availability") {
    const note =
      "no worker in the catalog keeps jobs longer than the queue's retention; a longer retention is not in the catalog yet";
    return { reasons: [reason], attempts: run.attempts, suggestions: [{ message: note, field }] };
  }
  const value = Math.ceil(wait);
  const goal = { ...ctx.goal, slo: { ...ctx.goal.slo, processingLatencyMinutes: value } };
  const raised = runAttempts(
    designContext(goal, ctx.policy, ctx.now, { region: ctx.region, target: ctx.target }),
  );
  const suggestion: UnblockSuggestion = {
    message: `raise slo.processingLatencyMinutes to ≥ ${value}${raised.kind === "fits" ? ` (the design then costs ${formatUsd(raised.chosen.monthlyUsd)}/month)` : ""}`,
    field: "slo.processingLatencyMinutes",
    value,
    ...(raised.kind === "fits" ? { monthlyUsd: raised.chosen.monthlyUsd } : {}),
  };
  return { reasons: [reason], attempts: run.attempts, suggestions: [suggestion] };
}

function sloUnreachable(ctx: DesignContext, run: Extract<RunResult, { kind: "slo" }>): Blocked {
  if (run.bestBacklogMinutes !== undefined) return backlogTooLong(ctx, run, run.bestBacklogMinutes);
  const reason: BlockReason = {
    code: "slo-unreachable",
    message: `the ${ctx.pattern} pattern reaches at most ${num(run.bestComposite, 4)} % in one region (the product of the SLAs on its request path, ${pathFactors(run.bestPath)}), below the target ${ctx.target} %; multi-region designs are not in the catalog yet`,
    field: "slo.availability",
    figures: { target: ctx.target, bestComposite: run.bestComposite },
  };
  const tier = SLO_TIERS.find((t) => t <= run.bestComposite) ?? SLO_TIERS[SLO_TIERS.length - 1];
  const lowered = runAttempts(withTarget(ctx, tier));
  const suggestion: UnblockSuggestion =
    lowered.kind === "fits"
      ? {
          message: `lower slo.availability to ${tier} (the design then costs ${formatUsd(lowered.chosen.monthlyUsd)}/month)`,
          field: "slo.availability",
          value: tier,
          monthlyUsd: lowered.chosen.monthlyUsd,
        }
      : {
          message: `lower slo.availability to ${tier}${lowered.kind === "over-budget" ? ` (the budget must then also be ≥ ${formatUsd(budgetFor(lowered.cheapest.monthlyUsd, ctx.brakeRatio))}/month)` : ""}`,
          field: "slo.availability",
          value: tier,
        };
  return { reasons: [reason], attempts: run.attempts, suggestions: [suggestion] };
}

function sizingClash(
  ctx: DesignContext,
  problem: SizingProblem,
): { reason: BlockReason; suggestion: UnblockSuggestion } {
  const caps = ctx.policy.policy.sizeCaps;
  switch (problem.kind) {
    case "clash":
      return {
        reason: problem.clash.reason,
        suggestion: problem.clash.suggestions[0] ?? {
          message: `change ${problem.clash.reason.field}`,
          field: problem.clash.reason.field ?? "workload",
        },
      };
    case "engine": {
      const field = problem.what === "database" ? "data.relational.engine" : "data.cache.engine";
      return {
        reason: {
          code: "engine-out-of-support",
          message: `Atlas's engine table has no ${problem.what} version in AWS standard support on ${ctx.now.toISOString().slice(0, 10)}, and it creates none that would need paid Extended Support`,
          field,
        },
        suggestion: {
          message: `use another ${problem.what} engine in ${field}, or update Atlas's engine table (app/agents/forge/catalog/engine-support.ts)`,
          field,
        },
      };
    }
    case "tasks":
      return {
        reason: {
          code: "size-cap-exceeded",
          message: `${num(ctx.peakRps)} rps at peak needs ${problem.tasksForPeak} tasks of ${problem.cpu} vCPU, over ${caps.maxTasks === undefined ? `ECS's quota of ${ECS_TASKS_PER_SERVICE} tasks per service` : `the policy's maxTasks ${caps.maxTasks}`}`,
          field: "traffic.peakRps",
          figures: { tasksForPeak: problem.tasksForPeak, maxTasks: maxTasksOf(ctx) },
        },
        suggestion:
          caps.maxTasks === undefined
            ? {
                message: `set workload.perTaskRps from a load test, or split the API: one ECS service holds at most ${ECS_TASKS_PER_SERVICE} tasks`,
                field: "workload.perTaskRps",
              }
            : {
                message: `raise policy.sizeCaps.maxTasks to ≥ ${problem.tasksForPeak}`,
                field: "policy.sizeCaps.maxTasks",
                value: problem.tasksForPeak,
              },
      };
    case "min-tasks":
      return {
        reason: {
          code: "size-cap-exceeded",
          message: `the SLO needs at least ${problem.minTasks} running tasks (a floor per AZ), over the policy's maxTasks ${maxTasksOf(ctx)}`,
          field: "slo.availability",
          figures: { minTasks: problem.minTasks, maxTasks: maxTasksOf(ctx) },
        },
        suggestion: {
          message: `raise policy.sizeCaps.maxTasks to ≥ ${problem.minTasks}`,
          field: "policy.sizeCaps.maxTasks",
          value: problem.minTasks,
        },
      };
    case "cache":
      return problem.reason === "size"
        ? {
            reason: {
              code: "size-cap-exceeded",
              message: `a ${num(problem.dataGb)} GB cache is larger than the largest node Atlas sizes (${maxCacheDataGb()} GB of data); cluster mode is not in the catalog yet`,
              field: "data.cache.memoryGb",
              figures: { memoryGb: problem.dataGb, maxMemoryGb: maxCacheDataGb() },
            },
            suggestion: {
              message: `lower data.cache.memoryGb to ≤ ${maxCacheDataGb()}`,
              field: "data.cache.memoryGb",
              value: maxCacheDataGb(),
            },
          }
        : familyClash("cache", problem.family ?? "cache.r6g");
    case "database":
      return problem.reason === "size"
        ? {
            reason: {
              code: "size-cap-exceeded",
              message: "no database class in the catalog is large enough",
              field: "data.relational.storageGb",
            },
            suggestion: { message: "lower data.relational.storageGb", field: "data.relational.storageGb" },
          }
        : familyClash("database", problem.family ?? "db.r6g");
  }
}

function familyClash(what: string, family: string): { reason: BlockReason; suggestion: UnblockSuggestion } {
  return {
    reason: {
      code: "instance-family-not-allowed",
      message: `no ${what} class the policy allows (policy.sizeCaps.allowedInstanceFamilies) is priced and large enough`,
      field: "policy.sizeCaps.allowedInstanceFamilies",
    },
    suggestion: {
      message: `allow ${family} in policy.sizeCaps.allowedInstanceFamilies`,
      field: "policy.sizeCaps.allowedInstanceFamilies",
      value: family,
    },
  };
}

/** Why the run produced no design that fits, and the cheapest single changes that would unblock it. */
export function explainBlock(ctx: DesignContext, run: Exclude<RunResult, { kind: "fits" }>): Blocked {
  if (run.kind === "over-budget") return overBudget(ctx, run);
  if (run.kind === "slo") return sloUnreachable(ctx, run);
  const { reason, suggestion } = sizingClash(ctx, run.problem);
  return { reasons: [reason], attempts: run.attempts, suggestions: [suggestion] };
}
