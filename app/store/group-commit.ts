/**
 * Group commit: calls that arrive while a write is in flight wait for it to end, then go to the database together
 * as one statement. A caller's promise settles only when the write that carried it has committed, so nothing is
 * acknowledged before it is stored; under load one round trip (and one WAL flush) serves many callers.
 */
export function groupCommit<T, R>(
  write: (batch: readonly T[]) => Promise<readonly R[]>,
  maxBatch = 64,
): (item: T) => Promise<R> {
  type Waiter = { readonly item: T; readonly resolve: (r: R) => void; readonly reject: (e: unknown) => void };
  let waiting: Waiter[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const results = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void flush();
    });
}
