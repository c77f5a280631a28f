import type { ResolvedOrgPolicy } from "./generated/org-policy.js";
import { LIMITS, formatBytes } from "./limits.js";
import { parseYaml } from "./parse-text.js";
import { fail, showValue, type Result } from "./problem.js";
import { validateWithDefaults } from "./validator.js";

export type { ResolvedOrgPolicy };

/** The policy in force when a repository has no .github/infracrew.yml. */
export function defaultPolicy(): ResolvedOrgPolicy {
  const resolved = validateWithDefaults("OrgPolicy", {});
  if (!resolved.ok) throw new Error("the OrgPolicy schema's defaults do not validate");
  return resolved.value as ResolvedOrgPolicy;
}

/** Reads .github/infracrew.yml (YAML or JSON) and applies the schema's defaults. Never throws for bad input. */
export function readPolicy(text: string): Result<ResolvedOrgPolicy> {
  const size = Buffer.byteLength(text, "utf8");
  if (size > LIMITS.artifactBytes) {
    return fail([
      {
        path: "",
        message: `the config is too large (${formatBytes(size)}; the limit is ${formatBytes(LIMITS.artifactBytes)})`,
      },
    ]);
  }
  if (text.trim() === "") return validateWithDefaults("OrgPolicy", {}) as Result<ResolvedOrgPolicy>;
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const data = parsed.value ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail([{ path: "", message: `the config must be a mapping of settings (got ${showValue(data)})` }]);
  }
  return validateWithDefaults("OrgPolicy", data) as Result<ResolvedOrgPolicy>;
}
