import { LIMITS, formatBytes } from "../contracts/limits.js";
import { fail, ok, type Result } from "../contracts/problem.js";
import type { CliIo } from "./io.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads a UTF-8 text file for a command, refusing what is missing, too large or not text. */
export async function readTextFile(
  io: CliIo,
  file: string,
  limit: number = LIMITS.artifactBytes,
): Promise<Result<string>> {
  const size = await io.fileSize(file);
  if (size === "missing") return fail([{ path: "", message: "no such file" }]);
  if (size === "directory") return fail([{ path: "", message: "is a directory, not a file" }]);
  if (size > limit) {
    return fail([
      {
        path: "",
        message: `the file is too large (${formatBytes(size)}; the limit is ${formatBytes(limit)})`,
      },
    ]);
  }
  const bytes = await io.readFile(file);
  try {
    return ok(decoder.decode(bytes));
  } catch {
    return fail([{ path: "", message: "the file is not UTF-8 text" }]);
  }
}
