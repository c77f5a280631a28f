import type { Component, Risk } from "../../../contracts/generated/plan-spec.js";
import type { Link } from "../availability.js";
import type { CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { PATTERNS, patternOf } from "./patterns.js";
import { sharedCostLines } from "./shared.js";

/** The PlanSpec components of a design, in dependency order, each with its sizing rationale. */
export function components(d: Design): Component[] {
  const out: Component[] = [];
  for (const entry of patternOf(d.ctx.pattern).entries) {
    for (const id of entry.ids(d))
      out.push(
        entry.component(
          d,
          id,
          out.map((c) => c.id),
        ),
      );
  }
  return out;
}

/** The monthly cost of a design: each component's lines, then what the whole stack shares. */
export function costLines(d: Design): CostLine[] {
  return [
    ...patternOf(d.ctx.pattern).entries.flatMap((entry) => entry.ids(d).flatMap((id) => entry.cost(d, id))),
    ...sharedCostLines(d),
  ];
}

/** The links a user's request passes through in series. */
export function availabilityPath(d: Design): Link[] {
  return patternOf(d.ctx.pattern).path.flatMap((entry) => entry.link?.(d) ?? []);
}

/** The links a queued job needs to be processed, in series; empty for a pattern without a queue. */
export function consumerPath(d: Design): Link[] {
  return (patternOf(d.ctx.pattern).consumer ?? []).flatMap((entry) => entry.link?.(d) ?? []);
}

/** The failure impact of each component. */
export function risks(d: Design): Risk[] {
  return patternOf(d.ctx.pattern).entries.flatMap((entry) =>
    entry.ids(d).flatMap((id) => entry.risks(d, id)),
  );
}

export { PATTERNS, patternOf };
