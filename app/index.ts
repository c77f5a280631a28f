import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import packageJson from "../package.json" with { type: "json" };
import type { Crew } from "./conductor/crew.js";
import type { ConductorDeps, ConductorObserver, Logger, ReviewNotifier } from "./conductor/deps.js";
import { CREW } from "./crew.js";
import { handleCheckRunAction } from "./handlers/check-run-action.js";
import { handleGoalIssue } from "./handlers/goal-issue.js";
import { healthzHandler } from "./handlers/healthz.js";
import { metricsHandler } from "./handlers/metrics-endpoint.js";
import { loadOnboardingFiles } from "./handlers/onboarding-files.js";
import { onboardRepository } from "./handlers/onboarding.js";
import { goalIssueFromPayload, workflowRunFromPayload } from "./handlers/payloads.js";
import { toPullRequest } from "./platform/github/pull-requests.js";
import { handlePrComment } from "./handlers/pr-command.js";
import { handlePullRequest } from "./handlers/pull-request.js";
import { tickPullRequest } from "./handlers/sla-sweep.js";
import { slackHandlers } from "./handlers/slack/slack-handlers.js";
import { handleWorkflowRun } from "./handlers/workflow-run.js";
import { githubQueueSource } from "./metrics/github-queue-source.js";
import { instrumentOctokit } from "./metrics/instrument-octokit.js";
import { timedWebhook } from "./metrics/instrument-webhook.js";
import { InfracrewMetrics } from "./metrics/metrics.js";
import { startQueueReconciler, type QueueSource } from "./metrics/queue-reconciler.js";
import { createGitHubPlatform, type GitHubPlatform } from "./platform/github/create-github-platform.js";
import type { GitHubClient } from "./platform/github/github-client.js";
import type { RepoRef } from "./platform/platform.js";
import { slackConfigFromEnv } from "./platform/slack/slack-config.js";
import { createSlackNotifier } from "./platform/slack/slack-notifier.js";

export interface InfracrewOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock; tests pass one they move. */
  readonly clock?: () => Date;
  readonly crew?: Crew;
  readonly metrics?: InfracrewMetrics;
  /** Replaces the Slack notifier built from SLACK_BOT_TOKEN (tests). */
  readonly notifier?: ReviewNotifier;
  /** Seconds between rounds of the queue reconcile and SLA clock; 0 turns them off (default 60). */
  readonly sweepSeconds?: number;
  /** Handed the SLA clock the sweep ticks each applying or rolling-back PR with (tests tick it themselves). */
  readonly onSlaClock?: (tick: SlaTick) => void;
}

/** Ticks one pull request's SLA clock with its installation's token; answers what happened. */
export type SlaTick = (installationId: number, repo: RepoRef, prNumber: number) => Promise<string>;

type Octokit = GitHubClient & { hook?: unknown };

/**
 * The Probot entry: the only file that knows Probot's shape. Webhooks become handler calls with the Conductor's
 * dependencies for their repository; /healthz, /metrics and the Slack endpoints are mounted; a timer counts the
 * queue and ticks the SLA clock of PRs that are applying or rolling back.
 */
export function createInfracrew(options: InfracrewOptions = {}) {
  return (app: Probot, { addHandler }: ApplicationFunctionOptions): void => {
    const env = options.env ?? process.env;
    const clock = options.clock ?? (() => new Date());
    const crew = options.crew ?? CREW;
    const metrics = options.metrics ?? new InfracrewMetrics({ defaultMetrics: true });
    const appId = Number(env.APP_ID) || undefined;
    const appLogin = `${env.INFRACREW_APP_SLUG ?? "infracrew"}[bot]`;
    const slack = slackConfigFromEnv(env);
    const notifier = options.notifier ?? createSlackNotifier(slack, app.log);
    const observer: ConductorObserver = metrics;

    const platformFor = (octokit: Octokit, repo: RepoRef): GitHubPlatform =>
      createGitHubPlatform(octokit, repo, appId ? { appId } : {});
    const depsFor = (octokit: Octokit, log: Logger, repo: RepoRef): ConductorDeps => ({
      platform: platformFor(octokit, repo),
      clock,
      log,
      appLogin,
      crew,
      observer,
      ...(notifier ? { notifier } : {}),
    });

    const on = <C extends Context>(
      name: string,
      handler: (context: C, deps: () => ConductorDeps) => Promise<string>,
    ) => {
      return async (context: C): Promise<void> => {
        const payload = context.payload as { action?: string; installation?: { id: number } };
        instrumentOctokit(context.octokit as never, metrics, payload.installation?.id ?? "app");
        const deps = (): ConductorDeps => depsFor(context.octokit as Octokit, context.log, context.repo());
        try {
          const outcome = await timedWebhook(metrics, `${name}.${payload.action ?? ""}`, () =>
            handler(context, deps),
          );
          context.log.info({ event: name, action: payload.action, delivery: context.id, outcome }, "handled");
        } catch (error) {
          context.log.error(
            { event: name, action: payload.action, delivery: context.id, err: error },
            "internal error handling a webhook",
          );
          throw error;
        }
      };
    };

    app.on(
      ["issues.opened", "issues.edited", "issues.labeled"],
      on("issues", async (context: Context<"issues">, deps) => {
        const { issue, repository, action } = context.payload;
        if (issue.pull_request) return "ignored: pull request";
        if (context.isBot) return "ignored: bot";
        return handleGoalIssue(deps(), goalIssueFromPayload(issue, action, repository.default_branch));
      }),
    );

    app.on(
      "issue_comment.created",
      on("issue_comment", async (context: Context<"issue_comment.created">, deps) => {
        const { comment, issue } = context.payload;
        if (!issue.pull_request) return "ignored: not a pull request";
        return handlePrComment(deps(), {
          id: comment.id,
          body: comment.body,
          login: comment.user?.login ?? "",
          isBot: context.isBot || comment.user?.type === "Bot",
          prNumber: issue.number,
        });
      }),
    );

    app.on(
      ["pull_request.synchronize", "pull_request.closed"],
      on("pull_request", async (context: Context<"pull_request.synchronize" | "pull_request.closed">, deps) =>
        handlePullRequest(deps(), context.payload.action, toPullRequest(context.payload.pull_request)),
      ),
    );

    app.on(
      ["workflow_run.completed", "workflow_run.in_progress"],
      on(
        "workflow_run",
        async (context: Context<"workflow_run.completed" | "workflow_run.in_progress">, deps) =>
          handleWorkflowRun(
            deps(),
            workflowRunFromPayload(context.payload.workflow_run, context.payload.action),
          ),
      ),
    );

    app.on(
      "check_run.requested_action",
      on("check_run", async (context: Context<"check_run.requested_action">, deps) => {
        const { check_run: run, requested_action: action, sender } = context.payload;
        const pr = run.pull_requests[0];
        return handleCheckRunAction(deps(), {
          checkName: run.name,
          identifier: action?.identifier ?? "",
          ...(pr ? { prNumber: pr.number } : {}),
          login: sender.login,
          isBot: context.isBot,
          deliveryId: context.id,
        });
      }),
    );

    app.on(
      ["installation.created", "installation_repositories.added"],
      on(
        "installation",
        async (context: Context<"installation.created" | "installation_repositories.added">) => {
          const payload = context.payload as {
            repositories?: { full_name: string }[];
            repositories_added?: { full_name: string }[];
          };
          const repos = payload.repositories ?? payload.repositories_added ?? [];
          const files = await loadOnboardingFiles();
          const outcomes: string[] = [];
          for (const { full_name } of repos) {
            const [owner, repo] = full_name.split("/") as [string, string];
            outcomes.push(
              `${full_name}: ${await onboardRepository(platformFor(context.octokit as Octokit, { owner, repo }), context.log, files)}`,
            );
          }
          return outcomes.join(", ") || "no repositories";
        },
      ),
    );

    const installationDeps = async (owner: string, repo: string): Promise<ConductorDeps | undefined> => {
      const appOctokit = await app.auth();
      const found = await appOctokit.rest.apps.getRepoInstallation({ owner, repo }).then(
        (r) => r.data,
        (e: { status?: number }) => (e.status === 404 ? undefined : Promise.reject(e)),
      );
      if (!found) return undefined;
      const octokit = await app.auth(found.id);
      instrumentOctokit(octokit as never, metrics, found.id);
      return depsFor(octokit as Octokit, app.log, { owner, repo });
    };

    addHandler(healthzHandler(packageJson.version));
    addHandler(metricsHandler(metrics, env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}));
    for (const handler of slackHandlers(slack, { resolveRepo: installationDeps, log: app.log }))
      addHandler(handler);

    const slaTick: SlaTick = async (installationId, repo, prNumber) => {
      const octokit = (await app.auth(installationId)) as unknown as Octokit;
      instrumentOctokit(octokit as never, metrics, installationId);
      return tickPullRequest(depsFor(octokit, app.log, repo), prNumber);
    };
    options.onSlaClock?.(slaTick);

    const sweepSeconds = options.sweepSeconds ?? Number(env.INFRACREW_SWEEP_SECONDS ?? 60);
    if (sweepSeconds > 0) {
      const installations = new Map<string, number>();
      startQueueReconciler({
        metrics,
        log: app.log,
        intervalMs: sweepSeconds * 1000,
        sources: async function* (): AsyncGenerator<QueueSource> {
          const appOctokit = await app.auth();
          for await (const { data } of appOctokit.paginate.iterator(appOctokit.rest.apps.listInstallations, {
            per_page: 100,
          })) {
            for (const installation of data) {
              const account = installation.account;
              if (!account || !("login" in account)) continue;
              const octokit = (await app.auth(installation.id)) as unknown as Octokit;
              instrumentOctokit(octokit as never, metrics, installation.id);
              installations.set(account.login, installation.id);
              yield githubQueueSource(
                octokit as never,
                { login: account.login, type: account.type },
                (owner, repo) => platformFor(octokit, { owner, repo }),
              );
            }
          }
        },
        visit: async (source, pr) => {
          if (pr.state !== "APPLYING" && pr.state !== "ROLLBACK") return;
          const installationId = installations.get(source.name);
          if (installationId === undefined) return;
          const [owner, repo] = pr.repo.split("/") as [string, string];
          try {
            const outcome = await slaTick(installationId, { owner, repo }, pr.number);
            app.log.debug({ repo: pr.repo, pr: pr.number, outcome }, "SLA clock");
          } catch (error) {
            app.log.error(
              { repo: pr.repo, pr: pr.number, err: error },
              "SLA clock failed for a pull request",
            );
          }
        },
      });
    }
  };
}

export default createInfracrew();
