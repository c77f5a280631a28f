import type { Logger } from "../../app/conductor/deps.js";

export interface LogLine {
  readonly level: "info" | "warn" | "error" | "debug";
  readonly details: object;
  readonly message?: string;
}

/** A logger that keeps its lines, to assert what was logged. */
export function memoryLog(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine["level"]) => (details: object, message?: string) =>
    void lines.push({ level, details, ...(message === undefined ? {} : { message }) });
  return { info: at("info"), warn: at("warn"), error: at("error"), debug: at("debug"), lines };
}
