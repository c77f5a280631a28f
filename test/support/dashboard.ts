import { readRepoFile } from "./repo-files.js";

export interface DashboardTarget {
  readonly refId: string;
  readonly expr: string;
  readonly datasource?: { readonly type: string; readonly uid: string };
}

export interface DashboardPanel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos: { readonly h: number; readonly w: number; readonly x: number; readonly y: number };
  readonly datasource?: { readonly type: string; readonly uid: string };
  readonly targets?: readonly DashboardTarget[];
  readonly panels?: readonly DashboardPanel[];
}

export interface Dashboard {
  readonly uid: string;
  readonly schemaVersion: number;
  readonly templating: { readonly list: readonly { name: string; type: string; query: string }[] };
  readonly panels: readonly DashboardPanel[];
}

export const DASHBOARD_FILE = "deploy/grafana/infracrew.json";

export function readDashboard(): Dashboard {
  return JSON.parse(readRepoFile(DASHBOARD_FILE)) as Dashboard;
}

/** Every panel with queries, rows' nested panels included. */
export function queryPanels(dashboard: Dashboard): DashboardPanel[] {
  return dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
}

/**
 * A panel query as Grafana would send it: its variables replaced by what they mean for a short test against a
 * Prometheus that scrapes every second.
 */
export function substitute(expr: string): string {
  return expr
    .replace(/\$__rate_interval|\$\{__rate_interval\}/g, "15s")
    .replace(/\$__interval|\$\{__interval\}/g, "1s")
    .replace(/\$__range|\$\{__range\}/g, "5m");
}
