import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { Effect } from "./effects.js";
import type { Request } from "./events.js";
import { rememberHandled, type PrState } from "./pr-state.js";
import type { State } from "./states.js";

/** What every transition is made of: its context, its result, and the few ways a result is built. */
export interface TransitionContext {
  readonly now: string;
  readonly policy: ResolvedOrgPolicy;
  /** The app's own login, recorded as the requester of automatic rollbacks. */
  readonly appLogin: string;
  /** A fresh random value for a dispatch this event may make (the runner draws it; the table stays pure). */
  readonly nonce: string;
}

export interface Transition {
  readonly state: PrState;
  readonly effects: readonly Effect[];
  /** Why nothing happened, for the log; set on every no-op. */
  readonly noop?: string;
}

export const short = (sha: string): string => sha.slice(0, 7);
export const minutes = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

export const SHOWN: readonly Effect[] = [
  { type: "sync-sticky" },
  { type: "sync-conductor-check" },
  { type: "sync-slack" },
];

export function noop(state: PrState, why: string): Transition {
  return { state, effects: [], noop: why };
}

export function moveTo(
  state: PrState,
  next: State,
  patch: Partial<PrState>,
  effects: readonly Effect[],
): Transition {
  const changed = next !== state.state;
  return {
    state: { ...state, ...patch, state: next },
    effects: [...(changed ? [{ type: "set-label", state: next } as const] : []), ...effects, ...SHOWN],
  };
}

export function stay(state: PrState, patch: Partial<PrState>, effects: readonly Effect[]): Transition {
  return { state: { ...state, ...patch }, effects: [...effects, ...SHOWN] };
}

/** What a request asks, for the audit log. */
export type RequestAction = "approve" | "rollback" | "plan" | "unlock";

/** Answers a request that cannot proceed: a reply, remembered so a redelivery does not answer twice, and audited. */
export function refuse(
  state: PrState,
  request: Request & { readonly type: string },
  body: string,
): Transition {
  return {
    state: rememberHandled(state, request.eventId),
    effects: [
      { type: "reply", body },
      auditRequest(state, request, "refused", body),
      { type: "sync-sticky" },
    ],
  };
}

export function accepted(
  state: PrState,
  request: Request & { readonly type: string },
  reason: string,
): Effect[] {
  return [
    ...(request.commentId !== undefined ? [{ type: "react", commentId: request.commentId } as const] : []),
    auditRequest(state, request, "accepted", reason),
  ];
}

const ACTIONS: Record<string, RequestAction> = {
  approve: "approve",
  "rollback-requested": "rollback",
  "plan-requested": "plan",
  "unlock-requested": "unlock",
};

function auditRequest(
  state: PrState,
  request: Request & { readonly type: string },
  decision: "accepted" | "refused",
  reason: string,
): Effect {
  return {
    type: "audit",
    action: `${ACTIONS[request.type] ?? request.type} (${request.via})`,
    decision,
    actor: request.actor.login,
    sha: request.sha ?? state.headSha,
    reason,
  };
}
