import ts from "typescript";
import { describe, expect, it } from "vitest";
import vitestConfig from "../../vitest.config.js";
import { REPO_ROOT, repoPath } from "../support/repo-files.js";

/** The files a tsconfig-style include/exclude selects, as TypeScript expands its globs. */
function selected(include: readonly string[], exclude: readonly string[] = []): string[] {
  return ts.parseJsonConfigFileContent({ include, exclude }, ts.sys, REPO_ROOT).fileNames.sort();
}

const tsconfig = ts.readConfigFile(repoPath("tsconfig.json"), ts.sys.readFile).config as {
  include: string[];
  exclude: string[];
};
/** Every test project's files (vitest.config.ts runs the journeys once per store: the same files twice). */
const projects = (vitestConfig.test?.projects ?? []) as {
  test?: { include?: string[]; exclude?: string[] };
}[];
const testFiles = [
  ...new Set(projects.flatMap((p) => selected(p.test?.include ?? [], p.test?.exclude ?? []))),
].sort();

describe("npm test's type check", () => {
  it("covers every test file vitest runs, and vitest runs every test file it checks", () => {
    expect(testFiles.length).toBeGreaterThan(80);
    const checked = selected(tsconfig.include, tsconfig.exclude);
    expect(testFiles.filter((file) => !checked.includes(file))).toEqual([]);
    expect(checked.filter((file) => file.endsWith(".test.ts") && !testFiles.includes(file))).toEqual([]);
  });
});
