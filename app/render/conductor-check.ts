import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { PrState } from "../conductor/pr-state.js";
import { labelFor } from "../conductor/states.js";
import { shortSha } from "./markdown.js";

export const CONDUCTOR_CHECK = "Infracrew / Conductor";

export interface CheckOutput {
  readonly status: "in_progress" | "completed";
  readonly conclusion?: "success" | "failure" | "neutral";
  readonly title: string;
  readonly summary: string;
  readonly actions: readonly { label: string; description: string; identifier: string }[];
}

const BUTTONS = {
  approve: { label: "Approve", description: "Approve the apply of this commit", identifier: "approve" },
  plan: { label: "Re-run plan", description: "Plan and validate this commit again", identifier: "plan" },
  rollback: {
    label: "Roll back",
    description: "Re-apply the last known-good revision",
    identifier: "rollback",
  },
  unlock: { label: "Unlock", description: "Release this stack's apply lock", identifier: "unlock" },
} as const;

/** The Conductor's check run on the PR head: the state, the approvals, and buttons where they help. */
export function renderConductorCheck(state: PrState, policy: ResolvedOrgPolicy): CheckOutput {
  const approvals = state.approvals.filter((a) => a.sha === state.headSha);
  const summary = [
    `**State:** \`${labelFor(state.state)}\``,
    `**Head:** \`${shortSha(state.headSha)}\``,
    `**Approvals:** ${approvals.length}/${policy.approvals.required}${approvals.map((a) => ` @${a.login}`).join(",")}`,
    ...(state.apply
      ? [`**Apply:** \`${shortSha(state.apply.sha)}\` ${state.apply.status ?? "running"}`]
      : []),
    ...(state.rollback
      ? [`**Rollback:** ${state.rollback.status ?? "running"} (${state.rollback.trigger})`]
      : []),
  ].join("\n");
  switch (state.state) {
    case "WAIT_FOR_APPROVE":
      return {
        status: "completed",
        conclusion: "neutral",
        title: "Waiting for approval",
        summary,
        actions: [BUTTONS.approve, BUTTONS.plan],
      };
    case "BLOCKED":
      return {
        status: "completed",
        conclusion: "failure",
        title: "Blocked by Sentinel",
        summary,
        actions: [BUTTONS.plan],
      };
    case "DONE":
      return {
        status: "completed",
        conclusion: "success",
        title: "Applied",
        summary,
        actions: [BUTTONS.rollback],
      };
    case "ROLLBACK":
      return state.rollback?.status === "failure"
        ? {
            status: "completed",
            conclusion: "failure",
            title: "Rollback failed",
            summary,
            actions: [BUTTONS.unlock],
          }
        : { status: "in_progress", title: "Rolling back", summary, actions: [] };
    case "APPLYING":
      return { status: "in_progress", title: "Applying", summary, actions: [] };
    default:
      return { status: "in_progress", title: "Validating", summary, actions: [BUTTONS.plan] };
  }
}
