/**
 * Terraform's JSON (`terraform show -json tfplan`, `terraform output -json`) holds sensitive values in plain text,
 * next to a mirror of markers saying which ones are sensitive. These functions redact by those markers and collect
 * the sensitive strings, so an action can mask them in its logs before anything is printed.
 */
export const REDACTED = "(sensitive)";

type Json = unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `value` with every part its marker (`true`, or a mirror object/array of markers) flags replaced by REDACTED. */
export function redactByMarker(value: Json, marker: Json): Json {
  if (marker === true) return value === null || value === undefined ? value : REDACTED;
  if (Array.isArray(value) && Array.isArray(marker)) return value.map((v, i) => redactByMarker(v, marker[i]));
  if (isObject(value) && isObject(marker)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactByMarker(v, marker[k])]));
  }
  return value;
}

/** The strings (and numbers, as text) inside the parts the marker flags: the values to mask in logs. */
export function sensitiveLeaves(value: Json, marker: Json, out: Set<string> = new Set()): Set<string> {
  if (marker === true) {
    collectLeaves(value, out);
  } else if (Array.isArray(value) && Array.isArray(marker)) {
    value.forEach((v, i) => sensitiveLeaves(v, marker[i], out));
  } else if (isObject(value) && isObject(marker)) {
    for (const [k, v] of Object.entries(value)) sensitiveLeaves(v, marker[k], out);
  }
  return out;
}

function collectLeaves(value: Json, out: Set<string>): void {
  if (typeof value === "string" && value.length > 0) out.add(value);
  else if (typeof value === "number" || typeof value === "boolean") out.add(String(value));
  else if (Array.isArray(value)) value.forEach((v) => collectLeaves(v, out));
  else if (isObject(value)) Object.values(value).forEach((v) => collectLeaves(v, out));
}
