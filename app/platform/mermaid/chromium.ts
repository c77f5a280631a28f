import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { ChromiumMissingError, type ChromiumSource } from "./errors.js";

export type Env = Readonly<Record<string, string | undefined>>;

export interface ChromiumCandidate {
  readonly path: string;
  readonly source: ChromiumSource;
}

export const defaultChromiumPath = "/usr/bin/chromium";

export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export function chromiumCandidate(env: Env): ChromiumCandidate {
  for (const source of ["PUPPETEER_EXECUTABLE_PATH", "CHROMIUM_PATH"] as const) {
    const path = env[source]?.trim();
    if (path) return { path, source };
  }
  return { path: defaultChromiumPath, source: "default" };
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function findChromium(env: Env = process.env): Promise<string | undefined> {
  const { path } = chromiumCandidate(env);
  return (await isExecutableFile(path)) ? path : undefined;
}

export async function requireChromium(candidate: ChromiumCandidate): Promise<string> {
  if (await isExecutableFile(candidate.path)) return candidate.path;
  throw new ChromiumMissingError(candidate.path, candidate.source);
}
