/** The Toolkit of a real run: @actions/core, @actions/exec, @actions/artifact, the system clock and the disk. */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { getExecOutput } from "@actions/exec";
import artifactClient, { type FindOptions } from "@actions/artifact";
import { childEnvironment } from "./child-env.js";
import type { FoundArtifact, Toolkit } from "./toolkit.js";

async function readOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** GitHub's record of an artifact of `repository`, by id (REST: GET /repos/{o}/{r}/actions/artifacts/{id}). */
async function describeArtifact(
  token: string,
  repository: string,
  id: number,
): Promise<FoundArtifact | undefined> {
  const api = process.env.GITHUB_API_URL ?? "https://api.github.com";
  const url = `${api}/repos/${repository}/actions/artifacts/${id}`;
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
    },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = (await response.json()) as {
    id: number;
    name: string;
    expired: boolean;
    created_at?: string | null;
    workflow_run?: { id?: number } | null;
  };
  return {
    id: body.id,
    name: body.name,
    expired: body.expired,
    ...(body.created_at ? { createdAt: new Date(body.created_at) } : {}),
    ...(body.workflow_run?.id ? { runId: body.workflow_run.id } : {}),
  };
}

export function realToolkit(): Toolkit {
  const repository = process.env.GITHUB_REPOSITORY ?? "";
  const [owner = "", name = ""] = repository.split("/");
  const findBy = (runId: number): FindOptions => ({
    findBy: {
      token: core.getInput("github-token"),
      workflowRunId: runId,
      repositoryOwner: owner,
      repositoryName: name,
    },
  });
  return {
    async exec(command, args, options = {}) {
      const result = await getExecOutput(command, [...args], {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env: childEnvironment(process.env),
        silent: options.silent === true,
        ignoreReturnCode: true,
      });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    },
    core: {
      getInput: (n) => core.getInput(n),
      setOutput: (n, v) => core.setOutput(n, v),
      setSecret: (v) => core.setSecret(v),
      setFailed: (m) => core.setFailed(m),
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
      error: (m, where) =>
        core.error(
          m,
          where?.file ? { file: where.file, ...(where.line ? { startLine: where.line } : {}) } : {},
        ),
    },
    artifacts: {
      async upload(artifactName, files, rootDirectory, retentionDays) {
        const result = await artifactClient.uploadArtifact(
          artifactName,
          files.map((f) => path.resolve(f)),
          path.resolve(rootDirectory),
          { retentionDays },
        );
        return { id: result.id ?? 0 };
      },
      describe: (id) => describeArtifact(core.getInput("github-token"), repository, id),
      async download(artifact, directory) {
        await artifactClient.downloadArtifact(artifact.id, {
          path: path.resolve(directory),
          ...(artifact.runId ? findBy(artifact.runId) : {}),
        });
      },
    },
    clock: { now: () => new Date(), monotonicMs: () => performance.now() },
    fs: {
      readText: (file) => readOrUndefined(() => readFile(file, "utf8")),
      readBytes: (file) => readOrUndefined(() => readFile(file)),
      writeText: (file, text) => writeFile(file, text),
      writeBytes: (file, bytes) => writeFile(file, bytes),
    },
    env: process.env,
  };
}
