/** The rows a statement returned and how many rows it affected. */
export interface SqlResult {
  readonly rows: Record<string, unknown>[];
  readonly rowCount: number;
}

/** One transaction on one connection: statements, scripts and COPY FROM run inside it. */
export interface SqlTransaction {
  query(sql: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `<copy> FROM <source>` with the given COPY text-format chunks, where `copy` is e.g.
   * `COPY predictions (ts, ...)`: the server reads STDIN, PGlite a blob. Returns the rows copied.
   */
  copyFrom(copy: string, chunks: Iterable<string>): Promise<number>;
  /**
   * The same in COPY's binary format (`WITH (FORMAT binary)`), when the engine takes it as a stream: the server
   * does. PGlite copies from a blob cut into pieces, each a COPY of its own, so it keeps the text format.
   */
  copyFromBinary?(copy: string, chunks: Iterable<Uint8Array>): Promise<number>;
}

/**
 * What the feedback log and the migrations need from a database: the same SQL runs on a PostgreSQL server
 * (pg + pg-copy-streams) and on PGlite in process. Errors are the driver's own (`code` = SQLSTATE); callers
 * translate them.
 */
export interface SqlSession {
  readonly kind: 'postgres' | 'pglite';
  /** Where it connects, for messages (never a password). */
  readonly description: string;
  query(sql: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** BEGIN, `work`, COMMIT; ROLLBACK when `work` throws (and the connection is discarded when it broke). */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
