import { contentHash } from "../contracts/canonical.js";
import { readGoal } from "../contracts/goal-intake.js";
import { looksLikeGoalForm } from "../contracts/issue-form.js";
import { isoNow, type ConductorDeps } from "../conductor/deps.js";
import { NAMES, branchFor } from "../conductor/names.js";
import { decodeState, type PrState } from "../conductor/pr-state.js";
import { labelFor, withStateLabel } from "../conductor/states.js";
import {
  renderConfigInvalid,
  renderGoalAccepted,
  renderGoalBlocked,
  renderGoalInvalid,
} from "../render/goal-comment.js";
import { MARKERS, readHiddenValue } from "../render/markers.js";
import { prTitle, renderPrBody } from "../render/pr-body/render-pr-body.js";
import { renderSticky } from "../render/sticky-comment.js";
import { loadPolicy } from "./load-policy.js";

export interface GoalIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly author: string;
  readonly authorIsBot: boolean;
  /** True on `issues.opened`: no Infracrew comment can exist yet. */
  readonly isNew: boolean;
  /** The repository's default branch, from the webhook payload (saves a call). */
  readonly defaultBranch?: string;
}

export type GoalOutcome =
  "not-a-goal" | "config-invalid" | "invalid" | "unchanged" | "name-taken" | "busy" | "blocked" | "planned";

const FENCED_GOAL = /```(?:json|ya?ml)[^\n]*\n[\s\S]*?\bkind\b["']?\s*:\s*["']?GoalStatement/;

export function isGoalIssue(issue: Pick<GoalIssue, "labels" | "body">): boolean {
  return (
    issue.labels.includes(NAMES.goalLabel) || looksLikeGoalForm(issue.body) || FENCED_GOAL.test(issue.body)
  );
}

/**
 * A goal filed or edited as an issue: read it, design it (Atlas), render it (Forge), and put it on branch
 * infracrew/<name> as one commit with one pull request. Every refusal is answered on the issue, in one comment.
 */
export async function handleGoalIssue(deps: ConductorDeps, issue: GoalIssue): Promise<GoalOutcome> {
  const { platform, log } = deps;
  if (issue.authorIsBot || !isGoalIssue(issue)) return "not-a-goal";
  const say = async (body: string): Promise<void> => {
    if (issue.isNew) await platform.createComment(issue.number, body);
    else await platform.ensureComment(issue.number, MARKERS.goal, body);
  };

  const policy = await loadPolicy(platform);
  if (!policy.ok) {
    await say(renderConfigInvalid(policy.problems));
    return "config-invalid";
  }
  const read = readGoal(issue.body, "auto");
  if (!read.ok) {
    await say(renderGoalInvalid(read.problems));
    log.info({ issue: issue.number, problems: read.problems.length }, "goal invalid");
    return "invalid";
  }
  const goal = read.value.goal;
  const hash = contentHash(goal);
  const branch = branchFor(goal.name);
  const existing = await platform.findOpenPullRequest(branch);
  if (existing) {
    if (readHiddenValue(existing.body, "goal-hash") === hash) return "unchanged";
    const owner = readHiddenValue(existing.body, "goal-issue");
    if (owner && owner !== String(issue.number)) {
      await say(
        renderGoalInvalid([
          {
            path: "name",
            message: `is already used by the goal in #${owner} (${existing.url}); choose another name (got "${goal.name}")`,
          },
        ]),
      );
      return "name-taken";
    }
  }

  const { owner, repo } = platform.repo;
  const design = deps.crew.design(goal, policy.value, {
    now: deps.clock(),
    issue: { repo: `${owner}/${repo}`, number: issue.number },
  });
  if (design.kind === "DesignBlocked") {
    await say(renderGoalBlocked(design.value));
    await platform.setLabels(issue.number, [
      ...issue.labels.filter((l) => !l.startsWith("infracrew:")),
      labelFor("BLOCKED"),
    ]);
    log.info({ issue: issue.number, reasons: design.value.reasons.map((r) => r.code) }, "design blocked");
    return "blocked";
  }
  deps.observer?.agentSucceeded("atlas");
  const spec = design.value;

  let previous: PrState | undefined;
  let sticky;
  if (existing) {
    sticky = await platform.findComment(existing.number, MARKERS.sticky);
    previous = sticky ? decodeState(sticky.body) : undefined;
    if (previous && (previous.state === "APPLYING" || previous.state === "ROLLBACK")) {
      await say(
        renderGoalInvalid([
          {
            path: "",
            message: `#${existing.number} is ${previous.state === "APPLYING" ? "applying" : "rolling back"}; edit the goal again once it is done`,
          },
        ]),
      );
      return "busy";
    }
  }

  const files = deps.crew.render(spec, policy.value).files;
  deps.observer?.agentSucceeded("forge");
  const defaultBranch = existing?.baseRef ?? issue.defaultBranch ?? (await platform.getDefaultBranch());
  const commit = await platform.commitFiles({
    branch,
    base: defaultBranch,
    message: `infra(${goal.name}): ${spec.pattern} in ${spec.region}\n\nDesigned by Atlas and written by Forge for #${issue.number}.`,
    files: files.map((f) => ({ path: f.path, content: f.content })),
  });
  const title = prTitle(spec);
  const body = renderPrBody(spec, { issueNumber: issue.number });
  const pr = existing
    ? { ...existing, headSha: commit.sha, title, body }
    : await platform.createPullRequest({ branch, base: defaultBranch, title, body });
  if (existing) await platform.updatePullRequest(existing.number, { title, body });

  const state: PrState = {
    v: 1,
    stack: goal.name,
    dir: spec.terraform.dir,
    goal: { hash, issue: issue.number, author: issue.author, summary: goal.summary },
    state: "VALIDATING",
    headSha: commit.sha,
    approvals: [],
    ...(previous?.slack ? { slack: previous.slack } : {}),
    handled: previous?.handled ?? [],
  };
  await platform.setLabels(pr.number, withStateLabel(pr.labels, "VALIDATING"));
  if (sticky)
    await platform.ensureComment(pr.number, MARKERS.sticky, renderSticky(state, policy.value), sticky);
  else await platform.createComment(pr.number, renderSticky(state, policy.value));
  await say(renderGoalAccepted(spec, pr));
  deps.observer?.agentSucceeded("conductor");
  log.info(
    { issue: issue.number, pr: pr.number, sha: commit.sha, at: isoNow(deps), files: files.length },
    existing ? "goal re-planned" : "goal planned",
  );
  return "planned";
}
