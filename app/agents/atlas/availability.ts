/** One serial link of the availability path: a component, its SLA figure and the page it comes from. */
export interface Link {
  readonly component: string;
  readonly percent: number;
  readonly source: string;
  readonly basis: string;
}

/** The serial composition of the links, in percent. */
export function compose(links: readonly Link[]): number {
  return 100 * links.reduce((product, l) => product * (l.percent / 100), 1);
}
