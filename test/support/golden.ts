import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { repoPath } from "./repo-files.js";

/**
 * Compares text with a golden file under test/golden/. Run with UPDATE_GOLDEN=1 to rewrite the golden files,
 * then review the diff: a golden file is reviewed by reading it.
 */
export function expectGolden(relativePath: string, actual: string): void {
  const file = repoPath("test", "golden", relativePath);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, "utf8");
  } catch {
    throw new Error(
      `golden file test/golden/${relativePath} is missing; run with UPDATE_GOLDEN=1 to create it`,
    );
  }
  expect(actual).toBe(expected);
}
