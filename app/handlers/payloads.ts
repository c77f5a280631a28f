import type { GoalIssue } from "./goal-issue.js";
import type { WorkflowRun } from "./workflow-run.js";

interface PayloadLabel {
  readonly name?: string;
}

interface PayloadIssue {
  readonly number: number;
  readonly title: string;
  readonly body?: string | null;
  readonly labels?: readonly (PayloadLabel | string | null)[];
  readonly user?: { readonly login: string; readonly type?: string } | null;
  readonly pull_request?: unknown;
}

export function goalIssueFromPayload(issue: PayloadIssue, action: string, defaultBranch?: string): GoalIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    labels: (issue.labels ?? [])
      .map((l) => (typeof l === "string" ? l : (l?.name ?? "")))
      .filter((n) => n !== ""),
    author: issue.user?.login ?? "",
    authorIsBot: issue.user?.type === "Bot",
    isNew: action === "opened",
    ...(defaultBranch ? { defaultBranch } : {}),
  };
}

interface PayloadWorkflowRun {
  readonly id: number;
  readonly path: string;
  readonly conclusion: string | null;
  readonly head_sha: string;
  readonly display_title?: string;
  readonly html_url: string;
  readonly run_started_at?: string | null;
  readonly pull_requests?: readonly ({ readonly number: number } | null)[] | null;
}

export function workflowRunFromPayload(run: PayloadWorkflowRun, action: string): WorkflowRun {
  return {
    id: run.id,
    path: run.path,
    action: action === "completed" ? "completed" : action === "in_progress" ? "in_progress" : "requested",
    conclusion: run.conclusion,
    headSha: run.head_sha,
    displayTitle: run.display_title ?? "",
    htmlUrl: run.html_url,
    ...(run.run_started_at ? { runStartedAt: run.run_started_at } : {}),
    pullRequests: (run.pull_requests ?? []).flatMap((p) => (p ? [{ number: p.number }] : [])),
  };
}
