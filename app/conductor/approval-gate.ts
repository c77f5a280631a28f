import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/** What the edge found out about the person who asked, before the gate decides. */
export interface ActorFacts {
  readonly login: string;
  readonly isBot: boolean;
  /** The repository permission from GitHub's collaborator permission API (never author_association). */
  readonly permission: Permission;
  /** The approver teams (org/team) from the policy this person belongs to. */
  readonly teams: readonly string[];
}

export type GateDecision =
  { readonly allowed: true; readonly via: string } | { readonly allowed: false; readonly reason: string };

/** May this person act (approve, roll back, re-plan, unlock) on the stack? */
export function mayAct(actor: ActorFacts, policy: ResolvedOrgPolicy, action: string): GateDecision {
  if (actor.isBot) return { allowed: false, reason: `bots cannot ${action}` };
  const min = policy.approvals.minPermission;
  if (RANK[actor.permission] >= RANK[min]) return { allowed: true, via: `${actor.permission} permission` };
  if (actor.teams.length > 0) return { allowed: true, via: `member of ${actor.teams[0]}` };
  const teams = policy.approvals.teams;
  const teamText = teams.length > 0 ? ` or membership of ${teams.map((t) => `@${t}`).join(", ")}` : "";
  return {
    allowed: false,
    reason: `@${actor.login} has ${actor.permission} permission; to ${action} you need ${min} or more${teamText}`,
  };
}

export interface Approval {
  readonly login: string;
  readonly sha: string;
  readonly at: string;
  readonly via: "comment" | "slack" | "check-run";
}

/**
 * Whether the approvals on a commit are enough to apply it, and if not, what is missing. `authors` are the goal's
 * author and editors and everyone who pushed to the pull request: unless the policy allows self-approval, someone
 * else must approve.
 */
export function approvalsMet(
  approvals: readonly Approval[],
  sha: string,
  authors: readonly string[],
  policy: ResolvedOrgPolicy,
): { met: true } | { met: false; missing: string } {
  const onSha = approvals.filter((a) => a.sha === sha);
  const required = policy.approvals.required;
  if (onSha.length < required) {
    const more = required - onSha.length;
    return {
      met: false,
      missing: `${more} more approval${more === 1 ? "" : "s"} needed (${onSha.length}/${required})`,
    };
  }
  const authored = new Set(authors.map((a) => a.toLowerCase()));
  const someoneElse = onSha.some((a) => !authored.has(a.login.toLowerCase()));
  if (!policy.approvals.allowSelfApproval && !someoneElse) {
    const named = [...new Set(authors)].map((a) => `@${a}`).join(", ");
    return {
      met: false,
      missing: `the authors of this change (${named}: the goal's author and editors, and whoever pushed to it) cannot approve alone: an approval from someone else is needed`,
    };
  }
  return { met: true };
}
