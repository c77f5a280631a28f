import { LABEL_PREFIX } from "../conductor/states.js";
import { toPullRequest } from "../platform/github/pull-requests.js";
import { toRunInfo, type RunData } from "../platform/github/runs.js";
import type { GitHubPlatform } from "../platform/github/create-github-platform.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import type { ChangedView, Projection } from "../runtime/projector.js";
import { reproject } from "../runtime/run-event.js";
import type { Delivery } from "../store/store.js";
import { handleCheckRunAction } from "./check-run-action.js";
import { handleGoalIssue } from "./goal-issue.js";
import { loadPrContext } from "./load-pr-context.js";
import { loadOnboardingFiles } from "./onboarding-files.js";
import { onboardRepository } from "./onboarding.js";
import { goalIssueFromPayload } from "./payloads.js";
import { handlePrComment } from "./pr-command.js";
import { handleProtectionRule } from "./protection-rule.js";
import { handlePullRequest } from "./pull-request.js";
import { handleWorkflowRun } from "./workflow-run.js";

/** The fields of a webhook payload the router reads; GitHub signed it, so these are GitHub's facts. */
interface Payload {
  readonly action?: string;
  readonly sender?: { readonly login: string; readonly type?: string } | null;
  readonly repository?: { readonly id: number; readonly full_name: string; readonly default_branch?: string };
  readonly [key: string]: unknown;
}

/** Platforms for the repositories an installation event names (onboarding). */
export type PlatformFor = (owner: string, repo: string) => GitHubPlatform;

/**
 * Routes one stored delivery to its handler and answers what was done, in words. The repository's deps are built by
 * the caller for the delivery's installation. Bots never trigger commands, and the App's own writes (its comments,
 * labels and pushes) are recognised by the sender.
 */
export async function routeDelivery(
  deps: ConductorDeps,
  delivery: Delivery,
  options: { readonly platformFor: PlatformFor; readonly apiBaseUrl?: string },
): Promise<string> {
  const payload = delivery.payload as Payload;
  const action = payload.action ?? "";
  const senderIsBot = payload.sender?.type === "Bot";
  const defaultBranch = payload.repository?.default_branch;
  const fromApp = payload.sender?.login === deps.appLogin;
  switch (`${delivery.name}.${action}`) {
    case "issues.opened":
    case "issues.edited":
    case "issues.labeled": {
      const issue = payload.issue as Parameters<typeof goalIssueFromPayload>[0];
      if (issue.pull_request) return "ignored: pull request";
      if (senderIsBot) return "ignored: bot";
      return handleGoalIssue(deps, goalIssueFromPayload(issue, action, defaultBranch, payload.sender));
    }
    case "issue_comment.created": {
      const comment = payload.comment as {
        id: number;
        body: string;
        user?: { login: string; type?: string } | null;
      };
      const issue = payload.issue as { number: number; pull_request?: unknown };
      if (!issue.pull_request) return "ignored: not a pull request";
      return handlePrComment(
        deps,
        {
          id: comment.id,
          body: comment.body,
          login: comment.user?.login ?? "",
          isBot: senderIsBot || comment.user?.type === "Bot",
          prNumber: issue.number,
        },
        defaultBranch,
      );
    }
    case "issue_comment.edited":
    case "issue_comment.deleted": {
      if (fromApp) return "ignored: the App's own edit";
      const comment = payload.comment as { id: number };
      const issue = payload.issue as { number: number; pull_request?: unknown };
      if (!issue.pull_request) return "ignored: not a pull request";
      const key = { repo: repoName(deps), pr: issue.number };
      const seen = (await deps.store.read.loadProjection(key)) as Projection;
      if (seen.sticky?.id !== comment.id) return "ignored: not the sticky comment";
      return restore(deps, issue.number, action === "deleted" ? "sticky-deleted" : "sticky", defaultBranch);
    }
    case "pull_request.unlabeled": {
      const label = (payload.label as { name?: string } | undefined)?.name ?? "";
      if (fromApp || !label.startsWith(LABEL_PREFIX)) return "ignored: not a state label a person removed";
      return restore(deps, (payload.pull_request as { number: number }).number, "label", defaultBranch);
    }
    case "pull_request.synchronize":
    case "pull_request.closed":
      return handlePullRequest(
        deps,
        action as "synchronize" | "closed",
        toPullRequest(payload.pull_request as Parameters<typeof toPullRequest>[0]),
        { login: payload.sender?.login ?? "", ...(defaultBranch ? { defaultBranch } : {}) },
      );
    case "workflow_run.completed":
    case "workflow_run.in_progress":
      return handleWorkflowRun(deps, toRunInfo(payload.workflow_run as RunData), {
        action: action === "completed" ? "completed" : "in_progress",
        repositoryId: payload.repository?.id ?? 0,
        ...(defaultBranch ? { defaultBranch } : {}),
      });
    case "check_run.requested_action": {
      const run = payload.check_run as {
        name: string;
        head_sha: string;
        pull_requests: { number: number }[];
      };
      const requested = payload.requested_action as { identifier?: string } | undefined;
      const pr = run.pull_requests[0];
      return handleCheckRunAction(deps, {
        checkName: run.name,
        identifier: requested?.identifier ?? "",
        ...(pr ? { prNumber: pr.number } : {}),
        login: payload.sender?.login ?? "",
        isBot: senderIsBot,
        deliveryId: delivery.id,
        headSha: run.head_sha,
        ...(defaultBranch ? { defaultBranch } : {}),
      });
    }
    case "deployment_protection_rule.requested":
      return handleProtectionRule(deps, {
        environment: String(payload.environment ?? ""),
        callbackUrl: String(payload.deployment_callback_url ?? ""),
        ...(options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}),
      });
    case "installation.created":
    case "installation_repositories.added": {
      const repos =
        (payload.repositories as { full_name: string }[] | undefined) ??
        (payload.repositories_added as { full_name: string }[] | undefined) ??
        [];
      const files = await loadOnboardingFiles();
      const outcomes: string[] = [];
      for (const { full_name } of repos) {
        const [owner, repo] = full_name.split("/") as [string, string];
        outcomes.push(
          `${full_name}: ${await onboardRepository(options.platformFor(owner, repo), deps.log, files)}`,
        );
      }
      return outcomes.join(", ") || "no repositories";
    }
    default:
      return `ignored: ${delivery.name}.${action} is not an event Infracrew acts on`;
  }
}

/** A person changed a view of the state (edited the sticky comment, removed the state label): it is written again. */
async function restore(
  deps: ConductorDeps,
  pr: number,
  view: ChangedView,
  defaultBranch: string | undefined,
): Promise<string> {
  const loaded = await loadPrContext(deps, await deps.platform.getPullRequest(pr), defaultBranch);
  if (!loaded) return "ignored: not a goal PR";
  await reproject(deps, loaded.ctx, view);
  deps.log.info({ pr, view }, "a person changed a view of the state; written again from the store");
  return `restored the ${view}`;
}
