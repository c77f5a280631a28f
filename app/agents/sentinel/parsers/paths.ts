import type { InputSource } from "./input.js";

/** Where GitHub Actions mounts the workspace in container actions (tfsec's and Checkov's images). */
export const DEFAULT_ROOTS: readonly string[] = ["/github/workspace"];

function clean(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function underRoot(path: string, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    const prefix = root.replace(/\/+$/, "");
    if (prefix !== "" && path.startsWith(`${prefix}/`)) return clean(path.slice(prefix.length + 1));
  }
  return undefined;
}

/**
 * Makes a path from tool output relative to the repository root: an absolute path under a known root loses
 * the root; a relative path is taken as relative to the scanned directory. An absolute path elsewhere is
 * kept as the tool wrote it, since there is no honest way to place it.
 */
export function repoPath(path: string, source: InputSource): string {
  const roots = [...(source.roots ?? []), ...DEFAULT_ROOTS];
  if (path.startsWith("/")) return underRoot(path, roots) ?? path;
  return clean(source.scanDir ? `${source.scanDir}/${path}` : path);
}

/** For tools that write paths inside the scanned directory with a leading slash (Checkov's `/main.tf`). */
export function scanRelativePath(path: string, source: InputSource): string {
  return clean(source.scanDir ? `${source.scanDir}/${path}` : path);
}
