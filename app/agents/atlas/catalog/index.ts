import type { Component, Risk } from "../../../contracts/generated/plan-spec.js";
import type { Link } from "../availability.js";
import type { CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { PATTERNS, patternOf } from "./patterns.js";
import type { CatalogEntry } from "./entry.js";
import { sharedCostLines } from "./shared.js";

/** The pattern's components in dependency order: its own, then the name on its front door. */
function entriesOf(d: Design): readonly CatalogEntry[] {
  const spec = patternOf(d.ctx.pattern);
  return spec.domain ? [...spec.entries, spec.domain] : spec.entries;
}

/** The request path: the name's DNS answer first, when the pattern takes one, then the pattern's own links. */
function pathOf(d: Design): readonly CatalogEntry[] {
  const spec = patternOf(d.ctx.pattern);
  return spec.domain ? [spec.domain, ...spec.path] : spec.path;
}

/** The PlanSpec components of a design, in dependency order, each with its sizing rationale. */
export function components(d: Design): Component[] {
  const out: Component[] = [];
  for (const entry of entriesOf(d)) {
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
    ...entriesOf(d).flatMap((entry) => entry.ids(d).flatMap((id) => entry.cost(d, id))),
    ...sharedCostLines(d),
  ];
}

/** The links a user's request passes through in series. */
export function availabilityPath(d: Design): Link[] {
  return pathOf(d).flatMap((entry) => entry.link?.(d) ?? []);
}

/** The links a queued job needs to be processed, in series; empty for a pattern without a queue. */
export function consumerPath(d: Design): Link[] {
  return (patternOf(d.ctx.pattern).consumer ?? []).flatMap((entry) => entry.link?.(d) ?? []);
}

/** The failure impact of each component. */
export function risks(d: Design): Risk[] {
  return entriesOf(d).flatMap((entry) => entry.ids(d).flatMap((id) => entry.risks(d, id)));
}

export { PATTERNS, patternOf };
