import { mayAct } from "../../conductor/approval-gate.js";
import type { ConductorDeps } from "../../runtime/deps.js";
import type { PrState } from "../../conductor/pr-state.js";
import { mirrorComment, renderStatus, SLACK_REPLIES, type SlackVerb } from "../../render/slack/replies.js";
import { actorFacts } from "../actor-facts.js";
import { loadPrContext } from "../load-pr-context.js";
import { runCommand } from "../pr-command.js";
import type { PrTarget } from "./parse-slash-command.js";

/** A repository's Conductor, through the app's installation on it; undefined when the app is not installed there. */
export type ResolveRepo = (owner: string, repo: string) => Promise<ConductorDeps | undefined>;

/** Slack user id to GitHub login: the App's own map, never the governed repository's config. */
export type SlackUsers = Readonly<Record<string, string>>;

/** What a person asked from Slack. */
export interface SlackAsk {
  readonly verb: SlackVerb | "status";
  readonly target: PrTarget;
  readonly slackUser: string;
  /** Stable id of the interaction (its trigger id): the Conductor handles it once. */
  readonly eventId: string;
  /** The head SHA the clicked message showed; a button never acts on another commit. */
  readonly shownSha?: string;
}

/** The answer to show the person now, and the work to do after answering (its result is shown when done). */
export interface SlackOutcome {
  readonly reply: string;
  readonly execute?: () => Promise<string>;
}

const GATE_VERB: Record<SlackVerb, string> = { approve: "approve", rollback: "roll back", reject: "reject" };

/**
 * Decides what a Slack request may do, with the same facts and the same gate as a PR comment: the Slack user must
 * be mapped to a GitHub login in the App's own environment (INFRACREW_SLACK_USERS: `users`; never in the governed
 * repository, where a writer could map their Slack id to an admin), and that login must pass the approval gate. Every
 * refusal is a reply saying why; nothing is written to GitHub until `execute`.
 */
export async function decideSlackAsk(
  ask: SlackAsk,
  resolveRepo: ResolveRepo,
  users: SlackUsers = {},
): Promise<SlackOutcome> {
  const { owner, repo, number } = ask.target;
  const repoName = `${owner}/${repo}`;
  const ref = `${repoName}#${number}`;
  const deps = await resolveRepo(owner, repo);
  if (!deps) return { reply: SLACK_REPLIES.notInstalled(repoName) };
  const login = Object.hasOwn(users, ask.slackUser) ? users[ask.slackUser] : undefined;
  if (!login) return { reply: SLACK_REPLIES.unmapped(ask.slackUser, repoName) };

  const pr = await deps.platform.getPullRequest(number).catch((error: { status?: number }) => {
    if (error.status === 404) return undefined;
    throw error;
  });
  if (!pr) return { reply: SLACK_REPLIES.notFound(ref) };
  const loaded = await loadPrContext(deps, pr);
  if (!loaded) return { reply: SLACK_REPLIES.notGoalPr(ref) };
  const { ctx, state } = loaded;
  const target = { repo: repoName, number, url: pr.url };

  const actor = await actorFacts(deps.platform, ctx.policy, login, false);
  if (ask.verb === "status") {
    if (actor.permission === "none")
      return { reply: SLACK_REPLIES.refused(`@${login} cannot see ${repoName}`) };
    return { reply: renderStatus(target, state, ctx.policy) };
  }
  const gate = mayAct(actor, ctx.policy, GATE_VERB[ask.verb]);
  if (!gate.allowed) return { reply: SLACK_REPLIES.refused(gate.reason) };
  if (state.handled.includes(ask.eventId)) return { reply: renderStatus(target, state, ctx.policy) };
  if (ask.shownSha && ask.shownSha !== state.headSha)
    return { reply: SLACK_REPLIES.staleMessage(ref, ask.shownSha, state.headSha) };

  const verb = ask.verb;
  if (verb === "reject") {
    if (state.state !== "WAIT_FOR_APPROVE") return { reply: SLACK_REPLIES.notWaiting(ref, state) };
    return {
      reply: SLACK_REPLIES.sent(verb, ref, login),
      execute: async () => {
        await deps.platform.createComment(number, mirrorComment(verb, login));
        deps.log.info({ pr: number, login, via: "slack" }, "rejected via Slack");
        return SLACK_REPLIES.rejected(ref);
      },
    };
  }
  return {
    reply: SLACK_REPLIES.sent(verb, ref, login),
    execute: async () => {
      const commentId = await deps.platform.createComment(number, mirrorComment(verb, login));
      const after = await runCommand(deps, pr, {
        name: verb,
        login,
        isBot: false,
        eventId: ask.eventId,
        via: "slack",
        commentId,
        ...(ask.shownSha ? { sha: ask.shownSha } : {}),
      });
      if (!after) return SLACK_REPLIES.notGoalPr(ref);
      return accepted(verb, state, after)
        ? SLACK_REPLIES.result(verb, renderStatus(target, after, ctx.policy))
        : SLACK_REPLIES.notAccepted(verb, pr.url);
    },
  };
}

/** Whether the Conductor took the command (a refusal is answered on the PR and changes neither record). */
function accepted(verb: "approve" | "rollback", before: PrState, after: PrState): boolean {
  if (verb === "rollback") return after.rollback?.triggeredAt !== before.rollback?.triggeredAt;
  return (
    after.approvals.length > before.approvals.length ||
    after.apply?.dispatchedAt !== before.apply?.dispatchedAt
  );
}
