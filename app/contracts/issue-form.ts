import { closest, showValue, type Problem } from "./problem.js";

/** How a form answer becomes a GoalStatement value. */
export type FormValueType =
  | "text"
  | "integer"
  | "number"
  | "dropdown"
  | "checkboxes"
  | "list"
  | "tags"
  | "database"
  | "cache"
  | "key-value"
  | "stream"
  | "gpu"
  | "auth"
  | "node-groups";

export interface GoalFormField {
  /** The field id in .github/ISSUE_TEMPLATE/goal-statement.yml. */
  readonly id: string;
  /** The label GitHub writes as a `### ` heading in the issue body. */
  readonly label: string;
  /** The GoalStatement path the answer fills. */
  readonly path: readonly string[];
  readonly type: FormValueType;
}

/** The GoalStatement issue form, field by field. The form file and this table must agree (a test proves it). */
export const GOAL_FORM_FIELDS: readonly GoalFormField[] = [
  { id: "name", label: "Name", path: ["name"], type: "text" },
  { id: "summary", label: "Summary", path: ["summary"], type: "text" },
  { id: "workload-type", label: "Workload type", path: ["workload", "type"], type: "dropdown" },
  { id: "image", label: "Container image", path: ["workload", "image"], type: "text" },
  { id: "runtime", label: "Lambda runtime", path: ["workload", "runtime"], type: "text" },
  { id: "handler", label: "Lambda handler", path: ["workload", "handler"], type: "text" },
  {
    id: "duration-ms",
    label: "Average duration (ms)",
    path: ["workload", "durationMs"],
    type: "number",
  },
  {
    id: "architecture",
    label: "CPU architecture",
    path: ["workload", "architecture"],
    type: "dropdown",
  },
  {
    id: "image-pull-secret",
    label: "Registry credentials (Secrets Manager ARN)",
    path: ["workload", "imagePullSecret"],
    type: "text",
  },
  { id: "port", label: "Container port", path: ["workload", "port"], type: "integer" },
  {
    id: "health-check-path",
    label: "Health check path",
    path: ["workload", "healthCheckPath"],
    type: "text",
  },
  { id: "exposure", label: "Exposure", path: ["workload", "exposure"], type: "dropdown" },
  {
    id: "allowed-cidrs",
    label: "Allowed IP ranges",
    path: ["workload", "allowedCidrs"],
    type: "list",
  },
  { id: "schedule", label: "Schedule", path: ["workload", "schedule"], type: "text" },
  { id: "timezone", label: "Time zone", path: ["workload", "timezone"], type: "text" },
  {
    id: "timeout-minutes",
    label: "Timeout (minutes)",
    path: ["workload", "timeoutMinutes"],
    type: "integer",
  },
  { id: "run-minutes", label: "Usual run time (minutes)", path: ["workload", "runMinutes"], type: "number" },
  { id: "retries", label: "Retries", path: ["workload", "retries"], type: "integer" },
  {
    id: "kubernetes-version",
    label: "Kubernetes version",
    path: ["workload", "kubernetesVersion"],
    type: "text",
  },
  { id: "node-groups", label: "Node groups", path: ["workload", "nodeGroups"], type: "node-groups" },
  { id: "gpu", label: "GPUs per task", path: ["workload", "gpu"], type: "gpu" },
  { id: "auth", label: "API authentication", path: ["workload", "auth"], type: "auth" },
  { id: "domain", label: "Domain name", path: ["workload", "domain"], type: "text" },
  { id: "region", label: "Region", path: ["region"], type: "text" },
  { id: "regions", label: "Two regions", path: ["regions"], type: "list" },
  { id: "environment", label: "Environment", path: ["environment"], type: "dropdown" },
  { id: "network-cidr", label: "VPC range (CIDR)", path: ["network", "cidr"], type: "text" },
  { id: "peak-rps", label: "Peak requests per second", path: ["traffic", "peakRps"], type: "number" },
  { id: "avg-rps", label: "Average requests per second", path: ["traffic", "avgRps"], type: "number" },
  {
    id: "response-kb",
    label: "Average response size (KB)",
    path: ["traffic", "responseKb"],
    type: "number",
  },
  { id: "availability", label: "Availability SLO (%)", path: ["slo", "availability"], type: "number" },
  { id: "p95-latency", label: "p95 latency (ms)", path: ["slo", "p95LatencyMs"], type: "integer" },
  {
    id: "processing-latency",
    label: "Processing latency (minutes)",
    path: ["slo", "processingLatencyMinutes"],
    type: "integer",
  },
  { id: "relational", label: "Relational database", path: ["data", "relational"], type: "database" },
  { id: "cache", label: "Cache", path: ["data", "cache"], type: "cache" },
  { id: "key-value", label: "Key-value table", path: ["data", "keyValue"], type: "key-value" },
  { id: "stream", label: "Stream", path: ["data", "stream"], type: "stream" },
  {
    id: "buckets",
    label: "Object storage buckets",
    path: ["data", "objectStorage", "buckets"],
    type: "list",
  },
  { id: "budget", label: "Monthly budget (USD)", path: ["budget", "monthlyUsd"], type: "number" },
  { id: "compliance", label: "Compliance", path: ["compliance"], type: "checkboxes" },
  { id: "tags", label: "Tags", path: ["tags"], type: "tags" },
  { id: "owners", label: "Owners", path: ["owners"], type: "list" },
];

const NO_RESPONSE = "_No response_";
const HEADING = /^###\s+(.+?)\s*$/;
const byLabel = new Map(GOAL_FORM_FIELDS.map((f) => [f.label.toLowerCase(), f]));
const byPath = new Map(GOAL_FORM_FIELDS.map((f) => [f.path.join("."), f]));

/** The form field a GoalStatement path came from, if any (for messages that name the form's label). */
export function formFieldForPath(path: string): GoalFormField | undefined {
  for (let p = path; p; p = p.replace(/(\.[^.[]+|\[[^\]]+\])$/, "")) {
    const field = byPath.get(p);
    if (field) return field;
    if (!/[.[]/.test(p)) break;
  }
  return undefined;
}

interface Section {
  readonly heading: string;
  readonly value: string;
  readonly line: number;
}

function sections(body: string): Section[] {
  const lines = body.split(/\r?\n/);
  const out: Section[] = [];
  let current: { heading: string; line: number; lines: string[] } | undefined;
  const close = (): void => {
    if (current)
      out.push({ heading: current.heading, line: current.line, value: current.lines.join("\n").trim() });
  };
  lines.forEach((line, index) => {
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      current = { heading: heading[1]!, line: index + 1, lines: [] };
    } else if (current) current.lines.push(line);
  });
  close();
  return out;
}

/** True when the markdown looks like a GoalStatement issue form body (two or more of its headings). */
export function looksLikeGoalForm(body: string): boolean {
  return sections(body).filter((s) => byLabel.has(s.heading.toLowerCase())).length >= 2;
}

type Parsed = { value: unknown } | { problem: string };

function parseNumber(raw: string, integer: boolean): Parsed {
  const match = /^\$?\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?|-?\.[0-9]+)\s*(%|usd|ms|rps|\/\s*month)?$/i.exec(
    raw.trim(),
  );
  const value = match ? Number(match[1]!.replace(/,/g, "")) : Number.NaN;
  if (!Number.isFinite(value))
    return { problem: `must be ${integer ? "a whole number" : "a number"} (got ${showValue(raw)})` };
  if (integer && !Number.isInteger(value))
    return { problem: `must be a whole number (got ${showValue(raw)})` };
  return { value };
}

function parseList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function parseTags(raw: string): Parsed {
  const tags: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const text = line.replace(/^\s*[-*]\s+/, "").trim();
    if (!text) continue;
    const match = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(text);
    if (!match) return { problem: `each line must be key=value (got ${showValue(text)})` };
    tags[match[1]!] = match[2]!.trim();
  }
  return { value: tags };
}

function parseCheckboxes(raw: string): Parsed {
  const chosen: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const match = /^\s*[-*]\s+\[([ xX])\]\s+(.+?)\s*$/.exec(line);
    if (!match) {
      if (line.trim()) return { problem: `must be a checklist (got ${showValue(line.trim())})` };
      continue;
    }
    if (match[1] !== " ") chosen.push(match[2]!);
  }
  return { value: chosen };
}

function parseSized(
  raw: string,
  sizeKey: "storageGb" | "memoryGb",
  integer: boolean,
  example: string,
): Parsed {
  const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:[,;]?\s*([0-9.,]+)\s*(?:gb|gib|g)?)?$/i.exec(raw.trim());
  if (!match) return { problem: `must be an engine and a size, e.g. "${example}" (got ${showValue(raw)})` };
  const engine = match[1]!.toLowerCase().replace(/^postgresql$/, "postgres");
  const out: Record<string, unknown> = { engine };
  if (match[2] !== undefined) {
    const size = parseNumber(match[2], integer);
    if ("problem" in size) return size;
    out[sizeKey] = size.value;
  }
  return { value: out };
}

const STREAM_PART = {
  retention: /^([0-9]+)\s*(?:h|hours?)$/i,
  days: /^([0-9]+)\s*(?:d|days?)$/i,
  record: /^([0-9.]+)\s*kb$/i,
  archive: /^archive(?:d)?(?:\s+to\s+s3)?$/i,
};

/** `kinesis, 48 hours, 2 KB, archive to S3`: the engine first, then any of retention, record size and archive. */
function parseStream(raw: string): Parsed {
  const [engine, ...parts] = raw.split(/\s*[,;]\s*/).map((p) => p.trim());
  const out: Record<string, unknown> = { engine: engine!.toLowerCase() };
  for (const part of parts.filter((p) => p.length > 0)) {
    const hours = STREAM_PART.retention.exec(part);
    const days = STREAM_PART.days.exec(part);
    const record = STREAM_PART.record.exec(part);
    if (hours) out.retentionHours = Number(hours[1]);
    else if (days) out.retentionHours = Number(days[1]) * 24;
    else if (record && Number.isFinite(Number(record[1]))) out.recordKb = Number(record[1]);
    else if (STREAM_PART.archive.test(part)) out.archive = true;
    else
      return {
        problem: `must be an engine, then retention, record size or "archive to S3", e.g. "kinesis, 48 hours, 2 KB, archive to S3" (got ${showValue(raw)})`,
      };
  }
  return { value: out };
}

/** `nvidia-a10g × 2`, `nvidia-l4, 1` or `nvidia-t4`: the GPU type and how many per task (default 1). */
function parseGpu(raw: string): Parsed {
  const match = /^([a-z0-9-]+)\s*(?:[,;x×*]\s*([0-9]+))?$/i.exec(raw.trim());
  if (!match)
    return { problem: `must be a GPU type and a count, e.g. "nvidia-a10g × 1" (got ${showValue(raw)})` };
  return { value: { type: match[1]!.toLowerCase(), count: match[2] === undefined ? 1 : Number(match[2]) } };
}

/** `none`, `iam`, or `jwt <issuer URL> <audience>[, <audience>…]`. */
function parseAuth(raw: string): Parsed {
  const text = raw.trim();
  if (/^(none|iam)$/i.test(text)) return { value: { type: text.toLowerCase() } };
  const match = /^jwt\s+(\S+)\s+(\S.*)$/i.exec(text);
  if (!match)
    return {
      problem: `must be none, iam, or jwt with the issuer URL and the audiences, e.g. "jwt https://auth.example.com/ orders-api" (got ${showValue(raw)})`,
    };
  return {
    value: {
      type: "jwt",
      issuer: match[1],
      audience: match[2]!.split(/[\s,]+/).filter((a) => a !== ""),
    },
  };
}

/** One node group per line: `general: m7i.large m7i.xlarge, 2-6` (name, instance types, min-max). */
function parseNodeGroups(raw: string): Parsed {
  const groups: Record<string, unknown>[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const text = line.replace(/^\s*[-*]\s+/, "").trim();
    if (!text) continue;
    const match = /^([A-Za-z0-9-]+)\s*:\s*([A-Za-z0-9.\s-]+?)\s*,\s*([0-9]+)\s*(?:-|–|to)\s*([0-9]+)$/.exec(
      text,
    );
    if (!match)
      return {
        problem: `each line must be "name: instance types, min-max", e.g. "general: m7i.large m7i.xlarge, 2-6" (got ${showValue(text)})`,
      };
    groups.push({
      name: match[1],
      instanceTypes: match[2]!.split(/\s+/),
      min: Number(match[3]),
      max: Number(match[4]),
    });
  }
  return { value: groups };
}

function parseValue(field: GoalFormField, raw: string): Parsed {
  switch (field.type) {
    case "text":
    case "dropdown":
      return { value: raw.trim() };
    case "integer":
      return parseNumber(raw, true);
    case "number":
      return parseNumber(raw, false);
    case "list":
      return { value: parseList(raw) };
    case "tags":
      return parseTags(raw);
    case "checkboxes":
      return parseCheckboxes(raw);
    case "database":
      return /^none$/i.test(raw.trim())
        ? { value: undefined }
        : parseSized(raw, "storageGb", true, "postgres, 100 GB");
    case "cache":
      return /^none$/i.test(raw.trim())
        ? { value: undefined }
        : parseSized(raw, "memoryGb", false, "redis, 1 GB");
    case "key-value":
      return /^none$/i.test(raw.trim())
        ? { value: undefined }
        : parseSized(raw, "storageGb", false, "dynamodb, 25 GB");
    case "stream":
      return /^none$/i.test(raw.trim()) ? { value: undefined } : parseStream(raw);
    case "gpu":
      return /^none$/i.test(raw.trim()) ? { value: undefined } : parseGpu(raw);
    case "auth":
      return parseAuth(raw);
    case "node-groups":
      return parseNodeGroups(raw);
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

export interface ParsedGoalForm {
  /** The answers that could be read, shaped as a GoalStatement. */
  readonly goal: Record<string, unknown>;
  /** Answers that could not be read; their fields are left out of `goal`. */
  readonly problems: Problem[];
}

/** Reads the body GitHub writes for a GoalStatement issue form into a goal-shaped object. */
export function parseGoalForm(body: string): ParsedGoalForm {
  const goal: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const section of sections(body)) {
    const field = byLabel.get(section.heading.toLowerCase());
    if (!field) {
      const hint = closest(
        section.heading,
        GOAL_FORM_FIELDS.map((f) => f.label),
      );
      const message = `unknown form field "${section.heading}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
      problems.push({ path: "", message, line: section.line, column: 1 });
      continue;
    }
    if (section.value === "" || section.value === NO_RESPONSE) continue;
    const parsed = parseValue(field, section.value);
    if ("problem" in parsed) {
      problems.push({
        path: field.path.join("."),
        label: field.label,
        message: parsed.problem,
        line: section.line + 2,
      });
      continue;
    }
    const empty = Array.isArray(parsed.value) ? parsed.value.length === 0 : parsed.value === undefined;
    if (field.type === "tags" && Object.keys(parsed.value as object).length === 0) continue;
    if (!empty) setPath(goal, field.path, parsed.value);
  }
  return { goal, problems };
}
