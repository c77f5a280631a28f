/** A problem a person can act on: where it is, and what is wrong with the value found there. */
export interface Problem {
  /** Dotted field path, e.g. `traffic.peakRps`; empty for the document as a whole. */
  readonly path: string;
  /** What is wrong, ending with the value found, e.g. `must be ≥ 1 (got -5)`. */
  readonly message: string;
  /** Where the problem is in the source text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The form field the path came from, when the input was an issue form. */
  readonly label?: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

export function formatProblem(problem: Problem): string {
  const where = problem.path + (problem.label ? ` ("${problem.label}")` : "");
  const at = problem.line !== undefined ? `line ${problem.line}, column ${problem.column ?? 1}: ` : "";
  return where ? `${where}: ${at}${problem.message}` : `${at}${problem.message}`;
}

const MAX_SHOWN = 60;

/** Shows a value inside a message: short, quoted when text, never the whole of a large value. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const quoted = JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
    return value.length > MAX_SHOWN ? `${quoted}, ${value.length} characters` : quoted;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  return "a mapping";
}

/** Turns path segments into `a.b[0]["cost-center"]`. */
export function joinPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
