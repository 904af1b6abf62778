import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { SqlResult, SqlSession, SqlTransaction } from './SqlSession.js';

/**
 * Characters of COPY text per PGlite COPY statement. PGlite copies a blob through its in-memory file system;
 * measured here, 100 k rows took 3.4 s but one 1 M-row blob 133 s, so large batches go as several COPY statements
 * of this size inside the same transaction (still atomic).
 */
const BLOB_CHARS = 8 * 1024 * 1024;

/**
 * A SqlSession over PGlite (PostgreSQL compiled to WebAssembly, in this process): the embedded default. It has
 * one session, so PGlite's own transaction lock serialises concurrent appends. COPY reads a blob
 * (`COPY ... FROM '/dev/blob'`): the server path's STDIN is not available in process.
 */
export class PgliteSession implements SqlSession {
  readonly kind = 'pglite';
  readonly description: string;
  readonly #db: PGlite;

  private constructor(db: PGlite, description: string) {
    this.#db = db;
    this.description = description;
  }

  /** Opens (creating when absent) the database in `dataDir`, or an in-memory one for `memory://`. */
  static async open(dataDir: string): Promise<PgliteSession> {
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir);
    return new PgliteSession(db, `pglite ${dataDir}`);
  }

  async query(sql: string, params?: readonly unknown[]): Promise<SqlResult> {
    const result = await this.#db.query<Record<string, unknown>>(sql, params as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) => work(transactionOn(tx)));
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}

function transactionOn(tx: Transaction): SqlTransaction {
  return {
    async query(sql, params) {
      const result = await tx.query<Record<string, unknown>>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql) {
      await tx.exec(sql);
    },
    async copyFrom(copy, chunks) {
      let copied = 0;
      let parts: string[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (parts.length === 0) return;
        const result = await tx.query(`${copy} FROM '/dev/blob'`, [], { blob: new Blob(parts) });
        copied += result.affectedRows ?? 0;
        parts = [];
        size = 0;
      };
      for (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= BLOB_CHARS) await flush();
      }
      await flush();
      return copied;
    },
  };
}
