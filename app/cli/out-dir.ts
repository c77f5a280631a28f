import path from "node:path";
import type { CliIo } from "./io.js";

/** A file's place on disk (relative to the working directory), or undefined when it would land outside `out`. */
export function insideOut(io: CliIo, out: string, file: string): string | undefined {
  const root = path.resolve(io.cwd, out);
  const resolved = path.resolve(root, file);
  return resolved.startsWith(`${root}${path.sep}`) ? path.relative(io.cwd, resolved) : undefined;
}
