import { describe, expect, test } from "vitest";
import type { CheckRunAnnotation, CheckRunInput } from "../../app/platform/platform.js";
import { annotations } from "../support/annotations.js";
import { SHA, githubPlatform } from "./github-fixtures.js";

const NAME = "Infracrew / Sentinel";
const LOOKUP = `commits/${SHA.head}/check-runs?check_name=Infracrew / Sentinel&filter=latest`;
const run: CheckRunInput = {
  name: NAME,
  headSha: SHA.head,
  status: "completed",
  conclusion: "failure",
  title: "2 findings",
  summary: "Sentinel found 2 problems.",
  detailsUrl: "https://github.com/acme/infra/actions/runs/9",
  actions: [{ label: "Re-run Sentinel", description: "Plan and validate again", identifier: "replan" }],
};
const listed = (ids: number[]) => ({
  total_count: ids.length,
  check_runs: ids.map((id) => ({ id, name: NAME })),
});

describe("upsertCheckRun", () => {
  test("creates the run when the commit has none of that name: the look-up, then the create", async () => {
    const { gh, platform } = githubPlatform();
    gh.get(LOOKUP).reply(200, listed([]));
    gh.post("check-runs", {
      name: NAME,
      head_sha: SHA.head,
      status: "completed",
      conclusion: "failure",
      details_url: "https://github.com/acme/infra/actions/runs/9",
      output: { title: "2 findings", summary: "Sentinel found 2 problems." },
      actions: [{ label: "Re-run Sentinel", description: "Plan and validate again", identifier: "replan" }],
    }).reply(201, { id: 301 });
    expect(await platform.upsertCheckRun(run)).toBe(301);
    expect(gh.calls).toHaveLength(2);
  });

  test("updates the run found on the commit, among the app's own when the app id is known", async () => {
    const { gh, platform } = githubPlatform({ appId: 123 });
    gh.get(`${LOOKUP}&app_id=123`).reply(200, listed([301]));
    gh.patch("check-runs/301", {
      status: "in_progress",
      output: { title: "Validating", summary: "Sentinel is running.", text: "details" },
      external_id: "pr-12",
    }).reply(200, { id: 301 });
    const id = await platform.upsertCheckRun({
      name: NAME,
      headSha: SHA.head,
      status: "in_progress",
      title: "Validating",
      summary: "Sentinel is running.",
      text: "details",
      externalId: "pr-12",
    });
    expect(id).toBe(301);
  });

  test("sends 120 annotations as 50 with the create, then 50 and 20 in two updates", async () => {
    const { gh, platform } = githubPlatform();
    const all = annotations(120);
    const output = (slice: CheckRunAnnotation[]) => ({
      title: run.title,
      summary: run.summary,
      annotations: slice,
    });
    gh.get(LOOKUP).reply(200, listed([]));
    const create = gh.post("check-runs").reply(201, { id: 302 });
    gh.patch("check-runs/302", { output: output(all.slice(50, 100)) }).reply(200, { id: 302 });
    gh.patch("check-runs/302", { output: output(all.slice(100)) }).reply(200, { id: 302 });
    await platform.upsertCheckRun({ ...run, annotations: all });
    expect((create.body as { output: { annotations: unknown[] } }).output.annotations).toEqual(
      all.slice(0, 50),
    );
    expect(gh.calls.map((c) => c.split(" ")[0])).toEqual(["GET", "POST", "PATCH", "PATCH"]);
  });

  test("a second upsert of the same run on the same commit skips the look-up", async () => {
    const { gh, platform } = githubPlatform();
    gh.get(LOOKUP).reply(200, listed([]));
    gh.post("check-runs").reply(201, { id: 303 });
    gh.patch("check-runs/303").reply(200, { id: 303 });
    await platform.upsertCheckRun({ ...run, status: "in_progress", conclusion: undefined });
    await platform.upsertCheckRun(run);
    expect(gh.calls).toEqual([
      `GET /repos/acme/infra/${LOOKUP}`,
      "POST /repos/acme/infra/check-runs",
      "PATCH /repos/acme/infra/check-runs/303",
    ]);
  });

  test("shortens a long button label and description to GitHub's 20 and 40 characters", async () => {
    const { gh, platform } = githubPlatform();
    gh.get(LOOKUP).reply(200, listed([]));
    const create = gh.post("check-runs").reply(201, { id: 304 });
    await platform.upsertCheckRun({
      ...run,
      actions: [{ label: "Approve and apply this plan", description: "x".repeat(50), identifier: "approve" }],
    });
    expect((create.body as { actions: unknown }).actions).toEqual([
      { label: "Approve and apply t…", description: `${"x".repeat(39)}…`, identifier: "approve" },
    ]);
  });

  test("refuses a summary over 65,535 characters before any call", async () => {
    const { platform } = githubPlatform();
    await expect(platform.upsertCheckRun({ ...run, summary: "x".repeat(65_536) })).rejects.toThrow(
      "upsertCheckRun: output.summary has 65536 characters; GitHub takes at most 65535",
    );
  });
});
