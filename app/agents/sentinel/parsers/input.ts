import { parseJson } from "../../../contracts/parse-text.js";
import { formatProblem, joinPath, type Problem } from "../../../contracts/problem.js";
import { TOOL_INFO, type Tool } from "../tools.js";

/** Where a tool's output came from, and how to make the paths in it relative to the repository. */
export interface InputSource {
  /** The output file, as the user named it; every problem names it. */
  readonly file: string;
  /** The directory the tool scanned, relative to the repository root ("" or absent: the root). */
  readonly scanDir?: string;
  /** Absolute directories that stand for the repository root in tool output, e.g. `/github/workspace`. */
  readonly roots?: readonly string[];
}

/** A problem with a tool's output: which tool, which file, where in it, and what is wrong. */
export interface InputProblem extends Problem {
  readonly tool: Tool;
  readonly file: string;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: InputProblem[] };

/** At most this many problems are reported for one file; the first few say what is wrong. */
export const MAX_PROBLEMS = 5;

export function inputProblem(
  tool: Tool,
  file: string,
  message: string,
  path: readonly (string | number)[] = [],
): InputProblem {
  return { tool, file, path: joinPath(path), message };
}

export function rejected<T>(problems: InputProblem[]): Parsed<T> {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** `out/tfsec.json: tfsec: results[0].severity: is not a severity (got "SEVERE")`. */
export function describeInputProblem(problem: InputProblem): string {
  return `${problem.file}: ${TOOL_INFO[problem.tool].label}: ${formatProblem(problem)}`;
}

/** Parses a tool's output as JSON; empty, binary or malformed text is a problem, never a throw. */
export function readToolJson(tool: Tool, file: string, text: string): Parsed<unknown> {
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (parsed.ok) return parsed;
  // Told apart only once parsing failed, so a large output is not scanned twice.
  if (!/\S/.test(text)) {
    return rejected([
      inputProblem(tool, file, `the file is empty (expected the output of ${expected(tool)})`),
    ]);
  }
  if (text.includes("\u0000")) {
    return rejected([inputProblem(tool, file, "the file is not text (it contains NUL bytes)")]);
  }
  // V8 quotes the start of the text after its message (`, "Error: INF"... is not valid JSON`); it says nothing more.
  const clean = (message: string) => message.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, "");
  return rejected(parsed.problems.map((p) => ({ ...p, message: clean(p.message), tool, file })));
}

function expected(tool: Tool): string {
  return `\`${TOOL_INFO[tool].output}\``;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A line number as tools write them: a positive integer, or nothing. */
export function lineNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : undefined;
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
