import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { defaultPolicy, readPolicy } from "../contracts/policy-intake.js";
import type { Result } from "../contracts/problem.js";
import { NAMES } from "../conductor/names.js";
import type { Platform } from "../platform/platform.js";

const PARSED = new Map<string, Result<ResolvedOrgPolicy>>();
const KEPT = 256;

/**
 * The repository's .github/infracrew.yml on its default branch, with defaults; no file means the defaults. The
 * file is read on every call (one request: its blob SHA says whether it changed) and parsed once per blob SHA.
 */
export async function loadPolicy(platform: Platform): Promise<Result<ResolvedOrgPolicy>> {
  const file = await platform.readFileBlob(NAMES.configPath);
  if (file === undefined) return { ok: true, value: defaultPolicy() };
  const known = PARSED.get(file.sha);
  if (known) return known;
  const parsed = readPolicy(file.text);
  if (PARSED.size >= KEPT) PARSED.delete(PARSED.keys().next().value!);
  PARSED.set(file.sha, parsed);
  return parsed;
}
