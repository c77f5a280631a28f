import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../app/cli/main.js";
import { openStore } from "../../../app/store/open-store.js";
import { fakeIo } from "../../support/fake-io.js";
import { expectGolden } from "../../support/golden.js";

const SHA = "d".repeat(40);
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "infracrew-audit-"));
  const store = await openStore({ dataDir: dir });
  const row = (
    at: string,
    actor: string,
    action: string,
    decision: string,
    reason: string,
    pr: number | null = 12,
  ) =>
    store.read.audit({
      at,
      repo: "acme/infra",
      pr,
      actor,
      action,
      decision,
      sha: pr === null ? null : SHA,
      reason,
    });
  await row(
    "2026-11-27T12:00:00Z",
    "carol",
    "goal",
    "planned",
    "goal #7 designed by Atlas and written by Forge",
  );
  await row("2026-11-27T12:10:00Z", "github", "validation", "PASS", "Sentinel passed (run 301)");
  await row(
    "2026-11-27T12:12:00Z",
    "dave",
    "approve (comment)",
    "refused",
    "Approval refused: @dave has read permission;\nto approve you need write or more.",
  );
  await row(
    "2026-11-27T12:15:00Z",
    "bob",
    "approve (comment)",
    "accepted",
    "approvals met (write permission)",
  );
  await row(
    "2026-11-27T12:15:00Z",
    "infracrew[bot]",
    "dispatch apply",
    "dispatched",
    "apply of ddddddd with the saved plan of run 301",
  );
  await row(
    "2026-11-27T12:16:00Z",
    "mallory",
    "plan result",
    "ignored",
    "run 666 names no pull request the App planned",
    null,
  );
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("infracrew audit", () => {
  it("prints a pull request's decisions from the embedded store, oldest first, one line each", async () => {
    const io = fakeIo({ env: { INFRACREW_DATA_DIR: dir } });
    expect(await main(["audit", "acme/infra#12"], io)).toBe(0);
    expectGolden("cli/audit.txt", io.out());
  });

  it("prints them as JSON with --format json", async () => {
    const io = fakeIo({ env: { INFRACREW_DATA_DIR: dir } });
    expect(await main(["audit", "acme/infra#12", "--format", "json"], io)).toBe(0);
    const entries = JSON.parse(io.out()) as { actor: string; decision: string; sha: string }[];
    expect(entries.map((e) => `${e.actor} ${e.decision}`)).toEqual([
      "carol planned",
      "github PASS",
      "dave refused",
      "bob accepted",
      "infracrew[bot] dispatched",
    ]);
    expect(entries[0]!.sha).toBe(SHA);
  });

  it("prints the repository's decisions that name no pull request for owner/repo", async () => {
    const io = fakeIo({ env: { INFRACREW_DATA_DIR: dir } });
    expect(await main(["audit", "acme/infra"], io)).toBe(0);
    expect(io.out()).toContain("mallory");
    expect(io.out()).toContain("run 666 names no pull request the App planned");
  });

  it.each([
    [["audit"], "infracrew audit: target: must be <owner>/<repo>#<pr> or <owner>/<repo>"],
    [["audit", "acme/infra#x"], 'must be <owner>/<repo>#<pr> or <owner>/<repo> (got "acme/infra#x")'],
    [["audit", "acme/infra#12", "--format", "xml"], '--format: must be text or json (got "xml")'],
    [["audit", "acme/infra#12", "--fromat", "json"], "--fromat: is not an option of infracrew audit"],
  ])("refuses %j with exit 2 and the reason", async (args, message) => {
    const io = fakeIo({ env: { INFRACREW_DATA_DIR: dir } });
    expect(await main(args, io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  it("says where it looked when there is no store, and creates none", async () => {
    const missing = path.join(dir, "nowhere");
    const io = fakeIo({ env: { INFRACREW_DATA_DIR: missing } });
    expect(await main(["audit", "acme/infra#12"], io)).toBe(2);
    expect(io.err()).toContain(`there is no store at ${missing}`);
    expect(await io.fileSize(missing)).toBe("missing");
  });
});
