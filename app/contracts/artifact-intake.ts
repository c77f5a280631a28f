import type { ArtifactKind, ArtifactTypes } from "./generated/index.js";
import { ARTIFACT_KINDS, SCHEMAS } from "./generated/index.js";
import { readGoal } from "./goal-intake.js";
import { LIMITS, formatBytes } from "./limits.js";
import { parseJson, parseYaml } from "./parse-text.js";
import { readPolicy } from "./policy-intake.js";
import { closest, fail, ok, showValue, type Result } from "./problem.js";
import { isArtifactKind, validateArtifact } from "./validator.js";

export type TextFormat = "json" | "yaml" | "markdown";

export type AnyArtifact = { [K in ArtifactKind]: { kind: K; value: ArtifactTypes[K] } }[ArtifactKind];

/** The format a file name implies, if any. */
export function formatFromFileName(fileName: string): TextFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  return undefined;
}

function isPolicyFileName(fileName: string): boolean {
  return /(^|[\\/])infracrew\.ya?ml$/i.test(fileName);
}

const POLICY_KEYS = new Set(Object.keys((SCHEMAS.OrgPolicy as { properties: object }).properties));

/** A config file written by a person often has no `kind`; its top-level keys tell. */
function looksLikePolicy(data: object): boolean {
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((k) => POLICY_KEYS.has(k));
}

/**
 * Reads any artifact from text and validates it against its kind: the `kind` field says which, a markdown file
 * is a goal, and `infracrew.yml` is the OrgPolicy. Never throws for bad input.
 */
export function readArtifact(text: string, fileName: string): Result<AnyArtifact> {
  const size = Buffer.byteLength(text, "utf8");
  if (size > LIMITS.artifactBytes) {
    return fail([
      {
        path: "",
        message: `the file is too large (${formatBytes(size)}; the limit is ${formatBytes(LIMITS.artifactBytes)})`,
      },
    ]);
  }
  if (text.trim() === "") return fail([{ path: "", message: "the file is empty" }]);
  if (text.includes("\u0000"))
    return fail([{ path: "", message: "the file is not text (it contains NUL bytes)" }]);
  const format = formatFromFileName(fileName) ?? (text.trimStart().startsWith("{") ? "json" : "yaml");

  if (format === "markdown") return asGoal(text, "markdown");
  if (isPolicyFileName(fileName)) {
    const policy = readPolicy(text);
    return policy.ok ? ok({ kind: "OrgPolicy", value: policy.value }) : policy;
  }
  const parsed = format === "json" ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return fail([{ path: "", message: `an artifact must be a mapping of fields (got ${showValue(data)})` }]);
  }
  const kind = (data as { kind?: unknown }).kind;
  if (kind === undefined && looksLikePolicy(data)) {
    const policy = readPolicy(text);
    return policy.ok ? ok({ kind: "OrgPolicy", value: policy.value }) : policy;
  }
  if (kind === undefined) {
    return fail([
      {
        path: "kind",
        message: `is required, to tell which contract this is (one of: ${ARTIFACT_KINDS.join(", ")})`,
      },
    ]);
  }
  if (!isArtifactKind(kind)) {
    const hint = typeof kind === "string" ? closest(kind, ARTIFACT_KINDS) : undefined;
    return fail([
      {
        path: "kind",
        message: `must be one of: ${ARTIFACT_KINDS.join(", ")} (got ${showValue(kind)})${hint ? `; did you mean "${hint}"?` : ""}`,
      },
    ]);
  }
  if (kind === "GoalStatement") return asGoal(text, format);
  if (kind === "OrgPolicy") {
    const policy = readPolicy(text);
    return policy.ok ? ok({ kind: "OrgPolicy", value: policy.value }) : policy;
  }
  const checked = validateArtifact(kind, data);
  return checked.ok ? ok({ kind, value: checked.value } as AnyArtifact) : checked;
}

function asGoal(text: string, format: TextFormat): Result<AnyArtifact> {
  const goal = readGoal(text, format);
  return goal.ok ? ok({ kind: "GoalStatement", value: goal.value.goal }) : goal;
}
