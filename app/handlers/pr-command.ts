import { parseCommand, type CommandName } from "../conductor/commands/parse-command.js";
import type { ConductorDeps } from "../runtime/deps.js";
import { runEvent } from "../runtime/run-event.js";
import type { ConductorEvent, Request } from "../conductor/events.js";
import type { PrState } from "../conductor/pr-state.js";
import type { PullRequest } from "../platform/platform.js";
import { actorFacts } from "./actor-facts.js";
import { loadPrContext } from "./load-pr-context.js";

const EVENT_FOR: Record<Exclude<CommandName, "help">, ConductorEvent["type"]> = {
  approve: "approve",
  rollback: "rollback-requested",
  plan: "plan-requested",
  unlock: "unlock-requested",
};

export interface CommandRequest {
  readonly name: Exclude<CommandName, "help">;
  readonly login: string;
  readonly isBot: boolean;
  readonly eventId: string;
  readonly via: Request["via"];
  readonly commentId?: number;
  /** The commit a button showed: the command is for that commit only. */
  readonly sha?: string;
}

/**
 * Runs a command on a goal PR through the same gate, whichever door it came in by (comment, Slack, button).
 * Returns the PR's state afterwards, or undefined when the PR is not a goal's.
 */
export async function runCommand(
  deps: ConductorDeps,
  pr: PullRequest,
  command: CommandRequest,
  defaultBranch?: string,
): Promise<PrState | undefined> {
  const loaded = await loadPrContext(deps, pr, defaultBranch);
  if (!loaded) return undefined;
  if (loaded.state.handled.includes(command.eventId)) {
    deps.log.info({ pr: pr.number, event: command.eventId }, "no-op: already handled (a redelivery)");
    return loaded.state;
  }
  const actor = await actorFacts(deps.platform, loaded.ctx.policy, command.login, command.isBot);
  const request: Request = {
    actor,
    eventId: command.eventId,
    via: command.via,
    ...(command.commentId !== undefined ? { commentId: command.commentId } : {}),
    ...(command.sha !== undefined ? { sha: command.sha } : {}),
  };
  return runEvent(deps, loaded.ctx, {
    type: EVENT_FOR[command.name],
    ...request,
  } as ConductorEvent);
}

export interface PrComment {
  readonly id: number;
  readonly body: string;
  readonly login: string;
  readonly isBot: boolean;
  readonly prNumber: number;
}

/**
 * A new comment on a pull request. Only `created` comments reach here; bots (the app included) never trigger.
 * Replies (help, did-you-mean, refused arguments) are answered only on Infracrew's own PRs.
 */
export async function handlePrComment(
  deps: ConductorDeps,
  comment: PrComment,
  defaultBranch?: string,
): Promise<string> {
  if (comment.isBot) return "ignored: bot";
  const parsed = parseCommand(comment.body);
  if (parsed.type === "ignore") return "ignored";
  const pr = await deps.platform.getPullRequest(comment.prNumber);
  if (parsed.type === "reply") {
    const loaded = await loadPrContext(deps, pr, defaultBranch);
    if (!loaded) return "ignored: not an Infracrew PR";
    await runEvent(deps, loaded.ctx, {
      type: "reply-requested",
      eventId: `comment:${comment.id}`,
      body: parsed.body,
    });
    return "replied";
  }
  if (parsed.name === "help") return "ignored";
  const outcome = await runCommand(
    deps,
    pr,
    {
      name: parsed.name,
      login: comment.login,
      isBot: comment.isBot,
      eventId: `comment:${comment.id}`,
      via: "comment",
      commentId: comment.id,
    },
    defaultBranch,
  );
  return outcome ? `ran /${parsed.name}` : "ignored: not an Infracrew PR";
}
