import { PGlite } from "@electric-sql/pglite";
import type { Row, SqlClient, SqlQuery } from "./sql-client.js";

/**
 * The embedded driver: PostgreSQL compiled to WebAssembly, in this process, persisted under `dataDir` (or in memory
 * when it is omitted). One connection: transactions run one after another.
 */
export async function pgliteClient(
  options: { readonly dataDir?: string; readonly loadDataDir?: Blob } = {},
): Promise<SqlClient> {
  return pgliteClientOf(
    await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    }),
  );
}

/** The SqlClient of an open PGlite database. */
export function pgliteClientOf(db: PGlite): SqlClient {
  const on =
    (q: Pick<PGlite, "query">): SqlQuery["query"] =>
    async <T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> =>
      (await q.query<T>(text, params as unknown[])).rows;
  const exec = (q: Pick<PGlite, "exec">) => async (text: string) => void (await q.exec(text));
  return {
    engine: "pglite",
    query: on(db),
    exec: exec(db),
    transaction: <T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T> =>
      db.transaction((tx) => fn({ query: on(tx), exec: exec(tx) })),
    close: () => db.close(),
  };
}
