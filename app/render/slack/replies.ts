import { slackEscape } from "../markdown.js";
import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { PrState } from "../../conductor/pr-state.js";
import { shortSha } from "../markdown.js";
import { headline } from "../sticky-comment.js";
import { link } from "./blocks.js";

/** What a person can do from Slack, and how it is written on the PR. */
export type SlackVerb = "approve" | "rollback" | "reject";

/** The PR comment that mirrors a Slack action, so the PR's history shows who did what from where. */
export function mirrorComment(verb: SlackVerb, login: string): string {
  if (verb === "reject")
    return `Rejected — via Slack by @${login}. Nothing is applied; push a change, or \`/approve\` once it is right.`;
  return `/${verb} — via Slack by @${login}`;
}

export const SLASH_USAGE = [
  "Usage: `/infracrew approve owner/repo#12`, `/infracrew rollback owner/repo#12` or `/infracrew status owner/repo#12`.",
  "A pull request URL works in place of `owner/repo#12`.",
].join("\n");

/** Where a goal PR stands, in one line: what `/infracrew status` answers. */
export function renderStatus(
  target: { repo: string; number: number; url: string },
  state: PrState,
  policy: ResolvedOrgPolicy,
): string {
  const approvals = state.approvals.filter((a) => a.sha === state.headSha).length;
  const sentinel = state.validation ? `Sentinel ${state.validation.verdict}` : "Sentinel pending";
  return [
    `*${link(target.url, `${target.repo}#${target.number}`)}* \`${state.stack}\`: ${headline(state)}`,
    `head \`${shortSha(state.headSha)}\``,
    sentinel,
    `approvals ${approvals}/${policy.approvals.required}`,
  ].join(" · ");
}

/** The replies a person gets in Slack (only they see them). */
export const SLACK_REPLIES = {
  notInstalled: (repo: string) => `Infracrew is not installed on ${slackEscape(repo)}, or cannot see it.`,
  notFound: (ref: string) => `${slackEscape(ref)} does not exist or Infracrew cannot see it.`,
  notGoalPr: (ref: string) =>
    `${slackEscape(ref)} is not an Infracrew goal pull request (or its .github/infracrew.yml is invalid; the PR says why).`,
  unmapped: (userId: string, repo: string) =>
    `Your Slack account (${userId}) is not mapped to a GitHub login, so it cannot act on ${slackEscape(repo)}. Ask whoever runs Infracrew to add it to the App's INFRACREW_SLACK_USERS.`,
  refused: (reason: string) => `Refused: ${slackEscape(reason)}.`,
  staleMessage: (ref: string, shown: string, head: string) =>
    `This message is out of date: it shows \`${shortSha(shown)}\`, but ${slackEscape(ref)} is now at \`${shortSha(head)}\`. Nothing was done.`,
  notWaiting: (ref: string, state: PrState) =>
    `${slackEscape(ref)} is ${headline(state)}: there is nothing to reject.`,
  sent: (verb: SlackVerb, ref: string, login: string) =>
    `Sent \`/${verb}\` to ${slackEscape(ref)} as @${slackEscape(login)}; the answer follows here.`,
  rejected: (ref: string) => `Your rejection is posted on ${slackEscape(ref)}. Nothing is applied.`,
  result: (verb: SlackVerb, status: string) => `\`/${verb}\` accepted. Now: ${status}`,
  notAccepted: (verb: SlackVerb, url: string) => `\`/${verb}\` was refused; ${link(url, "the PR")} says why.`,
  working: "Working on it; the answer follows here.",
  failed: "Something went wrong on Infracrew's side; it is logged. Try again, or use the PR.",
} as const;
