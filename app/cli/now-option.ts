import type { CliIo } from "./io.js";

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--now`: the clock a design is stamped with (the real one when absent), or what is wrong with it. */
export function parseNow(text: string | undefined, io: CliIo): Date | string {
  if (text === undefined) return io.now();
  const date = new Date(text);
  if (!ISO_8601.test(text) || Number.isNaN(date.getTime())) {
    return `--now must be an ISO-8601 date-time such as 2026-11-27T00:00:00Z (got "${text}")`;
  }
  return date;
}
