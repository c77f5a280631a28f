import { describe, expect, it } from "vitest";
import { main } from "../../../app/cli/main.js";
import packageJson from "../../../package.json" with { type: "json" };
import { fakeIo } from "../../support/fake-io.js";

describe("infracrew", () => {
  it("prints usage and exits 2 with no command", async () => {
    const io = fakeIo();
    expect(await main([], io)).toBe(2);
    expect(io.err()).toContain("Usage: infracrew <command>");
  });

  it.each([["--help"], ["-h"], ["help"]])("%s prints usage on stdout and exits 0", async (flag) => {
    const io = fakeIo();
    expect(await main([flag], io)).toBe(0);
    expect(io.out()).toContain("validate");
    expect(io.out()).toContain("Exit codes: 0 ok or PASS, 1 Sentinel FAIL, 2 bad input, 3 design blocked.");
  });

  it.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    const io = fakeIo();
    expect(await main([flag], io)).toBe(0);
    expect(io.out()).toBe(`${packageJson.version}\n`);
  });

  it("suggests the closest command for a typo", async () => {
    const io = fakeIo();
    expect(await main(["valdate", "x.json"], io)).toBe(2);
    expect(io.err()).toContain('unknown command "valdate" (did you mean "validate"?)');
  });

  it("shows a command's own help", async () => {
    const io = fakeIo();
    expect(await main(["validate", "--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: infracrew validate <file…>");
  });
});

describe("infracrew validate: garbage gets a clear message, never a stack trace", () => {
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, "a");
  it.each([
    ["empty.json", "", "empty.json: the file is empty"],
    ["spaces.yaml", "  \n", "spaces.yaml: the file is empty"],
    ["words.json", "this is not json", "words.json: not valid JSON: Unexpected token 'h'"],
    ["huge.json", tenMegabytes, "huge.json: the file is too large (10.0 MiB; the limit is 5.0 MiB)"],
    ["binary.json", Buffer.from([0x7b, 0xff, 0xfe, 0x00]), "binary.json: the file is not UTF-8 text"],
    ["nul.yaml", "a: 1\u0000", "nul.yaml: the file is not text (it contains NUL bytes)"],
    ["list.json", "[1,2,3]", "list.json: an artifact must be a mapping of fields (got a list of 3)"],
    [
      "nokind.json",
      '{"name": "x"}',
      "nokind.json: kind: is required, to tell which contract this is (one of: ApplyRequest, ApplyResult, BuildStatus, DesignBlocked, GoalStatement, OpsEvent, OrgPolicy, PlanSpec, RollbackRequest, ValidateRequest, ValidationResult)",
    ],
    [
      "prose.md",
      "# My goal\n\nI want a database.",
      "prose.md: no GoalStatement found: use the GoalStatement issue form, or paste a ```json or ```yaml block",
    ],
  ])("%s", async (file, content, message) => {
    const io = fakeIo({ files: { [file]: content } });
    expect(await main(["validate", file], io)).toBe(2);
    expect(io.err()).toBe(`${message}\n`);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it("names a missing file and a directory", async () => {
    const io = fakeIo();
    expect(await main(["validate", "no/such/file.json", "schemas"], io)).toBe(2);
    expect(io.err()).toBe(
      "no/such/file.json: no such file\nschemas: is a directory, not a file\n2 of 2 files are invalid\n",
    );
  });

  it("refuses unknown options and a missing file argument", async () => {
    const io = fakeIo();
    expect(await main(["validate", "--strict", "a.json"], io)).toBe(2);
    expect(await main(["validate"], io)).toBe(2);
    expect(io.err()).toContain("unknown option --strict");
    expect(io.err()).toContain("name at least one file");
  });

  it("validates a mix and reports only the invalid ones on stderr", async () => {
    const io = fakeIo({ files: { "bad.json": '{"kind": "ApplyRequest"}' } });
    expect(await main(["validate", "schemas/examples/goal-worker.json", "bad.json"], io)).toBe(2);
    expect(io.out()).toBe("ok schemas/examples/goal-worker.json (GoalStatement)\n");
    expect(io.err().split("\n")[0]).toBe("bad.json: approvedBy: is required");
  });
});
