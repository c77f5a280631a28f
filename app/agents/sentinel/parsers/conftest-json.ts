import type { ScanFinding, ScanReport } from "../report.js";
import {
  inputProblem,
  isObject,
  nonEmptyString,
  rejected,
  type InputProblem,
  type InputSource,
  type Parsed,
} from "./input.js";
import { repoPath } from "./paths.js";
import { notThisTool, sniffFormat } from "./sniff.js";

const WANTED = "Conftest's JSON (a list of {filename, namespace, successes, failures, warnings})";

/** A deny (failure) always fails Sentinel; a warn is a MEDIUM finding, judged by the threshold. */
const KINDS = [
  { key: "failures", rule: "deny", severity: "HIGH", denied: true },
  { key: "warnings", rule: "warn", severity: "MEDIUM", denied: false },
] as const;

function results(
  entry: Record<string, unknown>,
  path: (string | number)[],
  source: InputSource,
  problems: InputProblem[],
): ScanFinding[] {
  const file = repoPath(entry.filename as string, source);
  const namespace = nonEmptyString(entry.namespace) ?? "main";
  const out: ScanFinding[] = [];
  for (const kind of KINDS) {
    const list = entry[kind.key] ?? [];
    if (!Array.isArray(list)) {
      problems.push(inputProblem("conftest", source.file, "must be a list", [...path, kind.key]));
      continue;
    }
    list.forEach((item, i) => {
      const msg = isObject(item) ? nonEmptyString(item.msg) : undefined;
      if (!isObject(item) || !msg) {
        problems.push(inputProblem("conftest", source.file, "must have a msg", [...path, kind.key, i]));
        return;
      }
      const metadata = isObject(item.metadata) ? item.metadata : {};
      const query = nonEmptyString(metadata.query);
      out.push({
        tool: "conftest",
        ruleId: query ?? `data.${namespace}.${kind.rule}`,
        severity: kind.severity,
        title: msg,
        file,
        ...(kind.denied ? { denied: true } : {}),
      });
    });
  }
  return out;
}

/** Reads `conftest test --output json`: one entry per file and namespace tested. */
export function conftestFromJson(data: unknown, source: InputSource): Parsed<ScanReport> {
  if (!Array.isArray(data) || (data.length > 0 && sniffFormat(data) !== "conftest-json")) {
    return rejected([inputProblem("conftest", source.file, notThisTool(data, WANTED))]);
  }
  const problems: InputProblem[] = [];
  const findings: ScanFinding[] = [];
  let tested = 0;
  data.forEach((entry, i) => {
    if (!isObject(entry) || !nonEmptyString(entry.filename)) {
      problems.push(inputProblem("conftest", source.file, "must be an entry with a filename", [i]));
      return;
    }
    const found = results(entry, [i], source, problems);
    findings.push(...found);
    tested += (typeof entry.successes === "number" ? entry.successes : 0) + found.length;
  });
  if (problems.length > 0) return rejected(problems);
  return {
    ok: true,
    value: {
      kind: "scan",
      tool: "conftest",
      findings,
      checked: tested > 0,
      notes: tested > 0 ? [] : ["Conftest ran no policy rules"],
    },
  };
}
