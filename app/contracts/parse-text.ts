import { LineCounter, parseDocument } from "yaml";
import { fail, ok, type Problem, type Result } from "./problem.js";

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function shift(problem: Problem, lineOffset: number): Problem {
  return problem.line === undefined ? problem : { ...problem, line: problem.line + lineOffset };
}

/** Parses JSON; a syntax error names the line and column. */
export function parseJson(text: string, lineOffset = 0): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const endOfInput = /Unexpected end of JSON input/.test(message);
    const where = position
      ? lineColumnAt(text, Number(position[1]))
      : endOfInput
        ? lineColumnAt(text, text.length)
        : {};
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "")
      .replace(
        /^Unexpected end of JSON input$/,
        "the JSON ends too early (a bracket or quote is not closed)",
      );
    return fail([shift({ path: "", message: `not valid JSON: ${reason}`, ...where }, lineOffset)]);
  }
}

/** Parses YAML 1.2 (core schema: no custom tags, few aliases); errors name the line and column. */
export function parseYaml(text: string, lineOffset = 0): Result<unknown> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
  const errors = doc.errors;
  if (errors.length > 0) {
    return fail(
      errors.slice(0, 1).map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        const reason = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
        return shift({ path: "", message: `not valid YAML: ${reason}`, line, column: col }, lineOffset);
      }),
    );
  }
  try {
    return ok(doc.toJS({ maxAliasCount: 50 }) as unknown);
  } catch (error) {
    return fail([
      { path: "", message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
}

export interface FencedBlock {
  readonly lang: "json" | "yaml";
  readonly body: string;
  /** The 1-based line of the block's first body line within the markdown. */
  readonly firstLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([A-Za-z]*)[^\n]*$/;

/** Finds fenced ```json / ```yaml (or ```yml) blocks in markdown. */
export function findFencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const lang = open[2]!.toLowerCase();
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) j++;
    const body = lines.slice(i + 1, j).join("\n");
    if (lang === "json") blocks.push({ lang: "json", body, firstLine: i + 2 });
    else if (lang === "yaml" || lang === "yml") blocks.push({ lang: "yaml", body, firstLine: i + 2 });
    i = j;
  }
  return blocks;
}
