import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { defaultPolicy } from "../contracts/policy-intake.js";
import type { Result } from "../contracts/problem.js";
import { NAMES } from "../conductor/names.js";
import type { Platform } from "../platform/platform.js";
import { PolicyCache } from "./policy-cache.js";

const POLICIES = new PolicyCache();

/**
 * The repository's .github/infracrew.yml on its default branch, with defaults; no file means the defaults. The
 * file is read on every call (one request: its blob SHA says which version it is) and parsed once per blob SHA.
 */
export async function loadPolicy(platform: Platform): Promise<Result<ResolvedOrgPolicy>> {
  const file = await platform.readFileBlob(NAMES.configPath);
  if (file === undefined) return { ok: true, value: defaultPolicy() };
  return POLICIES.policyFor(file.sha, file.text);
}
