import { describe, expect, it } from "vitest";
import { readArtifact } from "../../app/contracts/artifact-intake.js";
import { ARTIFACT_KINDS, KIND_FILE_STEMS } from "../../app/contracts/generated/index.js";
import { main } from "../../app/cli/main.js";
import { fakeIo } from "../support/fake-io.js";
import { listRepoDir, readRepoFile } from "../support/repo-files.js";

const validFiles = listRepoDir("schemas/examples").filter((f) => /\.(json|ya?ml|md)$/.test(f));
const invalidFiles = listRepoDir("schemas/examples/invalid").filter((f) => !f.endsWith(".expected"));

/** The examples handed to the team with the design; they must be accepted exactly as they are. */
const SHARED_EXAMPLES = [
  "goal-issue-form-body.md",
  "goal-static-site.yaml",
  "goal-web-api.json",
  "goal-worker.json",
  "infracrew.yml",
];

describe("schemas/examples (valid)", () => {
  it("includes the shared examples", () => {
    expect(validFiles).toEqual(expect.arrayContaining(SHARED_EXAMPLES));
  });

  it.each(ARTIFACT_KINDS)("has at least one valid example of %s", (kind) => {
    const stem = KIND_FILE_STEMS[kind];
    expect(validFiles.some((f) => f.startsWith(stem) && f.endsWith(".json"))).toBe(true);
  });

  it.each(validFiles)("%s is valid", (file) => {
    const result = readArtifact(readRepoFile("schemas/examples", file), file);
    expect(result.ok ? "valid" : result.problems).toBe("valid");
  });

  it("infracracrew validate accepts them all with exit 0", async () => {
    const io = fakeIo();
    const code = await main(["validate", ...validFiles.map((f) => `schemas/examples/${f}`)], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out().trim().split("\n")).toHaveLength(validFiles.length);
  });
});

describe("schemas/examples/invalid", () => {
  it.each(ARTIFACT_KINDS)("has at least one invalid example of %s", (kind) => {
    expect(invalidFiles.some((f) => f.startsWith(KIND_FILE_STEMS[kind]))).toBe(true);
  });

  it.each(invalidFiles)("%s is rejected with exactly its expected messages and exit 2", async (file) => {
    const expected = readRepoFile("schemas/examples/invalid", `${file}.expected`);
    const path = `schemas/examples/invalid/${file}`;
    const io = fakeIo();
    const code = await main(["validate", path], io);
    expect(code).toBe(2);
    expect(io.out()).toBe("");
    const lines = expected
      .trim()
      .split("\n")
      .map((line) => `${path}: ${line}`);
    expect(io.err()).toBe(`${lines.join("\n")}\n`);
  });
});
