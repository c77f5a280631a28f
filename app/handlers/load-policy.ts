import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { defaultPolicy, readPolicy } from "../contracts/policy-intake.js";
import type { Result } from "../contracts/problem.js";
import { NAMES } from "../conductor/names.js";
import type { Platform } from "../platform/platform.js";

/** The repository's .github/infracrew.yml on its default branch, with defaults; no file means the defaults. */
export async function loadPolicy(platform: Platform): Promise<Result<ResolvedOrgPolicy>> {
  const text = await platform.readFile(NAMES.configPath);
  if (text === undefined) return { ok: true, value: defaultPolicy() };
  return readPolicy(text);
}
