/**
 * The database's versions, oldest first. Each runs once, in its own transaction, and is recorded in
 * schema_migrations; a released migration is never edited, a change is a new one. The same SQL runs on
 * PostgreSQL and on PGlite (PostgreSQL compiled to WebAssembly), so both stores have one schema.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "state of record, queue, outbox, timers, audit",
    sql: `
-- The installation that reaches each repository, so timers and the outbox can act without a webhook.
CREATE TABLE repos (
  repo            text PRIMARY KEY,
  installation_id bigint NOT NULL,
  default_branch  text,
  updated_at      timestamptz NOT NULL
);

-- Webhook deliveries, stored (by GitHub's delivery id) before they are acknowledged: the durable queue.
CREATE TABLE deliveries (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  action          text,
  installation_id bigint,
  repo            text,
  payload         jsonb NOT NULL,
  received_at     timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  run_after       timestamptz NOT NULL,
  locked_by       text,
  locked_until    timestamptz,
  outcome         text,
  last_error      text,
  finished_at     timestamptz
);
CREATE INDEX deliveries_ready ON deliveries (run_after) WHERE status IN ('queued', 'running');

-- A goal filed as an issue, and the people who wrote or edited it (for the self-approval rule).
CREATE TABLE goals (
  repo           text NOT NULL,
  issue          integer NOT NULL,
  name           text NOT NULL,
  hash           text NOT NULL,
  author         text NOT NULL,
  editors        jsonb NOT NULL DEFAULT '[]',
  budget_usd     double precision NOT NULL,
  pr             integer,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (repo, issue)
);
CREATE UNIQUE INDEX goals_name ON goals (repo, name);

-- The Conductor's state of each goal pull request; every change is a compare-and-swap on version.
CREATE TABLE pull_requests (
  repo        text NOT NULL,
  pr          integer NOT NULL,
  stack       text NOT NULL,
  version     bigint NOT NULL,
  state       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (repo, pr)
);
CREATE INDEX pull_requests_state ON pull_requests ((state->>'state'));

-- Approvals, one row each; a push voids them (voided_at), it never deletes them.
CREATE TABLE approvals (
  repo       text NOT NULL,
  pr         integer NOT NULL,
  sha        text NOT NULL,
  login      text NOT NULL,
  via        text NOT NULL,
  at         timestamptz NOT NULL,
  voided_at  timestamptz,
  PRIMARY KEY (repo, pr, sha, login)
);

-- What the App last wrote to GitHub and Slack for a pull request (ids to update in place). Bookkeeping only:
-- no decision reads it.
CREATE TABLE projections (
  repo        text NOT NULL,
  pr          integer NOT NULL,
  data        jsonb NOT NULL,
  PRIMARY KEY (repo, pr)
);

-- One lock per stack: whoever inserts the row holds it.
CREATE TABLE locks (
  repo        text NOT NULL,
  stack       text NOT NULL,
  pr          integer NOT NULL,
  sha         text NOT NULL,
  acquired_at timestamptz NOT NULL,
  PRIMARY KEY (repo, stack)
);

-- Every revision applied (or, with sha NULL, destroyed) on a stack, newest last: rollback targets come only from here.
CREATE TABLE applied (
  id      bigserial PRIMARY KEY,
  repo    text NOT NULL,
  stack   text NOT NULL,
  sha     text,
  pr      integer NOT NULL,
  at      timestamptz NOT NULL
);
CREATE INDEX applied_stack ON applied (repo, stack, id);

-- Workflow dispatches, recorded with their nonce before they are sent; the gate approves one run of each, once.
CREATE TABLE dispatches (
  nonce            text PRIMARY KEY,
  repo             text NOT NULL,
  pr               integer NOT NULL,
  stack            text NOT NULL,
  workflow         text NOT NULL,
  mode             text NOT NULL,
  sha              text NOT NULL,
  target_sha       text,
  plan             jsonb,
  ref              text NOT NULL,
  created_at       timestamptz NOT NULL,
  run_id           bigint,
  gate             jsonb
);
CREATE UNIQUE INDEX dispatches_run ON dispatches (repo, run_id) WHERE run_id IS NOT NULL;
CREATE INDEX dispatches_pr ON dispatches (repo, pr, created_at);

-- Effects on GitHub and Slack, written in the same transaction as the state that asks for them.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  key           text NOT NULL UNIQUE,
  repo          text NOT NULL,
  pr            integer,
  kind          text NOT NULL,
  payload       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts      integer NOT NULL DEFAULT 0,
  run_after     timestamptz NOT NULL,
  locked_by     text,
  locked_until  timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL,
  done_at       timestamptz
);
CREATE INDEX outbox_ready ON outbox (run_after, id) WHERE status = 'pending';

-- Timers (the apply timeout, the rollback SLA, run reconciliation): rows with a due time, claimed by one replica.
CREATE TABLE timers (
  repo          text NOT NULL,
  pr            integer NOT NULL,
  kind          text NOT NULL,
  due_at        timestamptz NOT NULL,
  claimed_by    text,
  claimed_until timestamptz,
  PRIMARY KEY (repo, pr, kind)
);
CREATE INDEX timers_due ON timers (due_at);

-- Every decision, append-only.
CREATE TABLE audit (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  repo      text NOT NULL,
  pr        integer,
  actor     text NOT NULL,
  action    text NOT NULL,
  decision  text NOT NULL,
  sha       text,
  reason    text NOT NULL,
  details   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_pr ON audit (repo, pr, id);
`,
  },
  {
    version: 2,
    name: "the VPC ranges each goal's design takes",
    sql: `
-- Atlas picks a new stack's range clear of these, so two stacks of one repository never share one.
ALTER TABLE goals ADD COLUMN cidrs jsonb NOT NULL DEFAULT '[]';
`,
  },
];
