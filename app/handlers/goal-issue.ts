import { contentHash } from "../contracts/canonical.js";
import { readGoal } from "../contracts/goal-intake.js";
import { looksLikeGoalForm } from "../contracts/issue-form.js";
import { isoNow } from "../conductor/deps.js";
import { NAMES, branchFor } from "../conductor/names.js";
import type { PrState } from "../conductor/pr-state.js";
import { LABEL_PREFIX, labelFor } from "../conductor/states.js";
import {
  renderConfigInvalid,
  renderGoalAccepted,
  renderGoalBlocked,
  renderGoalInvalid,
} from "../render/goal-comment.js";
import { MARKERS } from "../render/markers.js";
import { prTitle, renderPrBody } from "../render/pr-body/render-pr-body.js";
import { GitHubApiError } from "../platform/github/github-api-error.js";
import type { Platform, PullRequest } from "../platform/platform.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import { runEvent, startPr } from "../runtime/run-event.js";
import { loadPolicy } from "./load-policy.js";
import { defaultBranchOf } from "./load-pr-context.js";

export interface GoalIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly author: string;
  readonly authorIsBot: boolean;
  /** True on `issues.opened`: the first answer of a planned goal is posted without looking for an earlier one. */
  readonly isNew: boolean;
  /** The repository's default branch, from the webhook payload (saves a call). */
  readonly defaultBranch?: string;
  /** Who opened or edited the issue (the webhook's sender). */
  readonly sender?: string;
  readonly senderIsBot?: boolean;
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
 * infracrew/<name> as one commit with one pull request, whose state enters the store. Every refusal is answered on
 * the issue, in one comment. Who edited the goal is recorded: they count as its authors for self-approval.
 */
export async function handleGoalIssue(deps: ConductorDeps, issue: GoalIssue): Promise<GoalOutcome> {
  const { platform, log, store } = deps;
  if (issue.authorIsBot || !isGoalIssue(issue)) return "not-a-goal";
  // Refusals look for the issue's one Infracrew comment first, even on `opened`: a redelivery must not post it twice.
  const say = (body: string) => platform.ensureComment(issue.number, MARKERS.goal, body);
  const repo = repoName(deps);

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
  const recorded = await store.read.getGoal(repo, issue.number);
  const editors = editorsAfter(recorded?.editors ?? [], issue);
  const named = await store.read.getGoalByName(repo, goal.name);
  if (named && named.issue !== issue.number) {
    const where = named.pr ? ` (#${named.pr})` : "";
    await say(
      renderGoalInvalid([
        {
          path: "name",
          message: `is already used by the goal in #${named.issue}${where}; choose another name (got "${goal.name}")`,
        },
      ]),
    );
    return "name-taken";
  }
  if (recorded && recorded.hash === hash && recorded.name === goal.name && recorded.pr !== null) {
    if (editors.length !== recorded.editors.length)
      await store.read.saveGoal({ ...recorded, editors }, deps.clock());
    return "unchanged";
  }

  const { owner, repo: name } = platform.repo;
  const design = deps.crew.design(goal, policy.value, {
    now: deps.clock(),
    issue: { repo: `${owner}/${name}`, number: issue.number },
    takenCidrs: await store.read.takenCidrs(repo, issue.number),
  });
  if (design.kind === "DesignBlocked") {
    await say(renderGoalBlocked(design.value));
    const labels = [...issue.labels.filter((l) => !l.startsWith(LABEL_PREFIX)), labelFor("BLOCKED")];
    if (labels.length !== issue.labels.length || labels.some((l) => !issue.labels.includes(l)))
      await platform.setLabels(issue.number, labels);
    log.info({ issue: issue.number, reasons: design.value.reasons.map((r) => r.code) }, "design blocked");
    return "blocked";
  }
  deps.observer?.agentSucceeded("atlas");
  const spec = design.value;
  const cidrs = [...new Set(spec.components.flatMap((c) => (c.kind === "network" ? [c.params.cidr] : [])))];

  const existing = await goalPullRequest(platform, recorded?.name === goal.name ? recorded.pr : null);
  const previous = existing ? await store.read.loadPr({ repo, pr: existing.number }) : undefined;
  if (previous && (previous.state.state === "APPLYING" || previous.state.state === "ROLLBACK")) {
    await say(
      renderGoalInvalid([
        {
          path: "",
          message: `#${existing!.number} is ${previous.state.state === "APPLYING" ? "applying" : "rolling back"}; edit the goal again once it is done`,
        },
      ]),
    );
    return "busy";
  }

  const files = deps.crew.render(spec, policy.value).files;
  deps.observer?.agentSucceeded("forge");
  const defaultBranch = await defaultBranchOf(deps, issue.defaultBranch ?? existing?.baseRef);
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
    : await openPullRequest(platform, { branch, base: defaultBranch, title, body });
  if (existing) await platform.updatePullRequest(existing.number, { title, body });

  const goalRecord: PrState["goal"] = {
    hash,
    issue: issue.number,
    author: recorded?.author ?? issue.author,
    editors,
    summary: goal.summary,
    budgetUsd: goal.budget.monthlyUsd,
  };
  const ctx = { pr, policy: policy.value, defaultBranch };
  if (previous) {
    await store.read.saveGoal(
      {
        repo,
        issue: issue.number,
        name: goal.name,
        hash,
        author: goalRecord.author,
        editors,
        budgetUsd: goalRecord.budgetUsd,
        pr: pr.number,
        cidrs,
      },
      deps.clock(),
    );
    await runEvent(deps, ctx, { type: "replanned", sha: commit.sha, goal: goalRecord });
  } else {
    await startPr(
      deps,
      ctx,
      {
        stack: goal.name,
        dir: spec.terraform.dir,
        goal: goalRecord,
        state: "VALIDATING",
        headSha: commit.sha,
        pushers: [],
        approvals: [],
        handled: [],
      },
      { name: goal.name, editors, cidrs },
    );
  }
  // A redelivered `opened` stops at "unchanged" above, so a new issue's first answer needs no look-up.
  if (issue.isNew) await platform.createComment(issue.number, renderGoalAccepted(spec, pr));
  else await say(renderGoalAccepted(spec, pr));
  // The PR carries the state from now on: a label left from a blocked design would contradict it.
  const kept = issue.labels.filter((l) => !l.startsWith(LABEL_PREFIX));
  if (kept.length < issue.labels.length) await platform.setLabels(issue.number, kept);
  deps.observer?.agentSucceeded("conductor");
  log.info(
    { issue: issue.number, pr: pr.number, sha: commit.sha, at: isoNow(deps), files: files.length },
    existing ? "goal re-planned" : "goal planned",
  );
  return "planned";
}

/** The goal's open pull request as the store recorded it (a closed one is not reused: the goal gets a new one). */
async function goalPullRequest(platform: Platform, number: number | null): Promise<PullRequest | undefined> {
  if (number === null) return undefined;
  const pr = await platform.getPullRequest(number);
  return pr.state === "open" ? pr : undefined;
}

/**
 * Opens the goal's pull request. When GitHub says one is open from the branch already (an earlier try created it and
 * then failed, e.g. a 5xx after the write), that one is the goal's: a retry never opens a second.
 */
async function openPullRequest(
  platform: Platform,
  input: { branch: string; base: string; title: string; body: string },
): Promise<PullRequest> {
  try {
    return await platform.createPullRequest(input);
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status !== 422) throw error;
    const open = await platform.findOpenPullRequest(input.branch);
    if (!open) throw error;
    await platform.updatePullRequest(open.number, { title: input.title, body: input.body });
    return { ...open, title: input.title, body: input.body };
  }
}

/** The goal's editors after this event: whoever edited it, unless it is its author or a bot. */
function editorsAfter(editors: readonly string[], issue: GoalIssue): readonly string[] {
  const by = issue.sender;
  if (issue.isNew || !by || issue.senderIsBot || by.toLowerCase() === issue.author.toLowerCase())
    return editors;
  return editors.some((e) => e.toLowerCase() === by.toLowerCase()) ? editors : [...editors, by];
}
