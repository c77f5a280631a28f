import { ArtifactTooLargeError } from "../artifact-too-large-error.js";
import { GitHubApiError } from "./github-api-error.js";

/** How errors name the signed address, which is itself a credential and never shown. */
const ARCHIVE_ROUTE = "(artifact archive at the signed address GitHub redirected to)";

/**
 * GETs `url` (a signed address: no credentials are sent) and reads at most `limit` bytes of it, refusing a larger
 * body from its Content-Length or, when that is absent or wrong, while reading.
 */
export async function downloadCapped(
  fetchFn: typeof fetch,
  url: string,
  artifact: string,
  limit: number,
): Promise<Uint8Array> {
  const response = await fetchFn(url, { redirect: "follow" });
  if (!response.ok || response.body === null) {
    throw new GitHubApiError(
      "GET",
      ARCHIVE_ROUTE,
      response.status,
      `downloading artifact ${artifact} failed`,
      undefined,
    );
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limit) {
    await response.body.cancel();
    throw new ArtifactTooLargeError(artifact, "archive", declared, limit);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ArtifactTooLargeError(artifact, "archive", size, limit);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
