import type { Permission } from "../../conductor/approval-gate.js";
import { callGitHub, on } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const GET_PERMISSION = "GET /repos/{owner}/{repo}/collaborators/{username}/permission";
const GET_MEMBERSHIP = "GET /orgs/{org}/teams/{team_slug}/memberships/{username}";

const ROLES: readonly string[] = ["admin", "maintain", "write", "triage", "read"] satisfies Permission[];

/**
 * A user's permission on the repository. GitHub's `permission` field folds maintain into write and triage into
 * read; its `role_name` keeps them, so it wins when it is one of the five built-in roles (a custom role falls back
 * to `permission`). Not a collaborator (404): none. 1 call.
 */
export async function getPermission(scope: GitHubScope, login: string): Promise<Permission> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    GET_PERMISSION,
    scope.octokit.request(GET_PERMISSION, { owner, repo, username: login }),
    on(404, undefined),
  );
  if (response === undefined) return "none";
  const { role_name: role, permission } = response.data;
  if (ROLES.includes(role)) return role as Permission;
  return ROLES.includes(permission) ? (permission as Permission) : "none";
}

/** An active member of org/team (a pending invitation is not). Not a member (404): false. 1 call. */
export async function isTeamMember(
  scope: GitHubScope,
  org: string,
  teamSlug: string,
  login: string,
): Promise<boolean> {
  const response = await callGitHub(
    GET_MEMBERSHIP,
    scope.octokit.request(GET_MEMBERSHIP, { org, team_slug: teamSlug, username: login }),
    on(404, undefined),
  );
  return response?.data.state === "active";
}
