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

/** Answers a request that cannot proceed: a reply, remembered so a redelivery does not answer twice. */
export function refuse(state: PrState, request: Request, body: string): Transition {
  return {
    state: rememberHandled(state, request.eventId),
    effects: [{ type: "reply", body }, { type: "sync-sticky" }],
  };
}

export function accepted(request: Request): Effect[] {
  return request.commentId !== undefined ? [{ type: "react", commentId: request.commentId }] : [];
}
