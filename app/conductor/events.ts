import type { ActorFacts } from "./approval-gate.js";
import type { PrState, ValidationRecord } from "./pr-state.js";

/** Who asked, and through which door. */
export interface Request {
  readonly actor: ActorFacts;
  /** A stable id of what carried the request (a comment id, a Slack action id), for de-duplication. */
  readonly eventId: string;
  readonly via: "comment" | "slack" | "check-run";
  /** The comment to react to, when the request came as one. */
  readonly commentId?: number;
  /** The commit the person was shown (a check-run or Slack button): the request is for that commit only. */
  readonly sha?: string;
}

/** Every event the Conductor reacts to, with the facts the edge gathered. */
export type ConductorEvent =
  /** The goal was edited and planned again: the App pushed `sha` for it. */
  | { readonly type: "replanned"; readonly sha: string; readonly goal: PrState["goal"] }
  /** A new head; `by` is who pushed it (absent when the App did, for the goal's author or editor). */
  | { readonly type: "pushed"; readonly sha: string; readonly by?: string }
  | ({ readonly type: "validation-completed"; readonly runId: string } & ValidationRecord)
  | ({ readonly type: "approve" } & Request)
  | ({ readonly type: "rollback-requested" } & Request)
  | ({ readonly type: "plan-requested" } & Request)
  | ({ readonly type: "unlock-requested" } & Request)
  | {
      readonly type: "lock-acquired";
      /** The PR head re-read after the lock was taken. */
      readonly headSha: string;
      /** The stack's applied revision at that moment (the applied history the store recorded), or null. */
      readonly appliedSha: string | null;
    }
  | {
      readonly type: "lock-held";
      /** The holder, or null when no open pull request has the locked commit. */
      readonly holderPr: number | null;
      /** Who holds the lock and how it is released, ready to post. */
      readonly reason: string;
    }
  /** `/unlock` released the stack lock, at `by`'s request. */
  | { readonly type: "lock-released"; readonly by: string }
  /** `/unlock` released nothing: why, ready to post. */
  | { readonly type: "lock-kept"; readonly reason: string }
  | {
      readonly type: "apply-completed";
      readonly runId: string;
      /** The dispatch the run was bound to (its record's nonce): a result for another dispatch changes nothing. */
      readonly nonce: string;
      readonly mode: "apply" | "rollback";
      readonly sha: string;
      readonly status: "success" | "failure" | "timeout";
      /** When the run began work (ApplyResult.startedAt), for the rollback-begin SLA. */
      readonly startedAt?: string;
      readonly runUrl?: string;
      readonly summary?: string;
    }
  | {
      readonly type: "rollback-started";
      readonly runId: string;
      readonly nonce: string;
      readonly at: string;
      readonly runUrl?: string;
    }
  /** A comment answered without acting (/help, a typo, an argument): answered once, whatever the redeliveries. */
  | { readonly type: "reply-requested"; readonly eventId: string; readonly body: string }
  | { readonly type: "tick" }
  | { readonly type: "closed"; readonly merged: boolean };
