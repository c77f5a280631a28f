import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { FileChange } from "../platform/platform.js";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The files the onboarding PR adds, read once from this repository's templates. */
export async function loadOnboardingFiles(): Promise<FileChange[]> {
  const workflows = path.join(root, "templates", "workflows");
  const workflowFiles = (await readdir(workflows).catch(() => [])).filter((f) => f.endsWith(".yml")).sort();
  return [
    {
      path: ".github/infracrew.yml",
      content: await readFile(path.join(root, "templates", "config", "infracrew.yml"), "utf8"),
    },
    {
      path: ".github/ISSUE_TEMPLATE/goal-statement.yml",
      content: await readFile(path.join(root, ".github", "ISSUE_TEMPLATE", "goal-statement.yml"), "utf8"),
    },
    ...(await Promise.all(
      workflowFiles.map(async (f) => ({
        path: `.github/workflows/${f}`,
        content: await readFile(path.join(workflows, f), "utf8"),
      })),
    )),
  ];
}
