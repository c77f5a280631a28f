import type { OpsEvent } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { PullRequest } from "../platform/platform.js";
import type { Observation } from "./observations.js";
import type { MessageRef, PrState } from "./pr-state.js";
import type { State } from "./states.js";

export interface Logger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
  debug(details: object, message?: string): void;
}

/**
 * The Slack mirror (or any other review channel): told about every visible change, never waited on long by GitHub.
 * Returns where the PR's message lives (the runner keeps it in the state), or undefined when it posted nothing.
 */
export interface ReviewNotifier {
  sync(input: {
    readonly repo: string;
    readonly pr: PullRequest;
    readonly state: PrState;
    readonly policy: ResolvedOrgPolicy;
    /** Where the PR's message already is, from the projection's bookkeeping. */
    readonly message?: MessageRef;
  }): Promise<MessageRef | undefined>;
}

export type Agent = "atlas" | "forge" | "sentinel" | "conductor";

/** Hooks for metrics: every transition, ops event, agent success and measured run. */
export interface ConductorObserver {
  transition(from: State, to: State, stack: string): void;
  opsEvent(event: OpsEvent): void;
  agentSucceeded(agent: Agent): void;
  /** A finished apply or rollback, a rollback that began, a budget brake trip (app/conductor/observations.ts). */
  observed(observation: Observation): void;
  /** LLM tokens an agent spent (none while no LLM is configured). */
  llmTokens(agent: Agent, tokens: number): void;
}

/** ISO-8601 to the second: the form every artifact and state record uses. */
export function isoNow(deps: { readonly clock: () => Date }): string {
  return deps
    .clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}
