import type { EffectRow, PrKey } from "../store/store.js";
import type { ConductorDeps } from "./deps.js";
import { executeEffect } from "./effects.js";
import { describeError, retryAt } from "./retry-policy.js";

/** How long one replica holds an effect it is carrying out before another may take it over. */
export const EFFECT_LEASE_MS = 120_000;

/**
 * Carries out one claimed effect and records the outcome: done, put back for a later try, or given up on (logged
 * for a person). Answers whether it was done.
 */
export async function carryOutClaimed(deps: ConductorDeps, effect: EffectRow): Promise<boolean> {
  try {
    await executeEffect(deps, effect);
    await deps.store.finishEffect(effect.id, deps.clock());
    return true;
  } catch (error) {
    const again = retryAt(deps.clock(), effect.attempts, error);
    await deps.store.retryEffect(effect.id, describeError(error), again);
    const details = {
      effect: effect.key,
      kind: effect.kind,
      attempt: effect.attempts,
      err: describeError(error),
    };
    if (again)
      deps.log.warn({ ...details, retryAt: again.toISOString() }, "effect failed; it is tried again");
    else deps.log.error(details, "effect failed for good; a person must look");
    return false;
  }
}

/**
 * Carries out the pending effects of one pull request, in order, each once. A failure stops them: the next must
 * not overtake it; the outbox worker tries it again later. Answers how many were done.
 */
export async function drainEffects(deps: ConductorDeps, key: PrKey): Promise<number> {
  let done = 0;
  for (;;) {
    const effect = await deps.store.claimEffect(
      deps.worker,
      deps.clock(),
      deps.claimMs ?? EFFECT_LEASE_MS,
      key,
    );
    if (!effect || !(await carryOutClaimed(deps, effect))) return done;
    done++;
  }
}
