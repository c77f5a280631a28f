import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export function repoPath(...segments: string[]): string {
  return path.join(REPO_ROOT, ...segments);
}

export function readRepoFile(...segments: string[]): string {
  return readFileSync(repoPath(...segments), "utf8");
}

export function listRepoDir(...segments: string[]): string[] {
  return readdirSync(repoPath(...segments)).sort();
}
