/** Reading `terraform output -json`: each output's value, with sensitive ones redacted. */
import { REDACTED, sensitiveLeaves } from "./redact.js";

export type OutputsJson = Record<string, { value?: unknown; type?: unknown; sensitive?: boolean }>;

/** The outputs as an ApplyResult carries them: sensitive values replaced by "(sensitive)". */
export function redactOutputs(outputs: OutputsJson): Record<string, { value: unknown; sensitive: boolean }> {
  return Object.fromEntries(
    Object.entries(outputs)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, o]) => [
        name,
        { value: o.sensitive ? REDACTED : (o.value ?? null), sensitive: o.sensitive === true },
      ]),
  );
}

/** The strings inside sensitive outputs, to mask in logs. */
export function outputSecrets(outputs: OutputsJson): string[] {
  const out = new Set<string>();
  for (const o of Object.values(outputs)) if (o.sensitive) sensitiveLeaves(o.value, true, out);
  return [...out].sort();
}
