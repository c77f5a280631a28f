import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { isRolledBack, type PrState } from "../conductor/pr-state.js";
import type { State } from "../conductor/states.js";
import { SHOWN, andMore, capList, clip } from "./limits.js";
import { MARKERS } from "./markers.js";
import { plain, shortSha, table } from "./markdown.js";

/** Each state in a few words, as the sticky comment and the Slack message show it. */
export const HEADLINE: Record<State, string> = {
  PENDING: "⏳ Pending",
  IN_PROGRESS: "🛠️ Designing",
  VALIDATING: "🔎 Validating",
  BLOCKED: "⛔ Blocked by Sentinel",
  READY_FOR_APPLY: "✅ Ready for apply",
  WAIT_FOR_APPROVE: "✋ Waiting for approval",
  APPLYING: "🚀 Applying",
  ROLLBACK: "↩️ Rolling back",
  DONE: "🎉 Done",
};

/** The state in a few words; a PR rolled back is not "done" in the sense its author hoped. */
export function headline(state: PrState): string {
  return isRolledBack(state) ? "↩️ Rolled back" : HEADLINE[state.state];
}

function nextStep(state: PrState, policy: ResolvedOrgPolicy): string {
  switch (state.state) {
    case "VALIDATING":
      return `Sentinel is planning and checking ${shortSha(state.headSha)}.`;
    case "BLOCKED":
      return "Fix what Sentinel found and push; the new commit is validated again. `/plan` re-runs it.";
    case "WAIT_FOR_APPROVE": {
      const onHead = state.approvals.filter((a) => a.sha === state.headSha).length;
      return `Comment \`/approve\` to apply ${shortSha(state.headSha)} (${onHead}/${policy.approvals.required} approvals).`;
    }
    case "APPLYING":
      return `Applying ${shortSha(state.apply?.sha ?? state.headSha)}; it rolls back by itself on failure or after ${policy.apply.timeoutMinutes} min.`;
    case "ROLLBACK":
      if (state.rollback?.status !== "failure")
        return `Rolling back; SLA: begins within ${policy.rollback.beginWithinMinutes} min, finishes within ${policy.rollback.finishWithinMinutes} min.`;
      return state.unlocked
        ? `The rollback failed: a person must look. @${state.unlocked.by} released the stack lock; \`/rollback\` runs it again.`
        : "The rollback failed: a person must look. The stack lock is held until `/unlock`; then `/rollback` runs it again.";
    case "DONE":
      if (isRolledBack(state)) {
        const to = state.rollback?.toSha
          ? `the known-good revision ${shortSha(state.rollback.toSha)}`
          : "nothing: what the first apply created is destroyed";
        return `Rolled back to ${to}. Push a fix to plan and validate again.`;
      }
      return "Applied. `/rollback` re-applies the last known-good revision.";
    default:
      return "";
  }
}

function facts(state: PrState, policy: ResolvedOrgPolicy): string[][] {
  const rows: string[][] = [["Head", `\`${shortSha(state.headSha)}\``]];
  if (state.validation) {
    const verdict = state.validation.verdict === "PASS" ? "✅ PASS" : "❌ FAIL";
    const run = state.validation.runUrl ? ` ([run](${state.validation.runUrl}))` : "";
    rows.push(["Sentinel", `${verdict} on \`${shortSha(state.validation.sha)}\`${run}`]);
  }
  const approvals = state.approvals.filter((a) => a.sha === state.headSha);
  rows.push([
    "Approvals",
    `${approvals.length}/${policy.approvals.required}${approvals.length > 0 ? `: ${approvals.map((a) => `${a.login} (${a.via})`).join(", ")}` : ""}`,
  ]);
  if (state.apply) {
    const status = state.apply.status ?? "running";
    const run = state.apply.runUrl ? ` ([run](${state.apply.runUrl}))` : "";
    rows.push(["Apply", `\`${shortSha(state.apply.sha)}\` ${status}${run}`]);
    rows.push([
      "Known-good",
      state.apply.knownGood ? `\`${shortSha(state.apply.knownGood)}\`` : "none (first apply)",
    ]);
  }
  if (state.rollback) {
    const rb = state.rollback;
    const breaches = rb.breaches.length > 0 ? `, SLA breached (${rb.breaches.join(", ")})` : "";
    rows.push(["Rollback", `${rb.trigger} at ${rb.triggeredAt}: ${rb.status ?? "running"}${breaches}`]);
  }
  if (state.unlocked) rows.push(["Lock", `released by @${state.unlocked.by} at ${state.unlocked.at}`]);
  return rows;
}

/** Sentinel's reasons as a list, the first `SHOWN.stickyReasons`, each cut, and how many more (with the run). */
function reasonLines(state: PrState): string[] {
  const { shown, more } = capList(state.validation?.reasons ?? [], SHOWN.stickyReasons);
  const run = state.validation?.runUrl;
  return [
    ...shown.map((r) => `- ${plain(clip(r, SHOWN.stickyReasonChars))}`),
    ...(more > 0 ? [`- ${andMore(more, "reasons", run ? { link: run } : {})}`] : []),
  ];
}

/** The one sticky comment on a goal's PR: the state at a glance, with the Conductor state in a hidden marker. */
export function renderSticky(state: PrState, policy: ResolvedOrgPolicy, details: string = ""): string {
  const reasons = state.validation?.section
    ? ["", state.validation.section]
    : state.validation && state.validation.reasons.length > 0
      ? ["", "<details><summary>Sentinel's reasons</summary>", "", ...reasonLines(state), "", "</details>"]
      : [];
  return [
    MARKERS.sticky,
    `### Infracrew · \`${state.stack}\` · ${headline(state)}`,
    "",
    nextStep(state, policy),
    "",
    table(["", ""], facts(state, policy)),
    ...reasons,
    ...(details ? ["", details] : []),
  ].join("\n");
}
