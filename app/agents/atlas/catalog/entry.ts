import type { Component, Risk } from "../../../contracts/generated/plan-spec.js";
import { unitPrice, type UnitKey } from "../../pricing/index.js";
import type { Link } from "../availability.js";
import type { DesignContext } from "../context.js";
import type { CostLine } from "../cost-line.js";
import type { Design } from "../design.js";

/**
 * One component of the catalog: everything Atlas knows about it in one place. A pattern lists entries; a new
 * component is a new entry file, added to the patterns that use it.
 */
export interface CatalogEntry {
  /** The component ids this entry adds to the design (none when the goal does not ask for it). */
  ids(d: Design): readonly string[];
  /** The PlanSpec component: its params and the rationale for its sizing. `earlier` are the ids before it. */
  component(d: Design, id: string, earlier: readonly string[]): Component;
  /** Its monthly cost, one line per item it is billed for, with the quantities and unit prices behind each. */
  cost(d: Design, id: string): readonly CostLine[];
  /** Its links in the serial availability path (a service it relies on may add one of its own), when on the path. */
  link?(d: Design): Link | readonly Link[] | undefined;
  /** What breaks when it fails, for whom, the mitigation and what is left. */
  risks(d: Design, id: string): readonly Risk[];
}

/** A unit price Atlas relies on; the region was checked to be priced before any design is made. */
export function unit(ctx: DesignContext, key: UnitKey): number {
  const found = unitPrice(ctx.region, key);
  if (!found) throw new Error(`no price for ${key} in ${ctx.region}`);
  return found.usd;
}

/** Who a data-path failure hurts, in the risk's words. */
export function who(d: Design): string {
  if (d.ctx.pattern === "scheduled-job") return "the job's runs";
  return d.ctx.pattern === "worker" ? "jobs in the queue" : "every caller of the API";
}
