import type { PlanSpec } from "../../contracts/generated/index.js";
import { hiddenValue } from "../markers.js";
import { assumptionsSection } from "./assumptions-section.js";
import {
  costSection,
  diagramSection,
  nextStepsSection,
  riskSection,
  savingsSection,
  sizingSection,
  summarySection,
  tradeOffSection,
} from "./sections.js";
import { networkSection } from "./network-section.js";

export interface PrBodyContext {
  readonly issueNumber: number;
}

export function prTitle(spec: PlanSpec): string {
  return `infra(${spec.name}): ${spec.pattern} in ${spec.region}`;
}

/** The goal PR's body: built from small sections, with hidden markers for the goal and plan it came from. */
export function renderPrBody(spec: PlanSpec, ctx: PrBodyContext): string {
  const sections = [
    summarySection(spec, ctx.issueNumber),
    diagramSection(spec),
    networkSection(spec),
    costSection(spec),
    sizingSection(spec),
    assumptionsSection(spec),
    tradeOffSection(spec),
    riskSection(spec),
    savingsSection(spec),
    nextStepsSection(),
    `Goal: #${ctx.issueNumber}. Infracrew closes it with a summary once this is applied.`,
    [
      hiddenValue("goal-hash", spec.goalRef.hash),
      hiddenValue("goal-issue", String(ctx.issueNumber)),
      hiddenValue("plan-id", spec.id),
      hiddenValue("stack", spec.name),
    ].join("\n"),
  ];
  return sections.filter((s) => s !== "").join("\n\n") + "\n";
}
