import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { ArtifactNotFoundError, DefaultArtifactClient } from "@actions/artifact";
import * as core from "@actions/core";
import { getExecOutput } from "@actions/exec";
import type { Toolkit } from "./toolkit.js";

/** The toolkit of a real run on a GitHub Actions runner. */
export function githubToolkit(): Toolkit {
  return {
    core: {
      getInput: (name) => core.getInput(name),
      setSecret: (value) => core.setSecret(value),
      setOutput: (name, value) => core.setOutput(name, value),
      setFailed: (message) => core.setFailed(message),
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      async writeSummary(markdown) {
        await core.summary.addRaw(markdown, true).write();
      },
    },
    exec: (command, args, options) =>
      getExecOutput(command, [...args], { cwd: options.cwd, ignoreReturnCode: true }),
    artifact: {
      async upload(name, files, rootDirectory) {
        await new DefaultArtifactClient().uploadArtifact(name, [...files], rootDirectory);
      },
      async download(name, directory) {
        const client = new DefaultArtifactClient();
        try {
          const { artifact } = await client.getArtifact(name);
          await client.downloadArtifact(artifact.id, { path: directory });
          return true;
        } catch (error) {
          if (error instanceof ArtifactNotFoundError) return false;
          throw error;
        }
      },
    },
    fs: {
      read: (path) => readFile(path, "utf8").catch(() => undefined),
      readBytes: (path) => readFile(path).catch(() => undefined),
      write: (path, text) => writeFile(path, text),
      list: (dir) =>
        readdir(dir, { withFileTypes: true }).then(
          (entries) =>
            entries
              .filter((e) => e.isFile())
              .map((e) => e.name)
              .sort(),
          () => undefined,
        ),
      mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
    },
    env: process.env,
    now: () => new Date(),
  };
}
