import { unzipSync } from "fflate";
import { LIMITS } from "../contracts/limits.js";
import { ArtifactTooLargeError } from "./artifact-too-large-error.js";

/**
 * The files of a workflow artifact's zip, by path (directories left out). Refuses an archive over the limit, and
 * one whose files would unpack to more than the limit (by the sizes its directory declares) before inflating them.
 */
export function unpackArtifactZip(
  artifact: string,
  zip: Uint8Array,
  limit: number = LIMITS.artifactArchiveBytes,
): ReadonlyMap<string, Uint8Array> {
  if (zip.byteLength > limit) throw new ArtifactTooLargeError(artifact, "archive", zip.byteLength, limit);
  let unpacked = 0;
  const entries = unzipSync(zip, {
    filter: (file) => {
      unpacked += file.originalSize;
      if (unpacked > limit) throw new ArtifactTooLargeError(artifact, "unpacked size", unpacked, limit);
      return !file.name.endsWith("/");
    },
  });
  return new Map(Object.entries(entries));
}
