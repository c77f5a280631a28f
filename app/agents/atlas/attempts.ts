import type { DesignAttempt } from "../../contracts/generated/design-blocked.js";
import type { Link } from "./availability.js";
import type { DesignContext } from "./context.js";
import { describeChanges, describeDesign } from "./describe.js";
import { formatUsd } from "../../format/money.js";
import { num, pct } from "./format.js";
import { backlogLimit, backlogNouns, minutes } from "./backlog.js";
import { profiles } from "./profiles.js";
import { attempt, type Candidate, type SizingProblem } from "./search.js";

export type RunResult =
  | {
      readonly kind: "fits";
      readonly chosen: Candidate;
      readonly relaxations: readonly string[];
      readonly preferred: Candidate;
    }
  | {
      readonly kind: "over-budget";
      readonly attempts: readonly DesignAttempt[];
      readonly cheapest: Candidate;
    }
  | {
      readonly kind: "slo";
      readonly bestComposite: number;
      /** The most available design's request path, whose figures multiply to bestComposite. */
      readonly bestPath: readonly Link[];
      readonly bestBacklogMinutes?: number;
      readonly attempts: readonly DesignAttempt[];
    }
  | { readonly kind: "sizing"; readonly problem: SizingProblem; readonly attempts: readonly DesignAttempt[] };

const RETRY_WORDS = {
  trimmed:
    "dropped what the SLO does not need; burstable t4g classes allowed, whose CPU credits need watching",
  lean: "the database sized to keep 5 % of its data in memory instead of 10 %",
} as const;

/**
 * The preferred design, then at most two relaxed retries, each keeping the SLO and the policy. Returns the
 * first that costs strictly less than the brake line.
 */
export function runAttempts(ctx: DesignContext): RunResult {
  const attempts: DesignAttempt[] = [];
  const relaxations: string[] = [];
  let previous: Candidate | undefined;
  let preferred: Candidate | undefined;
  let cheapest: Candidate | undefined;
  let sizing: SizingProblem | undefined;
  for (const profile of profiles(ctx)) {
    const result = attempt(ctx, profile);
    if (result.kind === "slo") {
      const best = result.mostAvailable;
      attempts.push({
        description: describeDesign(best.design),
        monthlyUsd: best.monthlyUsd,
        composite: best.composite,
        outcome:
          result.bestBacklogMinutes === undefined
            ? `the most available design reaches ${pct(best.composite)}, below the ${ctx.target} % SLO`
            : `its request path reaches ${pct(best.composite)}, but ${backlogNouns(ctx).job === "job" ? "a queued job" : "an event in the stream"} could wait ${minutes(result.bestBacklogMinutes)}, over ${minutes(backlogLimit(ctx))}`,
      });
      const { bestComposite, bestBacklogMinutes } = result;
      return {
        kind: "slo",
        bestComposite,
        bestPath: best.path,
        ...(bestBacklogMinutes !== undefined ? { bestBacklogMinutes } : {}),
        attempts,
      };
    }
    if (result.kind === "sizing") {
      sizing = result.problem;
      attempts.push({
        description: `${profile.name} design`,
        outcome: `could not be sized under the policy (${result.problem.kind})`,
      });
      continue;
    }
    const best = result.best;
    if (
      previous &&
      describeDesign(previous.design) === describeDesign(best.design) &&
      previous.monthlyUsd === best.monthlyUsd
    ) {
      continue;
    }
    preferred ??= best;
    if (previous && profile.name !== "preferred") {
      const changes = describeChanges(previous.design, best.design);
      relaxations.push(
        `Relaxed retry ${relaxations.length + 1} (${RETRY_WORDS[profile.name as "trimmed" | "lean"]}): ${changes.join("; ") || "no change"}; ${formatUsd(previous.monthlyUsd)} → ${formatUsd(best.monthlyUsd)}/month, availability ${pct(best.composite)} ≥ ${ctx.target} %.`,
      );
    } else if (profile.name !== "preferred") {
      relaxations.push(
        `Relaxed retry ${relaxations.length + 1} (${RETRY_WORDS[profile.name as "trimmed" | "lean"]}): ${describeDesign(best.design)}.`,
      );
    }
    if (!cheapest || best.monthlyUsd < cheapest.monthlyUsd) cheapest = best;
    if (best.monthlyUsd < ctx.limit) return { kind: "fits", chosen: best, relaxations, preferred };
    attempts.push({
      description: describeDesign(best.design),
      monthlyUsd: best.monthlyUsd,
      composite: best.composite,
      outcome: `over the brake: ${formatUsd(best.monthlyUsd)} ≥ ${formatUsd(ctx.limit)} (${num(ctx.brakeRatio * 100)} % of ${formatUsd(ctx.budget)})`,
    });
    previous = best;
  }
  if (cheapest) return { kind: "over-budget", attempts, cheapest };
  return { kind: "sizing", problem: sizing!, attempts };
}
