import type { GoalStatement } from "./generated/index.js";
import { goalShapeProblems } from "./goal-shape-rules.js";
import { formFieldForPath, looksLikeGoalForm, parseGoalForm } from "./issue-form.js";
import { LIMITS, formatBytes } from "./limits.js";
import { findFencedBlocks, parseJson, parseYaml } from "./parse-text.js";
import { fail, ok, showValue, type Problem, type Result } from "./problem.js";
import { validateArtifact } from "./validator.js";

export type GoalFormat = "auto" | "json" | "yaml" | "markdown";
export type GoalSource = "json" | "yaml" | "fenced-json" | "fenced-yaml" | "issue-form";

export interface ReadGoal {
  readonly goal: GoalStatement;
  readonly source: GoalSource;
}

const NOT_FOUND =
  "no GoalStatement found: use the GoalStatement issue form, or paste a ```json or ```yaml block";

const DEFAULTS = { schemaVersion: "0.1", kind: "GoalStatement", cloud: "aws" } as const;

interface Parsed {
  readonly data: unknown;
  readonly source: GoalSource;
  /** Problems already found while reading (issue-form answers that could not be read). */
  readonly problems?: Problem[];
}

function detect(text: string): Exclude<GoalFormat, "auto"> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "json";
  if (looksLikeGoalForm(text) || findFencedBlocks(text).length > 0) return "markdown";
  return "yaml";
}

function parseMarkdown(text: string): Result<Parsed> {
  if (looksLikeGoalForm(text)) {
    const form = parseGoalForm(text);
    return ok({ data: form.goal, source: "issue-form", problems: form.problems });
  }
  const blocks = findFencedBlocks(text);
  const candidates = blocks.filter((b) => /\bkind\s*["']?\s*:\s*["']?GoalStatement/.test(b.body));
  const block = candidates[0] ?? (blocks.length === 1 ? blocks[0] : undefined);
  if (!block) {
    const message =
      blocks.length > 1
        ? `found ${blocks.length} fenced blocks and none says kind: GoalStatement; mark the goal's block with it`
        : NOT_FOUND;
    return fail([{ path: "", message }]);
  }
  const parsed =
    block.lang === "json"
      ? parseJson(block.body, block.firstLine - 1)
      : parseYaml(block.body, block.firstLine - 1);
  return parsed.ok
    ? ok({ data: parsed.value, source: block.lang === "json" ? "fenced-json" : "fenced-yaml" })
    : parsed;
}

function parse(text: string, format: GoalFormat): Result<Parsed> {
  const chosen = format === "auto" ? detect(text) : format;
  if (chosen === "markdown") return parseMarkdown(text);
  const parsed = chosen === "json" ? parseJson(text) : parseYaml(text);
  return parsed.ok ? ok({ data: parsed.value, source: chosen }) : parsed;
}

/** Rules the schema cannot say: relations between fields. */
function crossFieldProblems(goal: GoalStatement): Problem[] {
  const problems: Problem[] = [];
  const { avgRps, peakRps } = goal.traffic;
  if (avgRps !== undefined && avgRps > peakRps) {
    problems.push({
      path: "traffic.avgRps",
      message: `must be ≤ traffic.peakRps (${peakRps}) (got ${avgRps})`,
    });
  }
  problems.push(...goalShapeProblems(goal));
  return problems;
}

function withLabels(problems: Problem[], source: GoalSource): Problem[] {
  if (source !== "issue-form") return problems;
  return problems.map((p) => {
    const field = p.label ? undefined : formFieldForPath(p.path);
    return field ? { ...p, label: field.label } : p;
  });
}

/**
 * Reads a GoalStatement from JSON, YAML, a fenced ```json / ```yaml block in markdown, or a GoalStatement
 * issue form body. Returns the goal, or every problem found, each naming the field, the problem and the value.
 * It never throws for bad input.
 */
export function readGoal(text: string, format: GoalFormat = "auto"): Result<ReadGoal> {
  const size = Buffer.byteLength(text, "utf8");
  if (size > LIMITS.goalBytes) {
    return fail([
      {
        path: "",
        message: `the goal is too large (${formatBytes(size)}; the limit is ${formatBytes(LIMITS.goalBytes)})`,
      },
    ]);
  }
  if (text.trim() === "") return fail([{ path: "", message: "the goal is empty" }]);
  if (text.includes("\u0000"))
    return fail([{ path: "", message: "the goal is not text (it contains NUL bytes)" }]);

  const parsed = parse(text, format);
  if (!parsed.ok) return parsed;
  const { data, source, problems: readProblems = [] } = parsed.value;
  if (typeof data === "string" && source === "yaml" && format === "auto" && /\s/.test(data.trim())) {
    return fail([{ path: "", message: NOT_FOUND }]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return fail([
      { path: "", message: `a GoalStatement must be a mapping of fields (got ${showValue(data)})` },
    ]);
  }
  const goal = { ...DEFAULTS, ...(data as Record<string, unknown>) };
  const checked = validateArtifact("GoalStatement", goal);
  if (!checked.ok || readProblems.length > 0) {
    const unreadable = new Set(readProblems.map((p) => p.path));
    const coveredByUnreadable = (path: string): boolean =>
      [...unreadable].some((u) => u === path || u.startsWith(`${path}.`));
    const schemaProblems = checked.ok ? [] : checked.problems.filter((p) => !coveredByUnreadable(p.path));
    return fail(withLabels([...readProblems, ...schemaProblems], source));
  }
  const cross = crossFieldProblems(checked.value);
  if (cross.length > 0) return fail(withLabels(cross, source));
  return ok({ goal: checked.value, source });
}
