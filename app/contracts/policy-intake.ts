import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { ResolvedOrgPolicy } from "./generated/org-policy.js";
import { LIMITS } from "./limits.js";
import { fail, showValue, type Problem, type Result } from "./problem.js";
import { validateWithDefaults } from "./validator.js";

export type { ResolvedOrgPolicy };

/** Where the Slack identity map lives now, and why it left the governed repository. */
export const SLACK_USERS_MOVED =
  "slack.users moved to the App's environment (INFRACREW_SLACK_USERS): a repository writer could map their Slack id to an admin's login";

/** The policy in force when a repository has no .github/infracrew.yml. */
export function defaultPolicy(): ResolvedOrgPolicy {
  const resolved = validateWithDefaults("OrgPolicy", {});
  if (!resolved.ok) throw new Error("the OrgPolicy schema's defaults do not validate");
  return resolved.value as ResolvedOrgPolicy;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A refusal when the text is over `LIMITS.configBytes` bytes of UTF-8. */
function sizeProblem(text: string): Problem | undefined {
  const limit = LIMITS.configBytes;
  const size = Buffer.byteLength(text, "utf8");
  if (size <= limit) return undefined;
  return {
    path: "",
    message: `the config is too large: ${thousands(size)} bytes, and the limit is ${thousands(limit)} bytes (${limit / 1024} KiB). It was not read`,
  };
}

/**
 * Anchors (`&name`) and aliases (`*name`, `<<: *name`) are refused: a config has no need of them, and a few dozen
 * aliases of a large anchor make the app build gigabytes of values. One problem, at the first one.
 */
function anchorProblem(text: string, doc: Document, lineCounter: LineCounter): Problem | undefined {
  let anchors = 0;
  let aliases = 0;
  let first: { offset: number; what: string } | undefined;
  visit(doc, {
    Node(_key, node) {
      const alias = isAlias(node);
      const anchor = !alias && typeof node.anchor === "string" ? node.anchor : undefined;
      if (!alias && anchor === undefined) return;
      if (alias) aliases++;
      else anchors++;
      // A node's range starts at its value; its anchor is written before it.
      const start = node.range?.[0] ?? 0;
      const offset = anchor === undefined ? start : Math.max(0, text.lastIndexOf(`&${anchor}`, start));
      if (!first || offset < first.offset)
        first = { offset, what: alias ? `the alias *${node.source}` : `the anchor &${anchor}` };
    },
  });
  if (!first) return undefined;
  const { line, col } = lineCounter.linePos(first.offset);
  const counts = [
    anchors > 0 ? `${anchors} anchor${anchors === 1 ? "" : "s"}` : undefined,
    aliases > 0 ? `${aliases} alias${aliases === 1 ? "" : "es"}` : undefined,
  ]
    .filter(Boolean)
    .join(" and ");
  return {
    path: "",
    line,
    column: col,
    message: `YAML anchors and aliases are not allowed in the config (found ${counts}, the first is ${first.what}): write each value out in full`,
  };
}

/**
 * The first key written twice in one mapping, as yaml's `uniqueKeys` would say; checked here with a set per
 * mapping, because yaml's own check compares every key with every other (a second on 64 KiB of keys).
 */
function duplicateKeyProblem(doc: Document, lineCounter: LineCounter): Problem | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
        if (found === undefined || offset < found) found = offset;
      }
    },
  });
  if (found === undefined) return undefined;
  const { line, col } = lineCounter.linePos(found);
  return { path: "", message: "not valid YAML: Map keys must be unique", line, column: col };
}

/** Problems past the first {@link MAX_PROBLEMS} are counted in one more, so any message about them stays short. */
export const MAX_PROBLEMS = 20;

function capped(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  const more = problems.length - (MAX_PROBLEMS - 1);
  return [
    ...problems.slice(0, MAX_PROBLEMS - 1),
    { path: "", message: `and ${thousands(more)} more problems like these` },
  ];
}

/** A problem for `slack.users`, at its key's line, when the config still has it. */
function slackUsersProblem(
  data: Record<string, unknown>,
  doc: Document,
  lineCounter: LineCounter,
): Problem[] {
  const slack = data.slack;
  if (slack === null || typeof slack !== "object" || Array.isArray(slack) || !("users" in slack)) return [];
  const node = doc.get("slack", true);
  const key = isMap(node)
    ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === "users")?.key
    : undefined;
  const offset = isScalar(key) ? key.range?.[0] : undefined;
  const at = offset === undefined ? undefined : lineCounter.linePos(offset);
  return [
    { path: "slack.users", message: SLACK_USERS_MOVED, ...(at ? { line: at.line, column: at.col } : {}) },
  ];
}

/**
 * Reads .github/infracrew.yml (YAML or JSON) and applies the schema's defaults. Never throws for bad input.
 *
 * Limits, before anything is built from the text: at most `LIMITS.configBytes` (64 KiB), counted before parsing;
 * no YAML anchors or aliases. `slack.users` is refused with where the map lives now ({@link SLACK_USERS_MOVED}).
 */
export function readPolicy(text: string): Result<ResolvedOrgPolicy> {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return fail([tooLarge]);
  if (text.trim() === "") return validateWithDefaults("OrgPolicy", {}) as Result<ResolvedOrgPolicy>;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, schema: "core" });
  const syntax = doc.errors[0];
  if (syntax) {
    // Worded as parseYaml words it for every YAML input: the first error, at its line and column.
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    const reason = syntax.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
    return fail([{ path: "", message: `not valid YAML: ${reason}`, line, column: col }]);
  }
  const refused = anchorProblem(text, doc, lineCounter) ?? duplicateKeyProblem(doc, lineCounter);
  if (refused) return fail([refused]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 }) ?? {};
  } catch (error) {
    return fail([
      { path: "", message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail([{ path: "", message: `the config must be a mapping of settings (got ${showValue(data)})` }]);
  }
  const record = data as Record<string, unknown>;
  const moved = slackUsersProblem(record, doc, lineCounter);
  const { users: _users, ...slack } = (moved.length > 0 ? record.slack : {}) as Record<string, unknown>;
  const resolved = validateWithDefaults("OrgPolicy", moved.length > 0 ? { ...record, slack } : record);
  if (resolved.ok && moved.length === 0) return resolved as Result<ResolvedOrgPolicy>;
  return fail(capped([...moved, ...(resolved.ok ? [] : resolved.problems)]));
}
