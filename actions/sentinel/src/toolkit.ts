/** What the Sentinel action touches outside itself; tests give it a fake. */
export interface Toolkit {
  readonly core: {
    getInput(name: string): string;
    /** Masks a value in every later log line. */
    setSecret(value: string): void;
    setOutput(name: string, value: string): void;
    setFailed(message: string): void;
    info(message: string): void;
    warning(message: string): void;
    /** Appends Markdown to the job summary. */
    writeSummary(markdown: string): Promise<void>;
  };
  /** Runs a command without failing on its exit code; throws when the command cannot be found. */
  exec(command: string, args: readonly string[], options: { readonly cwd: string }): Promise<ExecResult>;
  readonly artifact: {
    upload(name: string, files: readonly string[], rootDirectory: string): Promise<void>;
    /** Downloads the artifact `name` of this workflow run into `directory`; false when the run has none. */
    download(name: string, directory: string): Promise<boolean>;
  };
  readonly fs: {
    /** A file's text, or undefined when there is no such file. */
    read(path: string): Promise<string | undefined>;
    /** A file's bytes, or undefined when there is no such file. */
    readBytes(path: string): Promise<Uint8Array | undefined>;
    write(path: string, text: string): Promise<void>;
    /** The names of the files in a directory, or undefined when it is not one. */
    list(dir: string): Promise<readonly string[] | undefined>;
    mkdir(dir: string): Promise<void>;
  };
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}
