import type { Crew } from "../conductor/crew.js";
import type { ConductorObserver, Logger, ReviewNotifier } from "../conductor/deps.js";
import type { Platform } from "../platform/platform.js";
import type { Store } from "../store/store.js";

/** What handling one event for one repository needs: its GitHub, the store, and the app's parts. */
export interface ConductorDeps {
  readonly platform: Platform;
  readonly store: Store;
  readonly clock: () => Date;
  readonly log: Logger;
  /** The app's bot login, e.g. infracrew[bot]. */
  readonly appLogin: string;
  readonly crew: Crew;
  /** A fresh nonce for a dispatch (32 hex); tests pass a predictable one. */
  readonly nonce: () => string;
  readonly notifier?: ReviewNotifier;
  readonly observer?: ConductorObserver;
  /** How long an effect on Slack may take (default 3 s); Slack never holds GitHub up for long. */
  readonly notifierTimeoutMs?: number;
  /** This replica's name in claims (deliveries, effects, timers). */
  readonly worker: string;
  /** How long this replica's claim on an effect holds (default 2 minutes). */
  readonly claimMs?: number;
}

/** The pull request of a repository as the store keys it: `owner/name` and the number. */
export function repoName(deps: Pick<ConductorDeps, "platform">): string {
  return `${deps.platform.repo.owner}/${deps.platform.repo.repo}`;
}
