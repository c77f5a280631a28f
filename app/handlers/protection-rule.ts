import { APPLY_ENVIRONMENT, runIdFromCallbackUrl } from "../conductor/run-trust.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import { decideApplyRun, protectionRuleReview } from "./gate-decision.js";
import { auditGate, storeGate } from "./store-gate.js";

export interface ProtectionRuleRequest {
  readonly environment: string;
  readonly callbackUrl: string;
  /** GitHub's API root, for the callback URL check (GHES: https://<host>/api/v3). */
  readonly apiBaseUrl?: string;
}

/**
 * GitHub asks the App's custom deployment protection rule whether a run may enter `infracrew-apply`. The App reads
 * the run from GitHub (the event names it only in its callback URL) and approves only a run it dispatched for a
 * recorded (PR, SHA, stack, mode, nonce), once (app/handlers/gate-decision.ts); every other run is rejected with
 * the reason, and every answer is audited.
 */
export async function handleProtectionRule(
  deps: ConductorDeps,
  request: ProtectionRuleRequest,
): Promise<string> {
  const repo = repoName(deps);
  const runId = runIdFromCallbackUrl(request.callbackUrl, {
    repo,
    ...(request.apiBaseUrl ? { apiBaseUrl: request.apiBaseUrl } : {}),
  });
  if (runId === undefined) {
    deps.log.warn(
      { url: request.callbackUrl.slice(0, 200) },
      "deployment protection rule: no run in the callback URL",
    );
    return "ignored: no run in the callback URL";
  }
  const review = async (state: "approved" | "rejected", comment: string): Promise<string> => {
    await deps.platform.reviewDeploymentProtectionRule(runId, request.environment, state, comment);
    return `${state}: ${comment}`;
  };
  if (request.environment !== APPLY_ENVIRONMENT)
    return review(
      "rejected",
      `Infracrew guards the environment ${APPLY_ENVIRONMENT} only, not ${request.environment}.`,
    );
  const run = await deps.platform.getWorkflowRun(runId);
  if (!run) return review("rejected", `Infracrew: run ${runId} does not exist in ${repo}.`);
  const decision = await decideApplyRun(
    { via: "protection-rule", repository: repo, run },
    {
      store: storeGate(deps.store),
      audit: auditGate(deps.store, deps.appLogin),
      clock: deps.clock,
      appLogin: deps.appLogin,
    },
  );
  const { state, comment } = protectionRuleReview(decision, request.environment);
  return review(state, comment);
}
