import { closest } from "../../contracts/problem.js";

export const COMMAND_NAMES = ["approve", "rollback", "plan", "unlock", "help"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type ParsedComment =
  | { readonly type: "command"; readonly name: CommandName }
  | { readonly type: "reply"; readonly body: string }
  | { readonly type: "ignore" };

export const HELP_TEXT = [
  "**Infracrew commands** (comment one on the first line of a pull request comment):",
  "",
  "| Command | What it does |",
  "| --- | --- |",
  "| `/approve` | Approve the apply of the plan Sentinel passed for the current head commit |",
  "| `/rollback` | Re-apply the stack's last known-good revision (or undo a failed first apply) |",
  "| `/plan` | Re-run Forge's plan and Sentinel on the current head commit |",
  "| `/unlock` | Release the stack's apply lock held by this pull request |",
  "| `/help` | Show this help |",
  "",
  "Approvals bind to the head commit Sentinel passed; a new push voids them.",
].join("\n");

const COMMAND_LINE = /^\/([A-Za-z][A-Za-z-]*)(?:\s+(.*))?$/;

/**
 * Reads a comment for an Infracrew command. Only the first line counts, and only when it starts with a slash:
 * quoted (`>`) or fenced text never triggers, nor does an indented code line. Commands take no arguments, so
 * any argument is refused rather than ignored.
 */
export function parseCommand(body: string): ParsedComment {
  const firstLine = body.replace(/^(\s*\r?\n)+/, "").split(/\r?\n/, 1)[0] ?? "";
  if (/^( {4}|\t)/.test(firstLine)) return { type: "ignore" };
  const match = COMMAND_LINE.exec(firstLine.trim());
  if (!match) return { type: "ignore" };
  const word = match[1]!.toLowerCase();
  const args = (match[2] ?? "").trim();
  const name = (COMMAND_NAMES as readonly string[]).includes(word) ? (word as CommandName) : undefined;
  if (!name) {
    const hint = closest(word, COMMAND_NAMES);
    return hint
      ? { type: "reply", body: `Unknown command \`/${word}\`. Did you mean \`/${hint}\`?` }
      : { type: "ignore" };
  }
  if (args !== "") {
    return {
      type: "reply",
      body: `\`/${name}\` takes no arguments (got \`${args.slice(0, 80).replace(/`/g, "'")}\`).`,
    };
  }
  if (name === "help") return { type: "reply", body: HELP_TEXT };
  return { type: "command", name };
}
