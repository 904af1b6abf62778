import type { AppendResult, FeedbackLog, FeedbackRowOf, FeedbackTable, ReadRange } from '../../core/feedback/index.js';
import { checkRows, tableSpec } from './checkRows.js';
import { encodeCopyBinary } from './encodeBinary.js';
import { decodeRow, encodeCopyText, sqlValues } from './encodeRows.js';
import { MonthlyPartitions, partitioningMode } from './partitions.js';
import type { SqlSession, SqlTransaction } from './SqlSession.js';
import type { TableSpec } from './tableSpecs.js';
import { translateWriteError } from './translateError.js';

/** Batches below this many rows go as one parameterised INSERT; larger ones through COPY. */
export const SMALL_BATCH = 64;

/** The feedback log over any SqlSession (PostgreSQL server or PGlite): same schema, same SQL. */
export class SqlFeedbackLog implements FeedbackLog {
  readonly kind: 'postgres' | 'pglite';
  readonly description: string;
  readonly #session: SqlSession;
  readonly #partitions: MonthlyPartitions;
  readonly #native = new Map<string, boolean>();

  constructor(session: SqlSession) {
    this.#session = session;
    this.kind = session.kind;
    this.description = session.description;
    this.#partitions = new MonthlyPartitions(session);
  }

  async append<T extends FeedbackTable>(table: T, rows: readonly FeedbackRowOf[T][]): Promise<AppendResult> {
    const spec = tableSpec(table);
    checkRows(spec, rows);
    if (rows.length === 0) return { table, rows: 0, inserted: 0, duplicates: 0 };
    try {
      if (spec.partitioned && (await this.#isNativelyPartitioned(table))) {
        await this.#partitions.ensure(table, timestamps(rows as readonly { ts: number }[]));
      }
      const inserted = await this.#session.transaction((tx) =>
        rows.length < SMALL_BATCH ? insertRows(tx, spec, rows) : copyRows(tx, spec, rows),
      );
      return { table, rows: rows.length, inserted, duplicates: rows.length - inserted };
    } catch (error) {
      throw translateWriteError(error, table, rows.length, this.description);
    }
  }

  async read<T extends FeedbackTable>(table: T, range: ReadRange = {}): Promise<FeedbackRowOf[T][]> {
    const spec = tableSpec(table);
    const params: unknown[] = [];
    const where: string[] = [];
    if (range.fromTs !== undefined) {
      params.push(new Date(range.fromTs).toISOString());
      where.push(`ts >= $${params.length}`);
    }
    if (range.toTs !== undefined) {
      params.push(new Date(range.toTs).toISOString());
      where.push(`ts < $${params.length}`);
    }
    const order = spec.naturalKey ? `ts, ${spec.naturalKey}` : 'ts';
    const limit = range.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(range.limit))}` : '';
    const sql =
      `SELECT ${spec.columns.map((column) => column.column).join(', ')} FROM ${spec.name}` +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${order}${limit}`;
    const { rows } = await this.#session.query(sql, params);
    return rows.map((row) => decodeRow(spec, row) as unknown as FeedbackRowOf[T]);
  }

  async count(table: FeedbackTable): Promise<number> {
    const spec = tableSpec(table);
    const { rows } = await this.#session.query(`SELECT count(*) AS n FROM ${spec.name}`);
    return Number(rows[0]?.['n'] ?? 0);
  }

  async close(): Promise<void> {
    await this.#session.close();
  }

  async #isNativelyPartitioned(table: string): Promise<boolean> {
    let native = this.#native.get(table);
    if (native === undefined) {
      native = (await partitioningMode(this.#session, table)) === 'native';
      this.#native.set(table, native);
    }
    return native;
  }
}

function* timestamps(rows: readonly { ts: number }[]): Generator<number> {
  for (const row of rows) yield row.ts;
}

const columnList = (spec: TableSpec): string => spec.columns.map((column) => column.column).join(', ');
const onConflict = (spec: TableSpec): string => (spec.naturalKey ? ` ON CONFLICT (${spec.naturalKey}) DO NOTHING` : '');

/** One parameterised multi-row INSERT; returns the rows written (duplicates of a natural key are not). */
async function insertRows(tx: SqlTransaction, spec: TableSpec, rows: readonly object[]): Promise<number> {
  const params: unknown[] = [];
  const tuples = (rows as readonly Record<string, unknown>[]).map((row, index) => {
    const slots = sqlValues(spec, row, index).map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  const sql = `INSERT INTO ${spec.name} (${columnList(spec)}) VALUES ${tuples.join(', ')}${onConflict(spec)}`;
  return (await tx.query(sql, params)).rowCount;
}

/**
 * COPY in binary format where the engine streams it (the server: it then parses no text, about a third less CPU
 * per row, see README), else in text format (PGlite). COPY cannot skip duplicates, so tables with a natural key
 * are copied into a temporary table first and moved over with INSERT ... ON CONFLICT DO NOTHING, in the same
 * transaction.
 */
async function copyRows(tx: SqlTransaction, spec: TableSpec, rows: readonly object[]): Promise<number> {
  const columns = columnList(spec);
  const copy = (target: string): Promise<number> =>
    tx.copyFromBinary
      ? tx.copyFromBinary(`COPY ${target} (${columns})`, encodeCopyBinary(spec, rows))
      : tx.copyFrom(`COPY ${target} (${columns})`, encodeCopyText(spec, rows));
  if (!spec.naturalKey) return copy(spec.name);
  const stage = `feedback_stage_${spec.name}`;
  await tx.query(`CREATE TEMP TABLE ${stage} (LIKE ${spec.name} INCLUDING DEFAULTS) ON COMMIT DROP`);
  await copy(stage);
  const moved = await tx.query(
    `INSERT INTO ${spec.name} (${columns}) SELECT ${columns} FROM ${stage}${onConflict(spec)}`,
  );
  return moved.rowCount;
}
