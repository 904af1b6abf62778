import type { SqlSession } from './SqlSession.js';

/** SQLSTATEs of losing a race to create the same partition: duplicate_table, unique_violation (pg_type). */
const ALREADY_CREATED = new Set(['42P07', '23505']);

/** The first instant (UTC ms) of every calendar month (UTC) that contains one of the timestamps. */
export function monthsTouched(timestamps: Iterable<number>): number[] {
  const months = new Set<number>();
  let lastMonth = Number.NaN;
  let lastEnd = Number.NaN;
  for (const ts of timestamps) {
    // Batches are mostly in time order: skip the Date work while still inside the month seen last.
    if (ts >= lastMonth && ts < lastEnd) continue;
    const date = new Date(ts);
    lastMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    lastEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    months.add(lastMonth);
  }
  return [...months].sort((a, b) => a - b);
}

/** `predictions_p202401` for January 2024. */
export function partitionName(table: string, monthStart: number): string {
  const date = new Date(monthStart);
  return `${table}_p${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Creates the monthly partitions of natively partitioned tables on demand, each in its own short statement
 * outside the writing transaction (so a long COPY never holds the parent's lock for partition DDL). Knows which
 * partitions exist, asking the database once per table. Concurrent writers may race to create the same
 * partition: the loser sees "already exists" and carries on.
 */
export class MonthlyPartitions {
  readonly #session: SqlSession;
  readonly #known = new Map<string, Set<string>>();

  constructor(session: SqlSession) {
    this.#session = session;
  }

  async ensure(table: string, timestamps: Iterable<number>): Promise<void> {
    const known = await this.#existing(table);
    for (const month of monthsTouched(timestamps)) {
      const name = partitionName(table, month);
      if (known.has(name)) continue;
      const from = new Date(month).toISOString();
      const next = new Date(month);
      next.setUTCMonth(next.getUTCMonth() + 1);
      try {
        await this.#session.query(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES FROM ('${from}') TO ('${next.toISOString()}')`,
        );
      } catch (error) {
        if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
      }
      known.add(name);
    }
  }

  async #existing(table: string): Promise<Set<string>> {
    let known = this.#known.get(table);
    if (!known) {
      const { rows } = await this.#session.query(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
        [table],
      );
      known = new Set(rows.map((row) => String(row['relname'])));
      this.#known.set(table, known);
    }
    return known;
  }
}

/** How the database stores the time-partitioned tables: native range partitions, TimescaleDB, or unpartitioned. */
export async function partitioningMode(session: SqlSession, table: string): Promise<'native' | 'timescaledb' | 'none'> {
  const { rows } = await session.query(`SELECT relkind FROM pg_class WHERE oid = to_regclass($1)`, [table]);
  if (rows[0]?.['relkind'] === 'p') return 'native';
  const timescale = await session.query(`SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'`);
  return timescale.rows.length > 0 ? 'timescaledb' : 'none';
}
