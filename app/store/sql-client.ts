/** A row as the driver returns it: column name to value. */
export type Row = Record<string, unknown>;

/** One SQL statement with positional parameters ($1, $2 …). */
export interface SqlQuery {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/**
 * The two drivers behind the store, PostgreSQL (pg) and PGlite, as one small interface: queries, and a transaction
 * that commits when `fn` resolves and rolls back when it throws.
 */
export interface SqlClient extends SqlQuery {
  readonly engine: "postgresql" | "pglite";
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
