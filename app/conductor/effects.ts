import type { SavedPlanRef } from "./dispatch-record.js";
import type { State } from "./states.js";

export type OpsEventType = "sla-breach" | "apply-failed" | "budget-brake" | "drift" | "scan";

/** What the effect runner does on GitHub (and Slack) after a transition. Pure code only names them. */
export type Effect =
  | { readonly type: "set-label"; readonly state: State }
  | { readonly type: "sync-sticky" }
  | { readonly type: "sync-conductor-check" }
  | { readonly type: "sync-slack" }
  | { readonly type: "reply"; readonly body: string }
  | { readonly type: "react"; readonly commentId: number }
  | { readonly type: "acquire-lock" }
  | { readonly type: "release-lock" }
  /** A person asked: release the lock if this PR holds it (or nobody does), else say who holds it. */
  | { readonly type: "unlock"; readonly by: string }
  | {
      readonly type: "dispatch-apply";
      readonly mode: "apply" | "rollback";
      readonly sha: string;
      /** A rollback's target: the last known-good revision, or null (destroy what a first apply created). */
      readonly targetSha: string | null;
      /** Recorded with the dispatch before it is sent; the gate and the result are bound to it. */
      readonly nonce: string;
      /** An apply's saved plan, the one Sentinel passed. */
      readonly plan: SavedPlanRef | null;
    }
  | { readonly type: "dispatch-plan"; readonly sha: string; readonly nonce: string }
  /** A decision for the append-only audit log. */
  | {
      readonly type: "audit";
      readonly action: string;
      readonly decision: string;
      readonly actor: string;
      readonly sha: string | null;
      readonly reason: string;
    }
  | { readonly type: "record-applied"; readonly sha: string | null }
  | { readonly type: "merge" }
  | { readonly type: "close-goal"; readonly summary: string }
  | {
      readonly type: "ops-event";
      readonly event: OpsEventType;
      readonly severity: "critical" | "warning" | "info";
      readonly message: string;
      readonly details: Readonly<Record<string, string | number | boolean>>;
    }
  /** Another delivery is already doing this work: drop this one's pending writes. */
  | { readonly type: "abandon" };
