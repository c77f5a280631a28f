import type { StepFailure } from "./terraform.js";
import type { Toolkit } from "./toolkit.js";

/** Refuses to go on unless the checked-out commit is exactly `sha` (Atlantis's rule: run only what was reviewed). */
export async function checkHead(
  toolkit: Toolkit,
  sha: string,
  what: string,
): Promise<StepFailure | undefined> {
  const head = await toolkit.exec("git", ["rev-parse", "HEAD"], { silent: true });
  const actual = head.stdout.trim();
  if (head.exitCode === 0 && actual === sha) return undefined;
  return {
    phase: "refused",
    message:
      head.exitCode === 0
        ? `the checkout is at ${actual}, not ${what} ${sha}; check out that commit (actions/checkout with ref: ${sha})`
        : `could not read the checked-out commit (git rev-parse HEAD exited ${head.exitCode})`,
  };
}
