import { slackEscape } from "../../render/markdown.js";
import { SLASH_USAGE } from "../../render/slack/replies.js";

/** A pull request named in Slack. */
export interface PrTarget {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type SlashVerb = "approve" | "rollback" | "status";

export type SlashCommand =
  | { readonly type: "run"; readonly verb: SlashVerb; readonly target: PrTarget }
  | { readonly type: "usage"; readonly text: string };

const VERBS: readonly SlashVerb[] = ["approve", "rollback", "status"];

/** A word the person typed, safe to show back in code style. */
const echo = (word: string, max: number): string => slackEscape(word.slice(0, max).replace(/`/g, "'"));
const OWNER = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
const REPO = "[A-Za-z0-9._-]{1,100}";
const SHORT = new RegExp(`^(${OWNER})/(${REPO})#(\\d{1,9})$`);
const URL_FORM = new RegExp(`^https://[^/\\s]+/(${OWNER})/(${REPO})/pull/(\\d{1,9})(?:[/?#].*)?$`);

/** `owner/repo#12`, or a PR URL (Slack may send it as `<url>` or `<url|label>`). */
export function parseTarget(text: string): PrTarget | undefined {
  const unwrapped = text.replace(/^<([^|>]+)(?:\|[^>]*)?>$/, "$1");
  const match = SHORT.exec(unwrapped) ?? URL_FORM.exec(unwrapped);
  if (!match) return undefined;
  const number = Number(match[3]);
  if (number < 1 || match[2] === "." || match[2] === "..") return undefined;
  return { owner: match[1]!, repo: match[2]!, number };
}

/** The text after `/infracrew`: a verb and a pull request, or the usage with what was wrong. */
export function parseSlashCommand(text: string): SlashCommand {
  const words = text.match(/<[^<>]*>|[^\s<>]+|[<>]+/g) ?? [];
  const verb = words[0]?.toLowerCase();
  if (!verb || verb === "help") return { type: "usage", text: SLASH_USAGE };
  if (!(VERBS as readonly string[]).includes(verb))
    return { type: "usage", text: `Unknown command \`${echo(verb, 40)}\`.\n${SLASH_USAGE}` };
  if (words.length !== 2)
    return { type: "usage", text: `\`${verb}\` takes one pull request.\n${SLASH_USAGE}` };
  const target = parseTarget(words[1]!);
  if (!target)
    return { type: "usage", text: `\`${echo(words[1]!, 100)}\` is not a pull request.\n${SLASH_USAGE}` };
  return { type: "run", verb: verb as SlashVerb, target };
}
