/** The `plan-key` input: masked before anything else is done with it, then read as the AES-256 plan key. */
import { readPlanKey, type KeyRead } from "./plan-crypto.js";
import type { Core } from "./toolkit.js";

export const PLAN_KEY_INPUT = "plan-key";

/**
 * Reads the plan key. It is masked first, whatever it holds, and it is never echoed: a problem says what is wrong
 * with it, not what it is. (The generic input reader quotes bad values, so the key does not go through it.)
 */
export function readKeyInput(core: Core): KeyRead {
  const raw = core.getInput(PLAN_KEY_INPUT);
  if (raw.trim() !== "") core.setSecret(raw.trim());
  return readPlanKey(raw);
}
