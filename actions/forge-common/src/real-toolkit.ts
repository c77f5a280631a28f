/** The Toolkit of a real run: @actions/core, @actions/exec, @actions/artifact, the system clock and the disk. */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { getExecOutput } from "@actions/exec";
import artifactClient, { ArtifactNotFoundError, type FindOptions } from "@actions/artifact";
import type { FoundArtifact, Toolkit } from "./toolkit.js";

async function readOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Finds a workflow's latest successful run for a commit, through the REST API. */
async function latestRun(
  token: string,
  repository: string,
  workflow: string,
  headSha: string,
): Promise<number | undefined> {
  const api = process.env.GITHUB_API_URL ?? "https://api.github.com";
  const url = `${api}/repos/${repository}/actions/workflows/${encodeURIComponent(workflow)}/runs?head_sha=${headSha}&status=success&per_page=1`;
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
    },
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = (await response.json()) as { workflow_runs?: { id: number }[] };
  return body.workflow_runs?.[0]?.id;
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
      async find(artifactName, from): Promise<FoundArtifact | undefined> {
        try {
          const runId = from
            ? (from.runId ??
              (await latestRun(core.getInput("github-token"), repository, from.workflow, from.headSha)))
            : undefined;
          if (from && runId === undefined) return undefined;
          const { artifact } = await artifactClient.getArtifact(
            artifactName,
            runId ? findBy(runId) : undefined,
          );
          return {
            id: artifact.id,
            name: artifact.name,
            ...(artifact.createdAt ? { createdAt: new Date(artifact.createdAt) } : {}),
            ...(runId ? { runId } : {}),
          };
        } catch (error) {
          if (error instanceof ArtifactNotFoundError) return undefined;
          throw error;
        }
      },
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
    },
    env: process.env,
  };
}
