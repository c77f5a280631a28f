import type { PlanSpec } from "../../contracts/generated/index.js";
import { num, pct } from "./format.js";
import { FAILOVER_MINUTES, GLOBAL_LINKS, pairAvailability, regionalAvailability } from "./two-region.js";
import { twin } from "./region-ids.js";

type Availability = PlanSpec["availability"];
type Link = Availability["path"][number];

const slaOf = (l: Link): number => l.sla ?? l.availability;

/** A region's link, said of its region: the secondary's takes its twin's id (a shared component keeps its own). */
function inRegion(l: Link, region: string, secondary: boolean, shared: ReadonlySet<string>): Link {
  return {
    ...l,
    component: secondary && !shared.has(l.component) ? twin(l.component) : l.component,
    basis: `${region}: ${l.basis ?? ""}`.trimEnd(),
  };
}

/**
 * The pair's availability: the global links once (Route 53 answering the name), then each region's own path, the
 * two regions in parallel behind the failover records. The path lists every link with its region.
 */
export function pairAvailabilitySection(
  target: number,
  primary: PlanSpec,
  secondary: PlanSpec,
  shared: ReadonlySet<string>,
): Availability {
  const [p, s] = [primary.region, secondary.region];
  const global = primary.availability.path.filter((l) => GLOBAL_LINKS.has(l.component));
  const regional = (spec: PlanSpec) => spec.availability.path.filter((l) => !GLOBAL_LINKS.has(l.component));
  const product = (links: readonly Link[], figure: (l: Link) => number) =>
    100 * links.reduce((x, l) => x * (figure(l) / 100), 1);
  const designed = [
    regionalAvailability(primary.availability.path),
    regionalAvailability(secondary.availability.path),
  ] as const;
  const composite = pairAvailability(
    product(global, (l) => l.availability),
    designed,
  );
  const sla = pairAvailability(product(global, slaOf), [
    regionalAvailability(primary.availability.path, slaOf),
    regionalAvailability(secondary.availability.path, slaOf),
  ]);
  const globalWords = global.map((l) => `${pct(l.availability)} (${l.component}, global)`).join(" × ");
  return {
    target,
    composite,
    sla,
    path: [
      ...global,
      ...regional(primary).map((l) => inRegion(l, p, false, shared)),
      ...regional(secondary).map((l) => inRegion(l, s, true, shared)),
    ],
    explanation: [
      `${globalWords ? `${globalWords} × ` : ""}(1 − (1 − ${pct(designed[0])} ${p}) × (1 − ${pct(designed[1])} ${s})) = ${pct(composite)} ${composite >= target ? "≥" : "<"} ${target} % target, each region's path in series (${p}: ${pathWords(regional(primary))}; ${s}: the same links, ${pathWords(regional(secondary))}) and the two regions in parallel, their failures taken as independent.`,
      `On the SLA figures alone the pair is ${pct(sla)}.`,
      `Not counted (assumed): the ${num(FAILOVER_MINUTES, 1)} minutes each failover takes (3 failed health checks 30 s apart, then the record's 60 s TTL) and ${shared.size > 0 ? "the replication lag" : `the database's promotion in ${s}`}; one failover a month costs about ${num(FAILOVER_MINUTES, 1)} of the ${num(((100 - target) / 100) * 730 * 60, 1)} minutes the ${target} % target allows.`,
    ].join(" "),
  };
}

function pathWords(links: readonly Link[]): string {
  return links.map((l) => `${l.component} ${pct(l.availability)}`).join(" × ");
}
