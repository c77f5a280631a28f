import type { PlanSpec } from "../contracts/generated/plan-spec.js";
import { andList } from "./and-list.js";

type Cost = PlanSpec["cost"];

/** The service whose always-free allowance each free-tier line deducts. */
const SERVICES: Readonly<Record<string, string>> = {
  "cdn-free-tier": "CloudFront",
  "function-free-tier": "Lambda",
  "workflow-free-tier": "Step Functions",
  "schedule-free-tier": "EventBridge Scheduler",
};

/** The services whose always-free allowances the estimate deducts, in the order of their lines. */
export function freeTierServices(cost: Cost): string[] {
  return [...new Set(cost.lines.flatMap((l) => (l.item && SERVICES[l.item] ? [SERVICES[l.item]!] : [])))];
}

/** "CloudFront's always-free allowance", or "Step Functions' and EventBridge Scheduler's always-free allowances". */
export function freeTierWords(cost: Cost): string {
  const names = freeTierServices(cost).map((n) => (n.endsWith("s") ? `${n}'` : `${n}'s`));
  if (names.length === 0) return "the always-free allowances";
  return `${andList(names)} always-free allowance${names.length === 1 ? "" : "s"}`;
}
