import type { DispatchRecord } from "../../app/conductor/run-trust.js";
import type {
  GateAnswer,
  GateAuditEntry,
  GateRecordOutcome,
  GateStore,
} from "../../app/handlers/gate-decision.js";

export const GATE_NONCE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
export const APPROVED_SHA = "1111111111111111111111111111111111111111";

/** The App's record of an apply of acme/infra#12 (orders-api), dispatched on main. */
export function applyDispatch(overrides: Partial<DispatchRecord> = {}): DispatchRecord {
  return {
    nonce: GATE_NONCE,
    repo: "acme/infra",
    pr: 12,
    stack: "orders-api",
    workflow: "infracrew-apply.yml",
    mode: "apply",
    sha: APPROVED_SHA,
    targetSha: null,
    plan: { runId: 100, artifactId: 200, sha256: "f".repeat(64) },
    ref: "main",
    createdAt: "2026-11-27T11:59:00Z",
    runId: null,
    gate: null,
    ...overrides,
  };
}

/**
 * The gate's store in memory, with the compare-and-set the SQL store does: a record's gate answer is set only when
 * it has none. Repositories are matched case-insensitively, as GitHub names them.
 */
export function fakeGateStore(
  records: readonly DispatchRecord[] = [applyDispatch()],
  defaultBranches: Readonly<Record<string, string>> = { "acme/infra": "main" },
) {
  const byNonce = new Map(records.map((r) => [r.nonce, r]));
  const audit: GateAuditEntry[] = [];
  const answers: { nonce: string; answer: GateAnswer; outcome: GateRecordOutcome }[] = [];
  const lookups: { repo: string; nonce: string }[] = [];
  const store: GateStore = {
    async findDispatch(repo, nonce) {
      lookups.push({ repo, nonce });
      const record = byNonce.get(nonce);
      return record && record.repo.toLowerCase() === repo.toLowerCase() ? record : undefined;
    },
    async recordGateAnswer(nonce, answer) {
      const record = byNonce.get(nonce);
      if (!record) throw new Error(`no record ${nonce}`);
      const gate = record.gate;
      const outcome: GateRecordOutcome = !gate
        ? "recorded"
        : gate.runId === answer.runId &&
            gate.runAttempt === answer.runAttempt &&
            gate.answer === answer.answer
          ? "already-answered-same"
          : "answered-other";
      if (outcome === "recorded") {
        const { runId, runAttempt, answer: value, at } = answer;
        byNonce.set(nonce, { ...record, gate: { runId, runAttempt, answer: value, at } });
      }
      answers.push({ nonce, answer, outcome });
      return outcome;
    },
    async defaultBranch(repo) {
      return Object.entries(defaultBranches).find(([name]) => name.toLowerCase() === repo.toLowerCase())?.[1];
    },
  };
  return {
    store,
    audit,
    answers,
    lookups,
    record: (nonce = GATE_NONCE) => byNonce.get(nonce),
    recordAudit: async (entry: GateAuditEntry) => void audit.push(entry),
  };
}
