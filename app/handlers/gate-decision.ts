import {
  claimId,
  judgeApplyRun,
  judgeOidcClaims,
  nonceFromTitle,
  type DispatchRecord,
  type OidcClaims,
  type RunFacts,
} from "../conductor/run-trust.js";

export type GateAnswerValue = "approved" | "rejected";

/** The answer written on a dispatch record: which run attempt it approved, when, and why. */
export interface GateAnswer {
  readonly runId: number;
  readonly runAttempt: number;
  readonly answer: GateAnswerValue;
  readonly at: string;
  readonly reason: string;
}

/**
 * What a compare-and-set of a record's gate answer did: `recorded` (the record had none and now holds this one),
 * `already-answered-same` (it already held this run id, attempt and answer: nothing changed), or `answered-other`
 * (it holds another run, attempt or answer: nothing changed).
 */
export type GateRecordOutcome = "recorded" | "already-answered-same" | "answered-other";

/** What the gate needs from the App's state of record. */
export interface GateStore {
  /** The dispatch recorded with this nonce in this repository (owner/name, matched case-insensitively). */
  findDispatch(repo: string, nonce: string): Promise<DispatchRecord | undefined>;
  /** Sets the record's gate answer only when it has none (see GateRecordOutcome); atomic across replicas. */
  recordGateAnswer(nonce: string, answer: GateAnswer): Promise<GateRecordOutcome>;
  /** The default branch's name (e.g. `main`), or undefined for a repository the App does not serve. */
  defaultBranch(repo: string): Promise<string | undefined>;
}

/** One row of the audit log for a gate answer, approved or not. */
export interface GateAuditEntry {
  readonly via: GateRequest["via"];
  readonly repo: string;
  readonly pr: number | null;
  readonly nonce: string | null;
  readonly runId: number | null;
  readonly runAttempt: number | null;
  readonly answer: GateAnswerValue;
  /** True when this repeats the answer already given to the same run attempt. */
  readonly repeat: boolean;
  readonly reason: string;
  readonly at: string;
}

export interface GateDecisionDeps {
  readonly store: GateStore;
  readonly audit: (entry: GateAuditEntry) => Promise<void>;
  readonly clock: () => Date;
  /** The App's bot login, e.g. infracrew[bot]. */
  readonly appLogin: string;
}

/**
 * A run asking to enter the apply environment: through the gate endpoint (the job's verified OIDC claims and the
 * nonce it presented), or through a deployment_protection_rule event (the run GitHub describes, in a repository).
 */
export type GateRequest =
  | { readonly via: "oidc"; readonly claims: OidcClaims; readonly nonce: string }
  | { readonly via: "protection-rule"; readonly repository: string; readonly run: RunFacts };

export type GateDecision =
  | {
      readonly approved: true;
      readonly dispatch: DispatchRecord;
      readonly repeat: boolean;
      readonly reason: string;
    }
  | { readonly approved: false; readonly reason: string; readonly dispatch?: DispatchRecord };

/** The run, attempt, repository and nonce a request speaks for, read as the judges read them. */
function identify(request: GateRequest) {
  if (request.via === "oidc")
    return {
      repo: request.claims.repository ?? "",
      runId: claimId(request.claims.run_id) ?? null,
      runAttempt: claimId(request.claims.run_attempt) ?? null,
      nonce: request.nonce,
    };
  return {
    repo: request.repository,
    runId: request.run.id,
    runAttempt: request.run.runAttempt,
    nonce: nonceFromTitle(request.run.displayTitle) ?? null,
  };
}

/**
 * Decides whether a run may enter the apply environment, and records it. Only a run the judges trust is approved,
 * and only when the record's gate answer can be set to it (compare-and-set): a dispatch approves one run, one
 * attempt, once. A second request for the same run attempt (GitHub asks once per job in the environment, and a
 * request may be retried) gets the same answer and changes nothing. A refusal is audited but never written on the
 * record: a run the App did not start must not use up the App's dispatch.
 */
export async function decideApplyRun(request: GateRequest, deps: GateDecisionDeps): Promise<GateDecision> {
  const { repo, runId, runAttempt, nonce } = identify(request);
  const at = deps.clock().toISOString();
  const audit = async (decision: GateDecision, repeat = false): Promise<GateDecision> => {
    await deps.audit({
      via: request.via,
      repo,
      pr: decision.dispatch?.pr ?? null,
      nonce,
      runId,
      runAttempt,
      answer: decision.approved ? "approved" : "rejected",
      repeat,
      reason: decision.reason,
      at,
    });
    return decision;
  };

  if (!repo) return audit({ approved: false, reason: "the request names no repository" });
  const defaultBranch = await deps.store.defaultBranch(repo);
  if (defaultBranch === undefined)
    return audit({
      approved: false,
      reason: `the App does not serve ${repo}, so it dispatched nothing there`,
    });
  const record = nonce === null ? undefined : await deps.store.findDispatch(repo, nonce);
  const judgement =
    request.via === "oidc"
      ? judgeOidcClaims(request.claims, record, {
          defaultBranch,
          repository: repo,
          appLogin: deps.appLogin,
          nonce: request.nonce,
        })
      : judgeApplyRun(request.run, record, { defaultBranch, repository: repo, appLogin: deps.appLogin });
  if (!judgement.trusted || !record || runId === null || runAttempt === null)
    return audit({
      approved: false,
      reason: judgement.trusted ? "the run names no run id or attempt" : judgement.reason,
      ...(record ? { dispatch: record } : {}),
    });

  const reason = `run ${runId} attempt ${runAttempt} is the App's ${record.mode} of ${record.repo}#${record.pr} (${record.stack} at ${record.sha.slice(0, 7)}, dispatch n-${record.nonce})`;
  const outcome = await deps.store.recordGateAnswer(record.nonce, {
    runId,
    runAttempt,
    answer: "approved",
    at,
    reason,
  });
  if (outcome === "answered-other")
    return audit({
      approved: false,
      reason: `dispatch n-${record.nonce} was answered for another run while run ${runId} was being checked: a dispatch approves one run, one attempt, once`,
      dispatch: record,
    });
  const repeat = outcome === "already-answered-same";
  return audit({ approved: true, dispatch: record, repeat, reason }, repeat);
}

/** The body of `POST /repos/{o}/{r}/actions/runs/{run_id}/deployment_protection_rule` for a decision. */
export function protectionRuleReview(
  decision: GateDecision,
  environmentName: string,
): { environment_name: string; state: "approved" | "rejected"; comment: string } {
  return {
    environment_name: environmentName,
    state: decision.approved ? "approved" : "rejected",
    comment: `Infracrew: ${decision.reason}`,
  };
}
