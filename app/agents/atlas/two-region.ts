import type { DesignBlocked, GoalStatement, PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { servicePrice } from "../pricing/index.js";
import { INTER_REGION_TRANSFER } from "../pricing/shape-prices.js";
import type { Blocked } from "./blocked.js";
import { cents, floorPercent, num, pct, price } from "./format.js";
import { healthCheckLine, REPLICATION } from "./region-cost.js";
import { SLAS } from "./sla.js";

/** One region designed alone, as the goal would be without `regions`. */
export type RegionOutcome =
  | { readonly kind: "PlanSpec"; readonly value: PlanSpec }
  | { readonly kind: "DesignBlocked"; readonly value: DesignBlocked };

/** Route 53 failover: a health check per region, 30 s apart, 3 failures to fail over, then the alias's 60 s TTL. */
export const FAILOVER_MINUTES = (3 * 30 + 60) / 60;

/** Links served from AWS's global edge, shared by both regions: a second region does not duplicate them. */
export const GLOBAL_LINKS: ReadonlySet<string> = new Set(["cdn", "domain"]);

type Path = PlanSpec["availability"]["path"];
type Figure = (link: Path[number]) => number;

const designed: Figure = (l) => l.availability;

function product(links: Path, figure: Figure = designed): number {
  return 100 * links.reduce((p, l) => p * (figure(l) / 100), 1);
}

/** Each region's own links in series, in percent: 100 when the whole path is global. */
export function regionalAvailability(path: Path, figure: Figure = designed): number {
  return product(
    path.filter((l) => !GLOBAL_LINKS.has(l.component)),
    figure,
  );
}

/** The global links (CloudFront, Route 53) once, times the two regions in parallel, failures taken as independent. */
export function pairAvailability(global: number, regional: readonly [number, number]): number {
  const down = (1 - regional[0] / 100) * (1 - regional[1] / 100);
  return floorPercent((SLAS.route53.percent / 100) * global * (1 - down));
}

export interface TwoRegionFigures {
  readonly regions: readonly [string, string];
  readonly availability: readonly [number, number];
  /** The global links' part of the path (CloudFront, Route 53), shared by both regions; 100 when none. */
  readonly globalAvailability: number;
  /** Each region's own links in series; 100 when the whole path is global. */
  readonly regionalAvailability: readonly [number, number];
  readonly monthlyUsd: readonly [number, number];
  /** Both regions behind Route 53 failover, each region's failures independent of the other's. */
  readonly combinedAvailability: number;
  readonly healthChecksUsd: number;
  readonly replicatedGb: number;
  readonly replicationUsd: number;
  readonly totalUsd: number;
}

function usd(value: ReturnType<typeof servicePrice>, what: string): number {
  if (!value) throw new Error(`no price for ${what}`);
  return value.usd;
}

/** What the two regions would give together, from each one's own design. */
export function twoRegionFigures(
  goal: GoalStatement,
  primary: PlanSpec,
  secondary: PlanSpec,
): TwoRegionFigures {
  const a = [primary.availability.composite, secondary.availability.composite] as const;
  const r = [
    regionalAvailability(primary.availability.path),
    regionalAvailability(secondary.availability.path),
  ] as const;
  const globalAvailability = product(primary.availability.path.filter((l) => GLOBAL_LINKS.has(l.component)));
  const combinedAvailability = pairAvailability(globalAvailability, r);
  const healthChecksUsd = healthCheckLine(primary.region, "/", [
    { id: "primary", kind: "load-balancer" },
    { id: "secondary", kind: "load-balancer" },
  ])[0]!.monthlyUsd;
  const replicatedGb = Number(
    ((goal.data?.relational?.storageGb ?? 0) * REPLICATION.changedShareOfStorage).toFixed(1),
  );
  const gbPrice = usd(servicePrice(INTER_REGION_TRANSFER, primary.region, "gbOut"), "inter-region transfer");
  const replicationUsd = cents(replicatedGb * gbPrice);
  const monthlyUsd = [primary.cost.monthlyUsd, secondary.cost.monthlyUsd] as const;
  return {
    regions: [primary.region, secondary.region],
    availability: a,
    globalAvailability,
    regionalAvailability: r,
    monthlyUsd,
    combinedAvailability,
    healthChecksUsd,
    replicatedGb,
    replicationUsd,
    totalUsd: cents(monthlyUsd[0] + monthlyUsd[1] + healthChecksUsd + replicationUsd),
  };
}

function figuresWords(f: TwoRegionFigures, budget: number): string {
  const [r1, r2] = f.regions;
  const replication =
    f.replicatedGb > 0
      ? `${formatUsd(f.replicationUsd)} to replicate ${num(f.replicatedGb, 1)} GB of database changes a month × ${price(f.replicationUsd / f.replicatedGb)}/GB (assumed: ${REPLICATION.reasoning})`
      : "no database to replicate";
  const shared =
    f.globalAvailability < 100 ? `${pct(f.globalAvailability)} (the global edge, shared) × ` : "";
  const availability =
    f.regionalAvailability[0] >= 100
      ? `The request path is served from AWS's global edge, so a second region would not raise its ${pct(f.combinedAvailability)}.`
      : `Two regions behind Route 53 failover would give ${pct(f.combinedAvailability)}: ${shared}(1 − (1 − ${pct(f.regionalAvailability[0])} ${r1}) × (1 − ${pct(f.regionalAvailability[1])} ${r2})), counting the regions' failures as independent and not the ${num(FAILOVER_MINUTES, 1)} minutes each failover takes (3 failed health checks 30 s apart, then the record's 60 s TTL); ${r1} alone gives ${pct(f.availability[0])}.`;
  return [
    availability,
    `It would cost about ${formatUsd(f.totalUsd)}/month (${num((100 * f.totalUsd) / budget, 1)} % of the ${formatUsd(budget)} budget): ${formatUsd(f.monthlyUsd[0])} in ${r1} + ${formatUsd(f.monthlyUsd[1])} in ${r2} + ${formatUsd(f.healthChecksUsd)} for 2 Route 53 HTTPS health checks + ${replication}.`,
  ].join(" ");
}

/** The second region's block, where what it says of `region` is said of the second entry of `regions`. */
function secondarySaid(b: DesignBlocked): DesignBlocked {
  return {
    ...b,
    reasons: b.reasons.map((r) =>
      r.field === "region" ? { ...r, field: "regions", message: `the second region: ${r.message}` } : r,
    ),
    suggestions: b.suggestions.map((s) =>
      s.field === "region" && s.value !== undefined
        ? { message: `make ${String(s.value)} the second entry of regions`, field: "regions" }
        : s,
    ),
  };
}

/**
 * `regions` blocks where the pair cannot be designed (`base` says why). The block says what two regions would give,
 * from the design of each region alone, so the person can weigh it against one region's design, which it offers.
 */
export function twoRegionBlocked(
  goal: GoalStatement,
  outcomes: readonly [RegionOutcome, RegionOutcome],
  base: string,
): Blocked {
  const [primary, secondary] = outcomes;
  const regions = outcomes.map((o) => (o.kind === "PlanSpec" ? o.value.region : undefined));
  if (primary.kind === "DesignBlocked" || secondary.kind === "DesignBlocked") {
    const blocked =
      primary.kind === "DesignBlocked" ? primary.value : secondarySaid(secondary.value as DesignBlocked);
    const which = primary.kind === "DesignBlocked" ? goal.region : (goal.regions?.[1] ?? "");
    return {
      reasons: [
        {
          code: "not-in-catalog",
          message: `${base}: the design of ${which} alone is blocked (below)`,
          field: "regions",
        },
        ...blocked.reasons,
      ],
      attempts: [...blocked.attempts],
      suggestions: [{ message: "remove regions", field: "regions" }, ...blocked.suggestions],
    };
  }
  const f = twoRegionFigures(goal, primary.value, secondary.value);
  return {
    reasons: [
      {
        code: "not-in-catalog",
        message: `${base}. ${figuresWords(f, goal.budget.monthlyUsd)}`,
        field: "regions",
        figures: {
          primaryAvailability: f.availability[0],
          secondaryAvailability: f.availability[1],
          twoRegionAvailability: f.combinedAvailability,
          primaryMonthlyUsd: f.monthlyUsd[0],
          secondaryMonthlyUsd: f.monthlyUsd[1],
          healthChecksMonthlyUsd: f.healthChecksUsd,
          replicationMonthlyUsd: f.replicationUsd,
          twoRegionMonthlyUsd: f.totalUsd,
        },
      },
    ],
    attempts: [],
    suggestions: [
      {
        message: `remove regions: ${regions[0]} alone designs at ${pct(f.availability[0])} for ${formatUsd(f.monthlyUsd[0])}/month`,
        field: "regions",
      },
    ],
  };
}
