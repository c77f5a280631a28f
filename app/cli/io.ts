import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

/** Everything a command touches outside itself; tests pass a fake. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): Date;
  /** Monotonic milliseconds, for timing steps. */
  clock(): number;
  fileSize(file: string): Promise<number | "missing" | "directory">;
  readFile(file: string): Promise<Buffer>;
  /** The names of the files (not directories) directly in a directory, sorted; "missing" when it is not one. */
  listFiles(dir: string): Promise<readonly string[] | "missing">;
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
}

export function nodeIo(): CliIo {
  const resolve = (file: string): string => path.resolve(process.cwd(), file);
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: Boolean(process.stderr.isTTY) },
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    clock: () => performance.now(),
    async fileSize(file) {
      try {
        const info = await stat(resolve(file));
        return info.isDirectory() ? "directory" : info.size;
      } catch {
        return "missing";
      }
    },
    readFile: (file) => readFile(resolve(file)),
    async listFiles(dir) {
      try {
        const entries = await readdir(resolve(dir), { withFileTypes: true });
        return entries
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort();
      } catch {
        return "missing";
      }
    },
    async writeFile(file, content) {
      await mkdir(path.dirname(resolve(file)), { recursive: true });
      await writeFile(resolve(file), content);
    },
  };
}
