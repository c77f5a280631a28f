/**
 * A Toolkit for tests: commands answer from a script and are recorded with their exact argv, files live in memory,
 * artifacts are kept in a map, and the clock is fixed. No terraform, git or network is involved.
 */
import type { ExecOptions, ExecResult, FoundArtifact, Toolkit } from "../src/toolkit.js";

export interface Call {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly silent?: boolean;
}

/** Answers a command, or returns undefined to let the next handler try. Handlers may write files as a side effect. */
export type Handler = (call: Call, fake: FakeToolkit) => Partial<ExecResult> | undefined;

export interface StoredArtifact {
  readonly artifact: FoundArtifact;
  readonly files: Record<string, string | Uint8Array>;
}

export interface FakeToolkit extends Toolkit {
  readonly calls: Call[];
  readonly files: Map<string, string | Uint8Array>;
  readonly outputs: Record<string, string>;
  readonly secrets: string[];
  readonly logs: string[];
  /** Masks and log lines in the order they happened: `mask <value>` or `log <message>`. */
  readonly journal: string[];
  /** The log lines that showed a value before it was masked (what a real runner would have printed in clear). */
  unmaskedLeaks(): string[];
  readonly annotations: { message: string; file?: string; line?: number }[];
  readonly uploads: {
    name: string;
    files: Record<string, string | Uint8Array>;
    root: string;
    retentionDays: number;
  }[];
  /** The artifact ids asked about, in order. */
  readonly lookups: number[];
  /** The artifacts downloaded: their id and where to. */
  readonly downloads: { id: number; directory: string }[];
  failed: string | undefined;
  /** argv lines, `command arg arg`, for exact comparison. */
  commandLines(): string[];
}

export interface FakeOptions {
  readonly inputs?: Record<string, string>;
  readonly handlers?: readonly Handler[];
  readonly files?: Record<string, string | Uint8Array>;
  /** Artifacts of the repository, by any label; `describe` finds them by id. */
  readonly artifacts?: Record<string, StoredArtifact>;
  readonly now?: string;
  readonly env?: Record<string, string>;
}

export function fakeToolkit(options: FakeOptions = {}): FakeToolkit {
  const files = new Map<string, string | Uint8Array>(Object.entries(options.files ?? {}));
  const stored = new Map(Object.entries(options.artifacts ?? {}));
  let tick = 0;
  const fake: FakeToolkit = {
    calls: [],
    files,
    outputs: {},
    secrets: [],
    logs: [],
    journal: [],
    unmaskedLeaks: () => {
      const leaks: string[] = [];
      fake.journal.forEach((entry, i) => {
        if (!entry.startsWith("log ")) return;
        const later = fake.journal
          .slice(i + 1)
          .filter((e) => e.startsWith("mask "))
          .map((e) => e.slice(5));
        const maskedBefore = new Set(
          fake.journal
            .slice(0, i)
            .filter((e) => e.startsWith("mask "))
            .map((e) => e.slice(5)),
        );
        for (const value of later)
          if (!maskedBefore.has(value) && entry.includes(value)) leaks.push(`${value} in: ${entry}`);
      });
      return leaks;
    },
    annotations: [],
    uploads: [],
    lookups: [],
    downloads: [],
    failed: undefined,
    commandLines: () => fake.calls.map((c) => [c.command, ...c.args].join(" ")),
    async exec(command: string, args: readonly string[], execOptions: ExecOptions = {}): Promise<ExecResult> {
      const call: Call = { command, args: [...args], ...execOptions };
      fake.calls.push(call);
      for (const handler of options.handlers ?? []) {
        const answer = handler(call, fake);
        if (!answer) continue;
        const result = { exitCode: 0, stdout: "", stderr: "", ...answer };
        // A command that is not silent streams its output to the log as it runs, as @actions/exec does.
        if (!execOptions.silent) fake.journal.push(`log ${result.stdout}${result.stderr}`);
        return result;
      }
      throw new Error(`fake toolkit: no handler for ${[command, ...args].join(" ")}`);
    },
    core: {
      getInput: (name) => options.inputs?.[name] ?? "",
      setOutput: (name, value) => void (fake.outputs[name] = value),
      setSecret: (value) => {
        fake.secrets.push(value);
        fake.journal.push(`mask ${value}`);
      },
      setFailed: (message) => {
        fake.failed = message;
        fake.journal.push(`log ${message}`);
      },
      info: (message) => {
        fake.logs.push(message);
        fake.journal.push(`log ${message}`);
      },
      warning: (message) => {
        fake.logs.push(`warning: ${message}`);
        fake.journal.push(`log ${message}`);
      },
      error: (message, where) => void fake.annotations.push({ message, ...where }),
    },
    artifacts: {
      async upload(name, list, root, retentionDays) {
        const copied = Object.fromEntries(list.map((f) => [f, files.get(f) ?? "<missing>"]));
        fake.uploads.push({ name, files: copied, root, retentionDays });
        return { id: fake.uploads.length };
      },
      async describe(id) {
        fake.lookups.push(id);
        return [...stored.values()].find((s) => s.artifact.id === id)?.artifact;
      },
      async download(artifact, directory) {
        fake.downloads.push({ id: artifact.id, directory });
        const entry = [...stored.values()].find((s) => s.artifact.id === artifact.id);
        for (const [file, content] of Object.entries(entry?.files ?? {}))
          files.set(`${directory}/${file}`, content);
      },
    },
    clock: {
      now: () => new Date(options.now ?? "2026-11-27T12:30:00Z"),
      monotonicMs: () => (tick += 1500),
    },
    fs: {
      readText: async (file) => {
        const content = files.get(file);
        return content === undefined
          ? undefined
          : typeof content === "string"
            ? content
            : Buffer.from(content).toString("utf8");
      },
      readBytes: async (file) => {
        const content = files.get(file);
        return content === undefined
          ? undefined
          : typeof content === "string"
            ? Buffer.from(content)
            : content;
      },
      writeText: async (file, text) => void files.set(file, text),
      writeBytes: async (file, bytes) => void files.set(file, bytes),
    },
    env: options.env ?? {},
  };
  return fake;
}

/** A handler that answers one exact command line. */
export function answer(
  line: string,
  result: Partial<ExecResult> | ((fake: FakeToolkit) => Partial<ExecResult>),
): Handler {
  return (call, fake) => {
    if ([call.command, ...call.args].join(" ") !== line) return undefined;
    return typeof result === "function" ? result(fake) : result;
  };
}
