import pg from "pg";
import type { Row, SqlClient, SqlQuery } from "./sql-client.js";

const INT8 = 20;

/** GitHub's ids (runs, comments, installations) pass 2^31 but stay below 2^53: bigint columns read as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The PostgreSQL driver: a connection pool for `DATABASE_URL`. An idle connection that breaks (a restart, a
 * failover) is reported to `onIdleError` and replaced on the next query; it never takes the process down.
 */
export function pgClient(
  connectionString: string,
  options: { readonly max?: number; readonly onIdleError?: (error: Error) => void } = {},
): SqlClient {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  pool.on("error", (error) => options.onIdleError?.(error));
  const run = async <T extends Row>(
    on: pg.Pool | pg.PoolClient,
    text: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> => (await on.query<T>(text, params as unknown[])).rows;
  return {
    engine: "postgresql",
    query: (text, params) => run(pool, text, params),
    exec: async (text) => void (await pool.query(text)),
    async transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (text) => void (await client.query(text)),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
