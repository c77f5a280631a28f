import { sameRepository } from "../conductor/run-trust.js";
import type { Store } from "../store/store.js";
import type { GateAuditEntry, GateDecisionDeps, GateStore } from "./gate-decision.js";

/**
 * The gate's view of the state of record: dispatch records by nonce, the gate answer set by compare-and-set together
 * with the run it approved (one transaction), and the repository's default branch as its webhooks said.
 */
export function storeGate(store: Store): GateStore {
  return {
    async findDispatch(repo, nonce) {
      const record = await store.read.getDispatch(nonce);
      return record && sameRepository(record.repo, repo) ? record : undefined;
    },
    recordGateAnswer: (nonce, answer) =>
      store.transaction(async (tx) => {
        if (!(await tx.setDispatchRun(nonce, answer.runId))) return "answered-other";
        const outcome = await tx.answerGate(nonce, answer);
        return outcome === "unknown" ? "answered-other" : outcome;
      }),
    async defaultBranch(repo) {
      return (await store.read.getRepo(repo))?.defaultBranch ?? undefined;
    },
  };
}

/** A gate answer as a row of the audit log. */
export function auditGate(store: Store, appLogin: string): GateDecisionDeps["audit"] {
  return (entry: GateAuditEntry) =>
    store.read.audit({
      at: entry.at.replace(/\.\d{3}Z$/, "Z"),
      repo: entry.repo,
      pr: entry.pr,
      actor: appLogin,
      action: `gate (${entry.via})`,
      decision: entry.answer,
      sha: null,
      reason: entry.reason,
      details: {
        runId: entry.runId,
        runAttempt: entry.runAttempt,
        nonce: entry.nonce,
        repeat: entry.repeat,
      },
    });
}
