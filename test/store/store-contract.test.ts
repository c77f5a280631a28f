import { beforeEach, describe, expect, it } from "vitest";
import type { DispatchRecord } from "../../app/conductor/dispatch-record.js";
import { MIGRATIONS } from "../../app/store/migrations.js";
import { migrate } from "../../app/store/migrate.js";
import { pgClient } from "../../app/store/pg-client.js";
import type { PrKey, Store } from "../../app/store/store.js";
import { prState, SHA_A, SHA_B } from "../support/pr-states.js";
import { freshDatabase, STORE_KINDS, useTestStore } from "../support/test-stores.js";

const T0 = new Date("2026-11-27T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const KEY: PrKey = { repo: "acme/infra", pr: 12 };

function delivery(id: string, seconds = 0) {
  return {
    id,
    name: "issue_comment",
    action: "created",
    installationId: 2,
    repo: "acme/infra",
    payload: { n: id },
    receivedAt: at(seconds),
  };
}

function dispatch(nonce: string, over: Partial<DispatchRecord> = {}): DispatchRecord {
  return {
    nonce,
    repo: "acme/infra",
    pr: 12,
    stack: "checkout-api",
    workflow: "infracrew-apply.yml",
    mode: "apply",
    sha: SHA_A,
    targetSha: null,
    plan: { runId: 301, artifactId: 3011, sha256: "e".repeat(64) },
    ref: "main",
    createdAt: "2026-11-27T12:00:00Z",
    runId: null,
    gate: null,
    ...over,
  };
}

describe.each(STORE_KINDS)("the store contract on %s", (kind) => {
  const storeOf = useTestStore(kind);
  let store: Store;
  beforeEach(() => {
    store = storeOf();
  });
  const claim = async (worker: string, now: Date, leaseMs: number) =>
    (await store.claimDeliveries(worker, now, leaseMs, 1))[0];

  describe("deliveries: stored once, claimed once, retried, given up", () => {
    it("stores a delivery once by its id: a redelivery is a duplicate", async () => {
      expect(await store.enqueueDelivery(delivery("d1"))).toBe("queued");
      expect(await store.enqueueDelivery(delivery("d1"))).toBe("duplicate");
      expect(await store.queueCounts()).toMatchObject({ queued: 1 });
    });

    it("stores deliveries that arrive together in one write, and still tells a redelivery among them", async () => {
      const answers = await Promise.all(
        ["d1", "d2", "d1", "d3"].map((id) => store.enqueueDelivery(delivery(id))),
      );
      expect(answers.filter((a) => a === "queued")).toHaveLength(3);
      expect(answers.filter((a) => a === "duplicate")).toHaveLength(1);
      expect(await store.queueCounts()).toMatchObject({ queued: 3 });
    });

    it("hands each due delivery to one worker, oldest first, with its payload", async () => {
      await store.enqueueDelivery(delivery("d2", 2));
      await store.enqueueDelivery(delivery("d1", 1));
      const first = await claim("w1", at(10), 60_000);
      const second = await claim("w2", at(10), 60_000);
      expect(first).toMatchObject({ id: "d1", attempts: 1, payload: { n: "d1" }, installationId: 2 });
      expect(second?.id).toBe("d2");
      expect(await claim("w3", at(10), 60_000)).toBeUndefined();
    });

    it("gives a delivery whose worker died (its claim expired) to another worker", async () => {
      await store.enqueueDelivery(delivery("d1"));
      await claim("dead-worker", at(1), 30_000);
      expect(await claim("w2", at(20), 30_000)).toBeUndefined();
      const again = await claim("w2", at(40), 30_000);
      expect(again).toMatchObject({ id: "d1", attempts: 2 });
      // The dead worker's late finish changes nothing: the claim is no longer its own.
      await store.finishDelivery("d1", "dead-worker", "late", at(41));
      expect(await store.queueCounts()).toMatchObject({ running: 1 });
    });

    it("retries a failed delivery after its backoff, and gives up on it when told", async () => {
      await store.enqueueDelivery(delivery("d1"));
      await claim("w1", at(1), 30_000);
      await store.retryDelivery("d1", "w1", "GitHub answered 502", at(60));
      expect(await claim("w1", at(30), 30_000)).toBeUndefined();
      await claim("w1", at(61), 30_000);
      await store.retryDelivery("d1", "w1", "still 502", null);
      expect(await store.queueCounts()).toMatchObject({ queued: 0, running: 0, dead: 1 });
    });

    it("claims several due deliveries in one round, oldest first, never one another worker holds", async () => {
      for (const [id, n] of [
        ["d3", 3],
        ["d1", 1],
        ["d2", 2],
        ["d4", 4],
      ] as const)
        await store.enqueueDelivery(delivery(id, n));
      const mine = await store.claimDeliveries("w1", at(10), 60_000, 3);
      expect(mine.map((d) => d.id)).toEqual(["d1", "d2", "d3"]);
      expect((await store.claimDeliveries("w2", at(10), 60_000, 3)).map((d) => d.id)).toEqual(["d4"]);
      expect(await store.queueCounts()).toMatchObject({ queued: 0, running: 4 });
    });

    it("marks a finished delivery done, and never hands it out again", async () => {
      await store.enqueueDelivery(delivery("d1"));
      await claim("w1", at(1), 30_000);
      await store.finishDelivery("d1", "w1", "handled", at(2));
      expect(await claim("w1", at(3_600), 30_000)).toBeUndefined();
      expect(await store.enqueueDelivery(delivery("d1"))).toBe("duplicate");
    });
  });

  describe("pull request state: compare-and-swap, approvals as rows", () => {
    it("creates a state once and reads it back with its version", async () => {
      const state = prState("VALIDATING");
      expect(await store.read.createPr(KEY, state, T0)).toBe(true);
      expect(await store.read.createPr(KEY, state, T0)).toBe(false);
      expect(await store.read.loadPr(KEY)).toEqual({ state, version: 1 });
    });

    it("writes only over the version it read: a stale writer loses", async () => {
      await store.read.createPr(KEY, prState("VALIDATING"), T0);
      expect(await store.read.savePr(KEY, 1, prState("WAIT_FOR_APPROVE"), at(1))).toBe(true);
      expect(await store.read.savePr(KEY, 1, prState("BLOCKED"), at(2))).toBe(false);
      expect(await store.read.loadPr(KEY)).toMatchObject({
        version: 2,
        state: { state: "WAIT_FOR_APPROVE" },
      });
    });

    it("keeps approvals as rows: added, read back in order, voided by a state that drops them", async () => {
      const bob = { login: "bob", sha: SHA_A, at: "2026-11-27T12:01:00Z", via: "comment" as const };
      const dave = { login: "dave", sha: SHA_A, at: "2026-11-27T12:02:00Z", via: "slack" as const };
      await store.read.createPr(KEY, prState("WAIT_FOR_APPROVE", { approvals: [bob] }), T0);
      await store.read.savePr(KEY, 1, prState("WAIT_FOR_APPROVE", { approvals: [bob, dave] }), at(1));
      expect((await store.read.loadPr(KEY))?.state.approvals).toEqual([bob, dave]);
      await store.read.savePr(KEY, 2, prState("VALIDATING", { headSha: SHA_B, approvals: [] }), at(2));
      expect((await store.read.loadPr(KEY))?.state.approvals).toEqual([]);
    });

    it("rolls a transaction back whole: nothing of a failed one stays", async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.createPr(KEY, prState("VALIDATING"), T0);
          await tx.tryLock("acme/infra", "checkout-api", { pr: 12, sha: SHA_A }, T0);
          throw new Error("conflict");
        }),
      ).rejects.toThrow("conflict");
      expect(await store.read.loadPr(KEY)).toBeUndefined();
      expect(await store.read.getLock("acme/infra", "checkout-api")).toBeUndefined();
    });

    it("counts and lists pull requests by state", async () => {
      await store.read.createPr(KEY, prState("APPLYING"), T0);
      await store.read.createPr({ repo: "acme/infra", pr: 13 }, prState("DONE"), T0);
      expect(await store.countPrsByState()).toEqual({ APPLYING: 1, DONE: 1 });
      expect((await store.prsInStates(["APPLYING", "ROLLBACK"])).map((p) => p.pr)).toEqual([12]);
    });
  });

  describe("goals and repositories", () => {
    const GOAL = {
      repo: "acme/infra",
      issue: 7,
      name: "checkout-api",
      hash: "sha256:1",
      author: "carol",
      editors: [] as string[],
      budgetUsd: 1500,
      pr: 12,
    };

    it("finds a goal by issue and by name, with its editors and budget", async () => {
      const goal = { ...GOAL, editors: ["erin"], budgetUsd: 1500.5 };
      await store.read.saveGoal(goal, T0);
      expect(await store.read.getGoal("acme/infra", 7)).toEqual({ ...goal, cidrs: [] });
      expect(await store.read.getGoalByName("acme/infra", "checkout-api")).toEqual({ ...goal, cidrs: [] });
      await store.read.saveGoal({ ...goal, editors: ["erin", "frank"], pr: null }, at(1));
      expect(await store.read.getGoal("acme/infra", 7)).toMatchObject({
        editors: ["erin", "frank"],
        pr: null,
      });
    });

    it("keeps each goal's VPC ranges across saves that do not name them, and lists the other goals'", async () => {
      const goal = GOAL;
      await store.read.saveGoal({ ...goal, cidrs: ["10.20.0.0/16", "10.21.0.0/16"] }, T0);
      await store.read.saveGoal({ ...goal, editors: ["erin"] }, at(1));
      await store.read.saveGoal({ ...goal, issue: 8, name: "ledger", cidrs: ["10.99.0.0/16"] }, at(1));
      await store.read.saveGoal(
        { ...goal, repo: "acme/other", issue: 9, name: "x", cidrs: ["10.5.0.0/16"] },
        at(1),
      );
      expect((await store.read.getGoal("acme/infra", 7))?.cidrs).toEqual(["10.20.0.0/16", "10.21.0.0/16"]);
      expect(await store.read.takenCidrs("acme/infra", 8)).toEqual([
        { cidr: "10.20.0.0/16", goal: "checkout-api", issue: 7 },
        { cidr: "10.21.0.0/16", goal: "checkout-api", issue: 7 },
      ]);
      expect(await store.read.takenCidrs("acme/infra", 7)).toEqual([
        { cidr: "10.99.0.0/16", goal: "ledger", issue: 8 },
      ]);
      await store.read.saveGoal({ ...goal, cidrs: [] }, at(2));
      expect(await store.read.takenCidrs("acme/infra", 8)).toEqual([]);
    });

    it("remembers which installation reaches a repository", async () => {
      await store.read.upsertRepo("acme/infra", 2, "main", T0);
      await store.read.upsertRepo("acme/infra", 3, null, at(1));
      expect(await store.read.getRepo("acme/infra")).toEqual({ installationId: 3, defaultBranch: "main" });
    });
  });

  describe("locks and the applied history", () => {
    it("gives the lock to the first claimant and names the holder to the next", async () => {
      const repo = "acme/infra";
      expect(await store.read.tryLock(repo, "checkout-api", { pr: 12, sha: SHA_A }, T0)).toEqual({
        acquired: true,
      });
      expect(await store.read.tryLock(repo, "checkout-api", { pr: 13, sha: SHA_B }, at(1))).toEqual({
        acquired: false,
        holder: { pr: 12, sha: SHA_A, at: "2026-11-27T12:00:00Z" },
      });
      expect(await store.read.releaseLock(repo, "checkout-api", 13)).toBe(false);
      expect(await store.read.releaseLock(repo, "checkout-api", 12)).toBe(true);
      expect(await store.read.tryLock(repo, "checkout-api", { pr: 13, sha: SHA_B }, at(2))).toEqual({
        acquired: true,
      });
    });

    it("gives one lock to twenty claimants racing for it", async () => {
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction((tx) =>
            tx.tryLock("acme/infra", "checkout-api", { pr: 100 + i, sha: SHA_A }, T0),
          ),
        ),
      );
      expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
    });

    it("answers the last applied revision; a destroyed first apply reads as none", async () => {
      const repo = "acme/infra";
      expect(await store.read.appliedSha(repo, "checkout-api")).toBeNull();
      await store.read.recordApplied(repo, "checkout-api", SHA_A, 12, T0);
      await store.read.recordApplied(repo, "checkout-api", SHA_B, 13, at(1));
      expect(await store.read.appliedSha(repo, "checkout-api")).toBe(SHA_B);
      await store.read.recordApplied(repo, "checkout-api", null, 13, at(2));
      expect(await store.read.appliedSha(repo, "checkout-api")).toBeNull();
    });
  });

  describe("dispatches: recorded before they are sent, approved once", () => {
    it("finds a dispatch by nonce and, once recorded, by its run", async () => {
      await store.read.insertDispatch(dispatch("a".repeat(32)));
      expect(await store.read.getDispatch("a".repeat(32))).toEqual(dispatch("a".repeat(32)));
      expect(await store.read.setDispatchRun("a".repeat(32), 4242)).toBe(true);
      expect(await store.read.setDispatchRun("a".repeat(32), 4242)).toBe(true);
      expect(await store.read.setDispatchRun("a".repeat(32), 4343)).toBe(false);
      expect((await store.read.dispatchByRun("acme/infra", 4242))?.nonce).toBe("a".repeat(32));
    });

    it("never binds one run to two dispatches", async () => {
      await store.read.insertDispatch(dispatch("a".repeat(32)));
      await store.read.insertDispatch(dispatch("b".repeat(32)));
      expect(await store.read.setDispatchRun("a".repeat(32), 4242)).toBe(true);
      expect(await store.read.setDispatchRun("b".repeat(32), 4242)).toBe(false);
    });

    it("records the gate's first answer; the same run attempt reads it back, another run is told it is taken", async () => {
      await store.read.insertDispatch(dispatch("a".repeat(32)));
      const answer = { runId: 4242, runAttempt: 1, answer: "approved" as const, at: "2026-11-27T12:01:00Z" };
      expect(await store.read.answerGate("a".repeat(32), answer)).toBe("recorded");
      expect(await store.read.answerGate("a".repeat(32), answer)).toBe("already-answered-same");
      expect(await store.read.answerGate("a".repeat(32), { ...answer, runAttempt: 2 })).toBe(
        "answered-other",
      );
      expect(await store.read.answerGate("f".repeat(32), answer)).toBe("unknown");
      expect((await store.read.getDispatch("a".repeat(32)))?.gate).toEqual(answer);
    });

    it("records one answer when two gate requests race", async () => {
      await store.read.insertDispatch(dispatch("a".repeat(32)));
      const outcomes = await Promise.all(
        [4242, 4343, 4444].map((runId) =>
          store.transaction((tx) =>
            tx.answerGate("a".repeat(32), {
              runId,
              runAttempt: 1,
              answer: "approved",
              at: "2026-11-27T12:01:00Z",
            }),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === "recorded")).toHaveLength(1);
    });
  });

  describe("the outbox: written with the state, carried out in order, once", () => {
    const effect = (key: string, pr: number | null = 12) => ({
      key,
      repo: "acme/infra",
      pr,
      kind: "reply",
      payload: { key },
    });

    it("keeps one effect per key, and hands a pull request's effects out in order, the next after the last is done", async () => {
      await store.read.enqueueEffects([effect("e1"), effect("e2"), effect("e1")], T0);
      const first = await store.claimEffect("w1", at(1), 30_000);
      expect(first).toMatchObject({ key: "e1", attempts: 1, payload: { key: "e1" } });
      expect(await store.claimEffect("w2", at(1), 30_000)).toBeUndefined();
      await store.finishEffect(first!.id, at(2));
      expect((await store.claimEffect("w2", at(3), 30_000))?.key).toBe("e2");
    });

    it("lets other pull requests' effects go on while one waits for its retry", async () => {
      await store.read.enqueueEffects([effect("e1", 12), effect("e2", 12), effect("f1", 13)], T0);
      const first = await store.claimEffect("w1", at(1), 30_000);
      await store.retryEffect(first!.id, "502", at(120));
      const next = await store.claimEffect("w1", at(2), 30_000);
      expect(next?.key).toBe("f1");
      expect(await store.claimEffect("w1", at(3), 30_000)).toBeUndefined();
      expect((await store.claimEffect("w1", at(121), 30_000))?.key).toBe("e1");
    });

    it("claims within one pull request when asked to", async () => {
      await store.read.enqueueEffects([effect("f1", 13), effect("e1", 12)], T0);
      expect((await store.claimEffect("w1", at(1), 30_000, KEY))?.key).toBe("e1");
    });

    it("gives up on an effect when told, and the pull request's later effects go on", async () => {
      await store.read.enqueueEffects([effect("e1"), effect("e2")], T0);
      const first = await store.claimEffect("w1", at(1), 30_000);
      await store.retryEffect(first!.id, "422 Body is too long", null);
      expect((await store.claimEffect("w1", at(2), 30_000))?.key).toBe("e2");
      expect(await store.queueCounts()).toMatchObject({ effectsPending: 1 });
    });
  });

  describe("timers: set from the state, claimed by one replica", () => {
    it("fires a due timer once, and keeps one the state set again meanwhile", async () => {
      await store.read.setTimers(KEY, [
        { kind: "apply-timeout", dueAt: at(60) },
        { kind: "reconcile", dueAt: at(30) },
      ]);
      expect(await store.claimTimers("w1", at(10), 30_000, 10)).toEqual([]);
      const due = await store.claimTimers("w1", at(61), 30_000, 10);
      expect(due.map((t) => t.kind).sort()).toEqual(["apply-timeout", "reconcile"]);
      expect(await store.claimTimers("w2", at(62), 30_000, 10)).toEqual([]);
      // Handling the reconcile set it again for later: finishing must not delete the new one.
      await store.read.setTimers(KEY, [
        { kind: "apply-timeout", dueAt: at(60) },
        { kind: "reconcile", dueAt: at(400) },
      ]);
      for (const t of due) await store.finishTimer(t, "w1");
      expect(await store.claimTimers("w2", at(399), 30_000, 10)).toEqual([]);
      expect((await store.claimTimers("w2", at(401), 30_000, 10)).map((t) => t.kind)).toEqual(["reconcile"]);
    });

    it("drops the timers a state no longer needs", async () => {
      await store.read.setTimers(KEY, [{ kind: "apply-timeout", dueAt: at(60) }]);
      await store.read.setTimers(KEY, []);
      expect(await store.claimTimers("w1", at(600), 30_000, 10)).toEqual([]);
    });

    it("hands a timer whose replica died to another after its claim expires", async () => {
      await store.read.setTimers(KEY, [{ kind: "apply-timeout", dueAt: at(60) }]);
      expect(await store.claimTimers("dead", at(61), 30_000, 10)).toHaveLength(1);
      expect(await store.claimTimers("w2", at(70), 30_000, 10)).toHaveLength(0);
      expect(await store.claimTimers("w2", at(92), 30_000, 10)).toHaveLength(1);
    });
  });

  describe("the audit log", () => {
    it("appends entries and reads a pull request's back in order", async () => {
      const entry = (n: number) => ({
        at: `2026-11-27T12:0${n}:00Z`,
        repo: "acme/infra",
        pr: 12,
        actor: "bob",
        action: "approve (comment)",
        decision: n === 1 ? "refused" : "accepted",
        sha: SHA_A,
        reason: `reason ${n}`,
      });
      await store.read.audit(entry(1));
      await store.read.audit({ ...entry(2), details: { runId: 4242 } });
      await store.read.audit({ ...entry(3), pr: 13 });
      expect(await store.auditFor("acme/infra", 12)).toEqual([
        entry(1),
        { ...entry(2), details: { runId: 4242 } },
      ]);
    });
  });

  it("projections are bookkeeping kept per pull request", async () => {
    expect(await store.read.loadProjection(KEY)).toEqual({});
    await store.read.saveProjection(KEY, { stickyId: 9012 });
    await store.read.saveProjection(KEY, { stickyId: 9013, label: "infracrew:done" });
    expect(await store.read.loadProjection(KEY)).toEqual({ stickyId: 9013, label: "infracrew:done" });
  });
});

describe("migrations on PostgreSQL", () => {
  it("run once, and replicas starting together apply them once", async () => {
    const db = await freshDatabase({ empty: true });
    const clients = [pgClient(db.url), pgClient(db.url), pgClient(db.url)];
    try {
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(clients[0]!)).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await db.drop();
    }
  });

  it("refuse a database newer than the code", async () => {
    const db = await freshDatabase({ empty: true });
    const client = pgClient(db.url);
    try {
      await migrate(client);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
      await expect(migrate(client)).rejects.toThrow(/schema version 999, newer than this Infracrew knows/);
    } finally {
      await client.close();
      await db.drop();
    }
  });
});
