import type { DesignBlocked, PlanSpec } from "../contracts/generated/index.js";
import { formatProblem, type Problem } from "../contracts/problem.js";
import { MARKERS } from "./markers.js";
import { formatUsd } from "../format/money.js";
import { plain } from "./markdown.js";

const FOOTER = "_Edit this issue to try again; Infracrew re-reads it on every edit._";

function problemList(problems: readonly Problem[]): string {
  return problems.map((p) => `- \`${formatProblem(p).replace(/`/g, "'")}\``).join("\n");
}

/** The answer to a goal that cannot be read: every problem, each naming the field, the problem and the value. */
export function renderGoalInvalid(problems: readonly Problem[]): string {
  return [
    MARKERS.goal,
    `### ❌ Infracrew cannot read this goal (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
    "",
    problemList(problems),
    "",
    FOOTER,
  ].join("\n");
}

/** The answer when the repository's .github/infracrew.yml is invalid: nothing else happens until it is fixed. */
export function renderConfigInvalid(problems: readonly Problem[]): string {
  return [
    MARKERS.goal,
    "### ❌ `.github/infracrew.yml` is invalid",
    "",
    "Infracrew does nothing for this goal until the configuration is fixed:",
    "",
    problemList(problems),
    "",
    "_Fix the file on the default branch, then edit this issue to try again._",
  ].join("\n");
}

/** Where a blocked answer is read: the goal's issue (marked, retried on edit) by default, or elsewhere. */
export interface BlockedAnswerOptions {
  /** Whether to start with the hidden marker the app finds its issue comment by. */
  readonly marker?: boolean;
  /** The closing line: how to try again. */
  readonly footer?: string;
}

export function renderGoalBlocked(
  blocked: DesignBlocked,
  { marker = true, footer = FOOTER }: BlockedAnswerOptions = {},
): string {
  const reasons = blocked.reasons.map((r) => `- ${plain(r.message)}`);
  const suggestions = blocked.suggestions.map(
    (s) =>
      `- ${plain(s.message)}${s.monthlyUsd !== undefined ? ` (the design would then cost ${formatUsd(s.monthlyUsd)}/month)` : ""}`,
  );
  const attempts = blocked.attempts.map(
    (a) =>
      `- ${plain(a.description)}${a.monthlyUsd !== undefined ? `: ${formatUsd(a.monthlyUsd)}/month` : ""} → ${plain(a.outcome)}`,
  );
  return [
    ...(marker ? [MARKERS.goal] : []),
    "### ⛔ Atlas cannot design this goal as written",
    "",
    "**Why**",
    ...reasons,
    "",
    "**The smallest change that would unblock it**",
    ...suggestions,
    ...(attempts.length > 0
      ? ["", "<details><summary>What Atlas tried</summary>", "", ...attempts, "", "</details>"]
      : []),
    "",
    footer,
  ].join("\n");
}

export function renderGoalAccepted(spec: PlanSpec, pr: { number: number; url: string }): string {
  return [
    MARKERS.goal,
    `### ✅ Planned: #${pr.number}`,
    "",
    `Atlas designed **${plain(spec.summary)}** for ${formatUsd(spec.cost.monthlyUsd)}/month (budget ${formatUsd(spec.cost.budgetMonthlyUsd)}); Forge wrote the Terraform to \`${spec.terraform.dir}/\`.`,
    `Review and approve it in ${pr.url}.`,
  ].join("\n");
}

export function renderGoalDone(summary: string, pr: { number: number }): string {
  return [MARKERS.goal, `### 🎉 Applied: #${pr.number}`, "", summary].join("\n");
}
