import type { OpsEvent } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { Platform, PullRequest } from "../platform/platform.js";
import type { Crew } from "./crew.js";
import type { PrState } from "./pr-state.js";
import type { State } from "./states.js";

export interface Logger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
  debug(details: object, message?: string): void;
}

/** The Slack mirror (or any other review channel): told about every visible change, never waited on by GitHub. */
export interface ReviewNotifier {
  sync(input: {
    readonly repo: string;
    readonly pr: PullRequest;
    readonly state: PrState;
    readonly policy: ResolvedOrgPolicy;
  }): Promise<void>;
}

/** Hooks for metrics: every transition, dispatch and ops event. */
export interface ConductorObserver {
  transition(from: State, to: State, stack: string): void;
  opsEvent(event: OpsEvent): void;
  agentSucceeded(agent: "atlas" | "forge" | "sentinel" | "conductor"): void;
}

export interface ConductorDeps {
  readonly platform: Platform;
  readonly clock: () => Date;
  readonly log: Logger;
  /** The app's bot login, e.g. infracrew[bot]. */
  readonly appLogin: string;
  readonly crew: Crew;
  readonly notifier?: ReviewNotifier;
  readonly observer?: ConductorObserver;
}

/** ISO-8601 to the second: the form every artifact and state record uses. */
export function isoNow(deps: Pick<ConductorDeps, "clock">): string {
  return deps
    .clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}
