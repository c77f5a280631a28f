import path from "node:path";
import { readFile, readdir, stat } from "node:fs/promises";
import type { CliIo } from "../../app/cli/io.js";

export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly written: Map<string, string | Uint8Array>;
}

/**
 * A CliIo that captures output, keeps writes in memory, and reads real files (relative to the repository root)
 * unless `files` overrides them.
 */
export function fakeIo(
  options: { files?: Record<string, string | Buffer>; now?: string; env?: Record<string, string> } = {},
): FakeIo {
  let stdout = "";
  let stderr = "";
  let tick = 0;
  const written = new Map<string, string | Uint8Array>();
  const files = new Map(Object.entries(options.files ?? {}));
  const root = path.resolve(import.meta.dirname, "../..");
  return {
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
    cwd: root,
    env: options.env ?? {},
    now: () => new Date(options.now ?? "2026-11-27T12:00:00Z"),
    clock: () => (tick += 1),
    async fileSize(file) {
      const memory = files.get(file) ?? written.get(file);
      if (memory !== undefined) return Buffer.byteLength(memory);
      try {
        const info = await stat(path.resolve(root, file));
        return info.isDirectory() ? "directory" : info.size;
      } catch {
        return "missing";
      }
    },
    async readFile(file) {
      const memory = files.get(file) ?? written.get(file);
      if (memory !== undefined) return Buffer.from(memory);
      return readFile(path.resolve(root, file));
    },
    async listFiles(dir) {
      const inDir = (file: string) => path.posix.dirname(file) === path.posix.normalize(dir);
      const memory = [...files.keys(), ...written.keys()].filter(inDir).map((f) => path.posix.basename(f));
      const real = await readdir(path.resolve(root, dir), { withFileTypes: true }).then(
        (entries) => entries.filter((e) => e.isFile()).map((e) => e.name),
        () => undefined,
      );
      if (real === undefined && memory.length === 0) return "missing";
      return [...new Set([...memory, ...(real ?? [])])].sort();
    },
    async writeFile(file, content) {
      written.set(file, content);
    },
    out: () => stdout,
    err: () => stderr,
    written,
  };
}
