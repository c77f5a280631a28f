import path from "node:path";
import type { CliIo } from "../io.js";
import { insideOut } from "../out-dir.js";

export interface OutFile {
  /** Relative to the output directory. */
  readonly path: string;
  readonly content: string;
}

/**
 * Writes a run's files under `out`, and only there: a path that would land outside it is refused before
 * anything is written. Returns the files written (relative to the working directory).
 */
export async function writeRunFiles(io: CliIo, out: string, files: readonly OutFile[]): Promise<string[]> {
  const targets = files.map((f) => ({ file: f, to: insideOut(io, out, f.path) }));
  const escaping = targets.find((t) => t.to === undefined);
  if (escaping) throw new Error(`${escaping.file.path} would be written outside ${out}`);
  for (const { file, to } of targets) await io.writeFile(to!, file.content);
  return targets.map((t) => t.to!);
}

/** Files an earlier run left in the Terraform directory that this run did not write: they would join the stack. */
export async function leftOver(io: CliIo, dir: string, files: readonly OutFile[]): Promise<string[]> {
  const listed = await io.listFiles(dir);
  if (listed === "missing") return [];
  const ours = new Set(files.map((f) => path.posix.basename(f.path)));
  return listed.filter((name) => !ours.has(name)).map((name) => path.posix.join(dir, name));
}
