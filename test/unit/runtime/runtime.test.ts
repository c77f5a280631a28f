import { afterEach, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../../app/runtime/runtime.js";
import type { Delivery, Store } from "../../../app/store/store.js";
import { useTestStore } from "../../support/test-stores.js";

const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

function delivery(id: string) {
  return {
    id,
    name: "issue_comment",
    action: "created",
    installationId: 2,
    repo: "acme/infra",
    payload: { n: id },
    receivedAt: new Date(),
  };
}

/** A store whose claims are counted: the loop should ask once per free hand, not once per wake. */
function counting(store: Store): Store & { claims: number[] } {
  const claims: number[] = [];
  return Object.assign(Object.create(store) as Store, {
    claims,
    claimDeliveries: async (...a: Parameters<Store["claimDeliveries"]>) => {
      const got = await store.claimDeliveries(...a);
      claims.push(got.length);
      return got;
    },
  });
}

function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  return (async () => {
    while (!(await check())) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
}

describe("the delivery loop of one replica", () => {
  const storeOf = useTestStore("pglite");
  let runtime: Runtime | undefined;
  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
  });

  it("handles every stored delivery once, never more than `concurrency` at a time", async () => {
    const store = counting(storeOf());
    let inHand = 0;
    let most = 0;
    const handled: string[] = [];
    runtime = createRuntime({
      store,
      worker: "w1",
      clock: () => new Date(),
      log: silent,
      concurrency: 3,
      pollMs: 60_000,
      handleDelivery: async (d: Delivery) => {
        most = Math.max(most, ++inHand);
        await new Promise((r) => setTimeout(r, 5));
        inHand--;
        handled.push(d.id);
        return "ok";
      },
      handleEffect: async () => true,
      handleTimer: async () => "none",
    });
    for (let i = 0; i < 20; i++) await store.enqueueDelivery(delivery(`d${i}`));
    runtime.start();
    await until(async () => (await store.queueCounts()).queued + (await store.queueCounts()).running === 0);
    expect(handled.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `d${i}`).sort());
    expect(most).toBe(3);
    // The backlog was claimed several at a time: far fewer claims than deliveries.
    expect(store.claims.filter((n) => n > 0).length).toBeLessThan(20);
    expect(Math.max(...store.claims)).toBeLessThanOrEqual(3);
  });

  it("takes a delivery stored while it sleeps at once when woken, without polling", async () => {
    const store = storeOf();
    const handled: string[] = [];
    runtime = createRuntime({
      store,
      worker: "w1",
      clock: () => new Date(),
      log: silent,
      pollMs: 60_000,
      handleDelivery: async (d: Delivery) => {
        handled.push(d.id);
        return "ok";
      },
      handleEffect: async () => true,
      handleTimer: async () => "none",
    });
    runtime.start();
    for (const id of ["a", "b", "c"]) {
      await store.enqueueDelivery(delivery(id));
      runtime.wake();
      await until(async () => handled.includes(id), 5_000);
    }
    expect(handled).toEqual(["a", "b", "c"]);
  });

  it("puts a delivery whose handler failed back in the queue with its error", async () => {
    const store = storeOf();
    runtime = createRuntime({
      store,
      worker: "w1",
      clock: () => new Date(),
      log: silent,
      pollMs: 60_000,
      handleDelivery: async () => {
        throw Object.assign(new Error("GitHub answered 502"), { status: 502 });
      },
      handleEffect: async () => true,
      handleTimer: async () => "none",
    });
    await store.enqueueDelivery(delivery("d1"));
    expect(await runtime.drain()).toEqual({ deliveries: 1, effects: 0 });
    expect(await store.queueCounts()).toMatchObject({ queued: 1, running: 0 });
  });
});
