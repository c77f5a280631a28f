import type { GoalIssue } from "./goal-issue.js";

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

export function goalIssueFromPayload(
  issue: PayloadIssue,
  action: string,
  defaultBranch?: string,
  sender?: { readonly login: string; readonly type?: string } | null,
): GoalIssue {
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
    ...(sender ? { sender: sender.login, senderIsBot: sender.type === "Bot" } : {}),
  };
}
