import { contentHash } from "../../contracts/canonical.js";
import type { GoalRef } from "../../contracts/generated/validation-result.js";

const NAME = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

/**
 * The goal reference of a check made without a goal (no ValidateRequest, no planspec.json): it names the
 * stack directory when that is a valid name, else `local-check`, and hashes that name.
 */
export function placeholderGoalRef(dir: string | undefined): GoalRef {
  const base = (dir ?? "").replace(/\/+$/, "").split("/").pop()!.toLowerCase();
  const name = NAME.test(base) ? base : "local-check";
  return { name, hash: contentHash({ localCheck: name }) };
}
