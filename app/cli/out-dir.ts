import path from "node:path";
import type { Problem } from "../contracts/problem.js";
import type { CliIo } from "./io.js";

/** A file's place on disk (relative to the working directory), or undefined when it would land outside `out`. */
export function insideOut(io: CliIo, out: string, file: string): string | undefined {
  const root = path.resolve(io.cwd, out);
  const resolved = path.resolve(root, file);
  return resolved.startsWith(`${root}${path.sep}`) ? path.relative(io.cwd, resolved) : undefined;
}

/** The --out problem when `out`, or a directory it would be made under, is a file; undefined when it can be written. */
export async function outDirProblem(io: CliIo, out: string): Promise<Problem | undefined> {
  for (let dir = path.resolve(io.cwd, out); ; dir = path.dirname(dir)) {
    const shown = path.relative(io.cwd, dir) || ".";
    if (typeof (await io.fileSize(shown)) === "number") {
      return { path: "--out", message: `must be a directory, and ${shown} is a file` };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
