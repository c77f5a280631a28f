/**
 * Everything an Infracrew action touches outside itself. The real one wraps @actions/core, @actions/exec,
 * @actions/artifact, the clock and the file system; tests pass a fake, so no terraform runs in them.
 */
export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ExecOptions {
  readonly cwd?: string;
  /** Keep the output out of the log (for JSON that may hold secrets before it is masked). */
  readonly silent?: boolean;
}

export interface Core {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** An error annotation, on a file and line when known. */
  error(message: string, where?: { file?: string; line?: number }): void;
}

export interface FoundArtifact {
  readonly id: number;
  readonly name: string;
  readonly createdAt?: Date;
  /** The workflow run that uploaded the artifact. */
  readonly runId?: number;
  readonly expired?: boolean;
}

export interface Artifacts {
  upload(
    name: string,
    files: readonly string[],
    rootDirectory: string,
    retentionDays: number,
  ): Promise<{ id: number }>;
  /** What GitHub says about an artifact of this repository, by id: its name, its run, its age; undefined if none. */
  describe(id: number): Promise<FoundArtifact | undefined>;
  /** Downloads the files of exactly this artifact into `directory`. */
  download(artifact: FoundArtifact, directory: string): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Monotonic milliseconds, for durations. */
  monotonicMs(): number;
}

export interface Files {
  readText(file: string): Promise<string | undefined>;
  readBytes(file: string): Promise<Uint8Array | undefined>;
  writeText(file: string, text: string): Promise<void>;
  writeBytes(file: string, bytes: Uint8Array): Promise<void>;
}

export interface Toolkit {
  exec(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  readonly core: Core;
  readonly artifacts: Artifacts;
  readonly clock: Clock;
  readonly fs: Files;
  /** The run's environment (GITHUB_REPOSITORY, GITHUB_RUN_ID, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
