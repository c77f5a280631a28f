import type { ActorFacts } from "../conductor/approval-gate.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { Platform } from "../platform/platform.js";

const RANK = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 } as const;

/**
 * What the approval gate needs to know about a person: their repository permission (from GitHub's permission
 * API, never author_association) and, only when that is not enough, which approver teams they belong to.
 */
export async function actorFacts(
  platform: Platform,
  policy: ResolvedOrgPolicy,
  login: string,
  isBot: boolean,
): Promise<ActorFacts> {
  if (isBot) return { login, isBot, permission: "none", teams: [] };
  const permission = await platform.getPermission(login);
  const teams: string[] = [];
  if (RANK[permission] < RANK[policy.approvals.minPermission]) {
    for (const team of policy.approvals.teams) {
      const [org, slug] = team.split("/") as [string, string];
      if (await platform.isTeamMember(org, slug, login)) {
        teams.push(team);
        break;
      }
    }
  }
  return { login, isBot, permission, teams };
}
