import type { Permission } from "../../app/conductor/approval-gate.js";
import type { ConductorDeps, ConductorObserver, ReviewNotifier } from "../../app/conductor/deps.js";
import { NAMES } from "../../app/conductor/names.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import { labelFor } from "../../app/conductor/states.js";
import type { PullRequest } from "../../app/platform/platform.js";
import { renderSticky } from "../../app/render/sticky-comment.js";
import { memoryLog } from "./memory-log.js";
import { MemoryPlatform } from "./memory-platform.js";
import { policyWith } from "./policies.js";

export const REPO = { owner: "acme", repo: "infra" } as const;
export const PR_NUMBER = 12;

/** The .github/infracrew.yml of the Slack tests: one approval, #infra-reviews, two mapped Slack users. */
export const SLACK_CONFIG = [
  "approvals:",
  "  required: 1",
  "slack:",
  '  channel: "#infra-reviews"',
  "  users:",
  "    U0BOB: bob",
  "    U0MALLORY: mallory",
  "",
].join("\n");

export interface GoalPrOptions {
  readonly config?: string;
  readonly permissions?: Record<string, Permission>;
  readonly notifier?: ReviewNotifier;
  readonly observer?: ConductorObserver;
  readonly notifierTimeoutMs?: number;
  readonly now?: string;
  /** A clock that moves, for journeys; `now` is a fixed one. */
  readonly clock?: () => Date;
}

/** Goal PR acme/infra#12 on branch infracrew/<stack>, with its sticky comment carrying `state`. */
export function goalPr(state: PrState, options: GoalPrOptions = {}) {
  const config = options.config ?? SLACK_CONFIG;
  const pr: PullRequest = {
    number: PR_NUMBER,
    url: `https://github.com/${REPO.owner}/${REPO.repo}/pull/${PR_NUMBER}`,
    headSha: state.headSha,
    headRef: `${NAMES.branchPrefix}${state.stack}`,
    baseRef: "main",
    title: `infra(${state.stack}): web-api in eu-west-1`,
    body: "",
    state: "open",
    merged: false,
    labels: [labelFor(state.state)],
    author: "infracrew[bot]",
  };
  const platform = new MemoryPlatform(
    REPO,
    new Map([[pr.number, pr]]),
    { [NAMES.configPath]: config },
    options.permissions ?? { bob: "write", mallory: "read" },
  );
  platform.comments.set(pr.number, [{ id: 1, body: renderSticky(state, policyWith()) }]);
  const log = memoryLog();
  const deps: ConductorDeps = {
    platform,
    clock: options.clock ?? (() => new Date(options.now ?? "2026-11-27T12:05:00Z")),
    log,
    appLogin: "infracrew[bot]",
    crew: {
      design: () => {
        throw new Error("no design in these tests");
      },
      render: () => {
        throw new Error("no render in these tests");
      },
    },
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.notifierTimeoutMs !== undefined ? { notifierTimeoutMs: options.notifierTimeoutMs } : {}),
  };
  return { pr, platform, deps, log };
}
