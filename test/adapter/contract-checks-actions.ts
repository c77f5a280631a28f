import { zipSync } from "fflate";
import { expect } from "vitest";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import type { CheckRunInput } from "../../app/platform/platform.js";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { annotations } from "../support/annotations.js";
import { SHA } from "./github-fixtures.js";
import { type ContractCase, contractCase } from "./platform-contract.js";

const lookup = (name: string) => `commits/${SHA.head}/check-runs?check_name=${name}&filter=latest`;
const sentinel: CheckRunInput = {
  name: "Infracrew / Sentinel",
  headSha: SHA.head,
  status: "in_progress",
  title: "Validating",
  summary: "…",
};
const listed = (ids: number[]) => ({ total_count: ids.length, check_runs: ids.map((id) => ({ id })) });
const BLOB = "https://results.blob.core.windows.net/artifact.zip?sig=x";
const RESULT = '{"kind":"ValidationResult"}';

export const checksAndActionsCases: ContractCase<unknown>[] = [
  contractCase({
    name: "upsertCheckRun: the same name on the same commit is one run; another name is another",
    fake: () => undefined,
    github: (gh) => {
      gh.get(lookup("Infracrew / Sentinel")).reply(200, listed([]));
      gh.post("check-runs").reply(201, { id: 301 });
      gh.patch("check-runs/301").reply(200, { id: 301 });
      gh.get(lookup("Infracrew / Conductor")).reply(200, listed([]));
      gh.post("check-runs").reply(201, { id: 302 });
    },
    run: async (p) => {
      const first = await p.upsertCheckRun(sentinel);
      expect(
        await p.upsertCheckRun({
          ...sentinel,
          status: "completed",
          conclusion: "failure",
          annotations: annotations(30),
        }),
      ).toBe(first);
      expect(await p.upsertCheckRun({ ...sentinel, name: "Infracrew / Conductor" })).not.toBe(first);
    },
  }),
  contractCase<{ id: number }>({
    name: "upsertCheckRun updates a run an earlier delivery created",
    fake: (f) => ({ id: f.checks.upsert(sentinel) }),
    github: (gh) => {
      gh.get(lookup("Infracrew / Sentinel")).reply(200, listed([301]));
      gh.patch("check-runs/301").reply(200, { id: 301 });
      return { id: 301 };
    },
    run: async (p, { id }) => {
      expect(await p.upsertCheckRun({ ...sentinel, status: "completed", conclusion: "success" })).toBe(id);
    },
  }),
  contractCase<{ id: number }>({
    name: "upsertCheckRun with the run's knownId updates it without a look-up",
    fake: (f) => ({ id: f.checks.upsert(sentinel) }),
    github: (gh) => {
      gh.patch("check-runs/301").reply(200, { id: 301 });
      return { id: 301 };
    },
    run: async (p, { id }) => {
      expect(
        await p.upsertCheckRun({ ...sentinel, status: "completed", conclusion: "success", knownId: id }),
      ).toBe(id);
    },
  }),
  contractCase({
    name: "upsertCheckRun refuses a summary over GitHub's limit",
    fake: () => undefined,
    github: () => undefined,
    run: async (p) => {
      await expect(p.upsertCheckRun({ ...sentinel, summary: "x".repeat(65_536) })).rejects.toBeInstanceOf(
        PlatformInputError,
      );
    },
  }),
  contractCase({
    name: "permissions and team membership; strangers have none",
    fake: (f) => {
      f.seedPermission("mona", "maintain");
      f.seedTeamMember("acme", "platform", "mona");
    },
    github: (gh) => {
      gh.get("collaborators/mona/permission").reply(200, { permission: "write", role_name: "maintain" });
      gh.get("collaborators/stranger/permission").reply(404, { message: "Not Found" });
      gh.get("/orgs/acme/teams/platform/memberships/mona").reply(200, { state: "active", role: "member" });
      gh.get("/orgs/acme/teams/platform/memberships/stranger").reply(404, { message: "Not Found" });
    },
    run: async (p) => {
      expect(await p.getPermission("mona")).toBe("maintain");
      expect(await p.getPermission("stranger")).toBe("none");
      expect(await p.isTeamMember("acme", "platform", "mona")).toBe(true);
      expect(await p.isTeamMember("acme", "platform", "stranger")).toBe(false);
    },
  }),
  contractCase({
    name: "dispatchWorkflow: up to 25 inputs",
    fake: () => undefined,
    github: (gh) => gh.post("actions/workflows/infracrew-apply.yml/dispatches").reply(204),
    run: async (p) => {
      await p.dispatchWorkflow("infracrew-apply.yml", "infracrew/app", {
        pr: "1",
        sha: SHA.head,
        stack: "app",
        mode: "apply",
      });
      const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`i${i}`, "x"]));
      await expect(p.dispatchWorkflow("infracrew-apply.yml", "main", many)).rejects.toBeInstanceOf(
        PlatformInputError,
      );
    },
  }),
  contractCase<{ live: number; expired: number }>({
    name: "artifacts: listed, unpacked; an expired one is GitHub's 410",
    fake: (f) => ({
      live: f.seedArtifact(9, "infracrew-validation-result", { "validation-result.json": RESULT }),
      expired: f.seedArtifact(9, "infracrew-apply-result", { "apply-result.json": "{}" }, true),
    }),
    github: (gh) => {
      gh.get("actions/runs/9/artifacts?per_page=100").reply(200, {
        total_count: 2,
        artifacts: [
          { id: 11, name: "infracrew-validation-result", expired: false },
          { id: 12, name: "infracrew-apply-result", expired: true },
        ],
      });
      gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
      gh.download(BLOB).reply(200, zipSync({ "validation-result.json": new TextEncoder().encode(RESULT) }));
      gh.get("actions/artifacts/12/zip").reply(410, { message: "Artifact has expired" });
      return { live: 11, expired: 12 };
    },
    run: async (p, { live, expired }) => {
      expect(await p.listRunArtifacts(9)).toEqual([
        { id: live, name: "infracrew-validation-result", expired: false },
        { id: expired, name: "infracrew-apply-result", expired: true },
      ]);
      const files = await p.downloadArtifact(live);
      expect(new TextDecoder().decode(files.get("validation-result.json"))).toBe(RESULT);
      const gone = p.downloadArtifact(expired);
      await expect(gone).rejects.toBeInstanceOf(GitHubApiError);
      await expect(gone).rejects.toMatchObject({ status: 410 });
    },
  }),
];
