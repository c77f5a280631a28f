import { expect } from "vitest";
import type { Parsed } from "../../app/agents/sentinel/parsers/index.js";
import { readRepoFile } from "./repo-files.js";

/** A recorded tool output from test/fixtures/ (copied unchanged from the projects SOURCES.md names). */
export function fixture(path: string): string {
  return readRepoFile("test", "fixtures", path);
}

/** The value of a parse that must succeed; a failure shows its problems. */
export function parsedValue<T>(result: Parsed<T>): T {
  if (!result.ok) expect.fail(`expected the parse to succeed, got ${JSON.stringify(result.problems)}`);
  return result.value;
}
