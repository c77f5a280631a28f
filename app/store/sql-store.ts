import type { SqlClient, SqlQuery } from "./sql-client.js";
import * as audit from "./sql/audit.js";
import * as deliveries from "./sql/deliveries.js";
import * as dispatches from "./sql/dispatches.js";
import * as locks from "./sql/locks.js";
import * as outbox from "./sql/outbox.js";
import * as prs from "./sql/prs.js";
import * as timers from "./sql/timers.js";
import type { NewDelivery, Store, StoreTx } from "./store.js";
import { groupCommit } from "./group-commit.js";

/** The StoreTx of one connection or transaction. */
function storeTx(q: SqlQuery): StoreTx {
  return {
    upsertRepo: (...a) => prs.upsertRepo(q, ...a),
    getRepo: (...a) => prs.getRepo(q, ...a),
    getGoal: (...a) => prs.getGoal(q, ...a),
    getGoalByName: (...a) => prs.getGoalByName(q, ...a),
    saveGoal: (...a) => prs.saveGoal(q, ...a),
    takenCidrs: (...a) => prs.takenCidrs(q, ...a),
    loadPr: (...a) => prs.loadPr(q, ...a),
    createPr: (...a) => prs.createPr(q, ...a),
    savePr: (...a) => prs.savePr(q, ...a),
    tryLock: (...a) => locks.tryLock(q, ...a),
    getLock: (...a) => locks.getLock(q, ...a),
    releaseLock: (...a) => locks.releaseLock(q, ...a),
    appliedSha: (...a) => locks.appliedSha(q, ...a),
    recordApplied: (...a) => locks.recordApplied(q, ...a),
    insertDispatch: (...a) => dispatches.insertDispatch(q, ...a),
    getDispatch: (...a) => dispatches.getDispatch(q, ...a),
    dispatchByRun: (...a) => dispatches.dispatchByRun(q, ...a),
    setDispatchRun: (...a) => dispatches.setDispatchRun(q, ...a),
    answerGate: (...a) => dispatches.answerGate(q, ...a),
    enqueueEffects: (...a) => outbox.enqueueEffects(q, ...a),
    setTimers: (...a) => timers.setTimers(q, ...a),
    audit: (...a) => audit.audit(q, ...a),
    loadProjection: (...a) => prs.loadProjection(q, ...a),
    saveProjection: (...a) => prs.saveProjection(q, ...a),
  };
}

/** The store over SQL: the same statements on PostgreSQL and on PGlite. */
export function sqlStore(client: SqlClient): Store {
  return {
    engine: client.engine,
    read: storeTx(client),
    transaction: (fn) => client.transaction((tx) => fn(storeTx(tx))),
    close: () => client.close(),
    enqueueDelivery: groupCommit((batch: readonly NewDelivery[]) =>
      deliveries.enqueueDeliveries(client, batch),
    ),
    claimDeliveries: (...a) => deliveries.claimDeliveries(client, ...a),
    finishDelivery: (...a) => deliveries.finishDelivery(client, ...a),
    retryDelivery: (...a) => deliveries.retryDelivery(client, ...a),
    claimEffect: (...a) => outbox.claimEffect(client, ...a),
    finishEffect: (...a) => outbox.finishEffect(client, ...a),
    retryEffect: (...a) => outbox.retryEffect(client, ...a),
    claimTimers: (...a) => timers.claimTimers(client, ...a),
    finishTimer: (...a) => timers.finishTimer(client, ...a),
    prsInStates: (...a) => prs.prsInStates(client, ...a),
    countPrsByState: () => prs.countPrsByState(client),
    auditFor: (...a) => audit.auditFor(client, ...a),
    async queueCounts() {
      const [d] = await client.query<{ queued: number; running: number; dead: number }>(
        `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
                count(*) FILTER (WHERE status = 'running')::int AS running,
                count(*) FILTER (WHERE status = 'dead')::int AS dead FROM deliveries`,
      );
      const [o] = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'",
      );
      return {
        queued: d?.queued ?? 0,
        running: d?.running ?? 0,
        dead: d?.dead ?? 0,
        effectsPending: o?.n ?? 0,
      };
    },
  };
}
