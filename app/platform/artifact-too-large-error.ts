import { formatBytes } from "../contracts/limits.js";

/** A workflow artifact over LIMITS.artifactArchiveBytes, packed or unpacked: refused before or while unpacking. */
export class ArtifactTooLargeError extends Error {
  override readonly name = "ArtifactTooLargeError";

  constructor(
    readonly artifact: string,
    readonly what: "archive" | "unpacked size",
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`artifact ${artifact} is too large: ${what} ${formatBytes(bytes)}, limit ${formatBytes(limit)}`);
  }
}
