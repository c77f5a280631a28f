import type { Sla } from "./sla.js";

/** One serial link of an availability path: a component, its designed figure, its SLA figure and their page. */
export interface Link {
  readonly component: string;
  /** The designed availability: the SLA figure, or more where the design makes the link redundant. */
  readonly percent: number;
  /** The SLA figure of one such resource, as AWS publishes it. */
  readonly sla: number;
  readonly source: string;
  readonly basis: string;
}

/** A link whose designed availability is its SLA figure. */
export function slaLink(component: string, sla: Sla, basis: string = sla.basis): Link {
  return { component, percent: sla.percent, sla: sla.percent, source: sla.source, basis };
}

/** The serial composition of the links' designed figures, in percent. */
export function compose(links: readonly Link[]): number {
  return 100 * links.reduce((product, l) => product * (l.percent / 100), 1);
}

/** The serial composition of the links' SLA figures, in percent. */
export function composeSla(links: readonly Link[]): number {
  return 100 * links.reduce((product, l) => product * (l.sla / 100), 1);
}
