import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { ArtifactTooLargeError } from "../../../app/platform/artifact-too-large-error.js";
import { unpackArtifactZip } from "../../../app/platform/artifact-zip.js";
import { LIMITS } from "../../../app/contracts/limits.js";

describe("unpackArtifactZip", () => {
  test("gives every file by path, leaving directories out", () => {
    const zip = zipSync({
      "a.json": new Uint8Array([1, 2]),
      "dir/": new Uint8Array(),
      "dir/b.txt": new Uint8Array([3]),
    });
    const files = unpackArtifactZip("7", zip);
    expect([...files.entries()]).toEqual([
      ["a.json", new Uint8Array([1, 2])],
      ["dir/b.txt", new Uint8Array([3])],
    ]);
  });

  test("the limit is LIMITS.artifactArchiveBytes unless given", () => {
    expect(LIMITS.artifactArchiveBytes).toBe(20 * 1024 * 1024);
    const zip = zipSync({ "a.bin": new Uint8Array(1000) }, { level: 0 });
    expect(() => unpackArtifactZip("7", zip, zip.byteLength - 1)).toThrow(
      new ArtifactTooLargeError("7", "archive", zip.byteLength, zip.byteLength - 1),
    );
    expect(unpackArtifactZip("7", zip, zip.byteLength + 1000).size).toBe(1);
  });

  test("refuses unpacking past the limit, counted over all files", () => {
    const zip = zipSync({ "a.bin": new Uint8Array(600), "b.bin": new Uint8Array(600) });
    expect(zip.byteLength).toBeLessThan(1000);
    expect(() => unpackArtifactZip("7", zip, 1000)).toThrow(
      new ArtifactTooLargeError("7", "unpacked size", 1200, 1000),
    );
  });

  test("refuses what is not a zip", () => {
    expect(() => unpackArtifactZip("7", new TextEncoder().encode("not a zip"))).toThrow();
  });
});
