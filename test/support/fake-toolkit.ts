import type { ExecResult, Toolkit } from "../../actions/sentinel/src/toolkit.js";

export const WORKSPACE = "/github/workspace";
export const RUNNER_TEMP = "/home/runner/work/_temp";
export const OUT_DIR = `${RUNNER_TEMP}/infracrew-sentinel`;

/** What a fake command does: its exit code and output, and the files it writes. */
export interface FakeCommand {
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly writes?: Readonly<Record<string, string>>;
  /** The error `@actions/exec` throws when the command is not on PATH. */
  readonly missing?: boolean;
}

export interface FakeToolkit extends Toolkit {
  readonly files: Map<string, string>;
  readonly calls: { command: string; args: readonly string[]; cwd: string }[];
  readonly outputs: Map<string, string>;
  readonly failures: string[];
  readonly summaries: string[];
  readonly uploads: { name: string; files: readonly string[]; rootDirectory: string }[];
  readonly downloads: { name: string; directory: string }[];
  readonly secrets: string[];
}

/**
 * A toolkit that runs no process and touches no disk: inputs as given, files in a map (paths under the
 * workspace), commands answering as `commands` says, and every output, failure, summary and upload recorded.
 */
export function fakeToolkit(options: {
  inputs: Record<string, string>;
  files?: Record<string, string>;
  commands?: Record<string, FakeCommand>;
  uploadError?: string;
  /** Artifacts of this run, by name: their files' bytes. */
  artifacts?: Record<string, Record<string, Uint8Array>>;
}): FakeToolkit {
  const files = new Map(
    Object.entries(options.files ?? {}).map(([path, text]) => [`${WORKSPACE}/${path}`, text]),
  );
  const calls: FakeToolkit["calls"] = [];
  const outputs = new Map<string, string>();
  const failures: string[] = [];
  const summaries: string[] = [];
  const uploads: FakeToolkit["uploads"] = [];
  const downloads: FakeToolkit["downloads"] = [];
  const secrets: string[] = [];
  const binaries = new Map<string, Uint8Array>();
  return {
    core: {
      getInput: (name) => options.inputs[name] ?? "",
      setSecret: (value) => void secrets.push(value),
      setOutput: (name, value) => void outputs.set(name, value),
      setFailed: (message) => void failures.push(message),
      info: () => undefined,
      warning: () => undefined,
      writeSummary: async (markdown) => void summaries.push(markdown),
    },
    async exec(command, args, { cwd }): Promise<ExecResult> {
      calls.push({ command, args, cwd });
      const fake = options.commands?.[command];
      if (!fake || fake.missing) {
        throw new Error(
          `Unable to locate executable file: ${command}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`,
        );
      }
      for (const [path, text] of Object.entries(fake.writes ?? {})) files.set(path, text);
      return { exitCode: fake.exitCode ?? 0, stdout: fake.stdout ?? "", stderr: fake.stderr ?? "" };
    },
    artifact: {
      async upload(name, paths, rootDirectory) {
        if (options.uploadError) throw new Error(options.uploadError);
        uploads.push({ name, files: paths, rootDirectory });
      },
      async download(name, directory) {
        const stored = options.artifacts?.[name];
        if (!stored) return false;
        downloads.push({ name, directory });
        for (const [file, content] of Object.entries(stored)) binaries.set(`${directory}/${file}`, content);
        return true;
      },
    },
    fs: {
      read: async (path) => files.get(path) ?? textOf(binaries.get(path)),
      readBytes: async (path) => binaries.get(path) ?? bytesOf(files.get(path)),
      write: async (path, text) => void files.set(path, text),
      async list(dir) {
        const names = [...files.keys()].filter(
          (f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes("/"),
        );
        return names.length > 0 ? names.map((f) => f.slice(dir.length + 1)).sort() : undefined;
      },
      mkdir: async () => undefined,
    },
    env: { GITHUB_WORKSPACE: WORKSPACE, RUNNER_TEMP },
    now: () => new Date("2026-11-27T12:00:00Z"),
    files,
    calls,
    outputs,
    failures,
    summaries,
    uploads,
    downloads,
    secrets,
  };
}

const textOf = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString("utf8");
const bytesOf = (text: string | undefined) => (text === undefined ? undefined : Buffer.from(text));
