import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { SqlResult, SqlSession, SqlTransaction } from './SqlSession.js';
import { isConnectionError } from './translateError.js';

/** How to reach a PostgreSQL server. The password is looked up when a connection opens (PGPASSWORD, ~/.pgpass). */
export interface PgConnection {
  readonly connectionString?: string;
  readonly host?: string;
  readonly port?: number;
  readonly database?: string;
  readonly user?: string;
  readonly password?: () => Promise<string | undefined>;
  /** Pool size; the feedback writer needs few connections (default 4). */
  readonly max?: number;
}

/** A SqlSession over a pg Pool; COPY goes through pg-copy-streams. */
export class PgSession implements SqlSession {
  readonly kind = 'postgres';
  readonly description: string;
  readonly #pool: pg.Pool;

  constructor(connection: PgConnection) {
    this.description = describeConnection(connection);
    this.#pool = new pg.Pool({
      connectionString: connection.connectionString,
      host: connection.host,
      port: connection.port,
      database: connection.database,
      user: connection.user,
      // Looked up per connection; an undefined result sends no password (for trust or peer authentication).
      password: connection.password as (() => Promise<string>) | undefined,
      max: connection.max ?? 4,
      application_name: 'intraday-feedback',
    });
    // An idle connection that the server closes (restart, pg_terminate_backend) must not crash the process: the
    // pool drops it and the next checkout opens a new one.
    this.#pool.on('error', () => undefined);
  }

  async query(sql: string, params?: readonly unknown[]): Promise<SqlResult> {
    const result = await this.#pool.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(transactionOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionError(error)) broken ??= error as Error;
      if (!broken) await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError as Error));
      throw error;
    } finally {
      // A broken connection is destroyed, never returned to the pool; it keeps the listener, because the socket
      // may still report its end after release, and an 'error' event with no listener would crash the process.
      if (!broken) client.off('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

function transactionOn(client: pg.PoolClient): SqlTransaction {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    async copyFrom(copy, chunks) {
      const stream = client.query(copyFromStdin(`${copy} FROM STDIN`));
      await pipeline(Readable.from(chunks), stream);
      return stream.rowCount;
    },
    async copyFromBinary(copy, chunks) {
      const stream = client.query(copyFromStdin(`${copy} FROM STDIN WITH (FORMAT binary)`));
      await pipeline(Readable.from(chunks), stream);
      return stream.rowCount;
    },
  };
}

/** `user@host:port/database`, or the connection string with any password masked. */
export function describeConnection(connection: PgConnection): string {
  if (connection.connectionString) {
    return 'postgres ' + connection.connectionString.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  }
  return `postgres ${connection.user ?? ''}@${connection.host ?? ''}:${connection.port ?? 5432}/${connection.database ?? ''}`;
}
