import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { FileChange } from "../platform/platform.js";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The note the templates carry on each Infracrew action, which pinning replaces. */
const UNPINNED =
  /(uses: infracrew\/infracrew\/actions\/[a-z0-9-]+)@v0 # onboarding pins this to INFRACREW_ACTIONS_SHA when set/g;

/**
 * The workflows reference the Infracrew actions at @v0. When the App knows the commit of Infracrew it runs
 * (INFRACREW_ACTIONS_SHA, a full commit SHA of infracrew/infracrew), onboarding pins them to it, as the third-party
 * actions are pinned; anything else leaves the templates as they are.
 */
export function pinInfracrewActions(text: string, sha: string | undefined): string {
  if (sha === undefined || !/^[0-9a-f]{40}$/.test(sha)) return text;
  return text.replace(UNPINNED, `$1@${sha} # the Infracrew commit this repository was onboarded from`);
}

/**
 * The files the onboarding PR adds, read once from this repository's templates, with the Infracrew actions pinned to
 * `actionsSha` when it is a commit SHA.
 */
export async function loadOnboardingFiles(
  actionsSha: string | undefined = process.env.INFRACREW_ACTIONS_SHA,
): Promise<FileChange[]> {
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
        content: pinInfracrewActions(await readFile(path.join(workflows, f), "utf8"), actionsSha),
      })),
    )),
  ];
}
