import type { Permission } from "../../app/conductor/approval-gate.js";
import type { ConductorDeps } from "../../app/runtime/deps.js";
import { branchFor, NAMES } from "../../app/conductor/names.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import { labelFor } from "../../app/conductor/states.js";
import { renderSticky } from "../../app/render/sticky-comment.js";
import { fakeDeps } from "./conductor-deps.js";
import { policyWith } from "./policies.js";

export const PR_NUMBER = 12;

/** The .github/infracrew.yml of the Slack tests: one approval, #infra-reviews. */
export const SLACK_CONFIG = ["approvals:", "  required: 1", "slack:", '  channel: "#infra-reviews"', ""].join(
  "\n",
);

/** The App's Slack identity map of the Slack tests (INFRACREW_SLACK_USERS): two mapped Slack users. */
export const SLACK_USERS = { U0BOB: "bob", U0MALLORY: "mallory" } as const;

export interface GoalPrOptions extends Pick<
  ConductorDeps,
  "notifier" | "observer" | "notifierTimeoutMs" | "store"
> {
  readonly config?: string;
  readonly permissions?: Record<string, Permission>;
  readonly now?: string;
  /** A clock that moves, for journeys; `now` is a fixed one. */
  readonly clock?: () => Date;
  /** The PR's number (default PR_NUMBER). */
  readonly number?: number;
}

/**
 * Goal PR acme/infra#12 from infracrew/<stack> at the state's head SHA, `state` in the store with its goal, its
 * sticky comment and its goal issue, on the FakePlatform of `fakeDeps()` whose default branch holds `config`; bob
 * may write and mallory read unless told otherwise; the Slack identity map is SLACK_USERS.
 */
export async function goalPr(state: PrState, options: GoalPrOptions) {
  const {
    config = SLACK_CONFIG,
    permissions = { bob: "write", mallory: "read" },
    now = "2026-11-27T12:05:00Z",
    clock = () => new Date(now),
    number = PR_NUMBER,
    ...hooks
  } = options;
  const deps = fakeDeps({ clock, ...hooks });
  const platform = deps.platform;
  platform.seedFiles(platform.defaultBranch, { [NAMES.configPath]: config });
  platform.seedIssue([NAMES.goalLabel], state.goal.issue);
  const pr = platform.seedPullRequest({
    number,
    branch: branchFor(state.stack),
    headSha: state.headSha,
    title: `infra(${state.stack}): web-api in eu-west-1`,
    author: deps.appLogin,
    labels: [labelFor(state.state)],
  });
  const sticky = platform.seedComment(pr.number, renderSticky(state, policyWith()));
  for (const [login, permission] of Object.entries(permissions)) platform.seedPermission(login, permission);
  const key = { repo: "acme/infra", pr: pr.number };
  await deps.store.read.upsertRepo(key.repo, 2, platform.defaultBranch, clock());
  await deps.store.read.createPr(key, state, clock());
  await deps.store.read.saveProjection(key, {
    label: labelFor(state.state),
    sticky: { id: sticky.id, hash: "" },
  });
  return { pr, platform, deps, log: deps.log };
}
