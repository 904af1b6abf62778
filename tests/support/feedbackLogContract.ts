import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SqlSession } from '../../adapters/feedback/index.js';
import { SqlFeedbackLog, TABLE_SPECS, translateWriteError } from '../../adapters/feedback/index.js';
import type { FeedbackLog, FeedbackTable } from '../../core/feedback/index.js';
import { FEEDBACK_TABLES } from '../../core/feedback/index.js';
import { many, rows } from './feedbackRows.js';

/** One implementation under test: a fresh, migrated, empty database and how to dispose of it. */
export interface FeedbackBackend {
  readonly name: string;
  /** A session on a fresh database with every migration applied. */
  open(): Promise<SqlSession>;
  /** Drops the database (server) or nothing (in-memory PGlite). */
  dispose(): Promise<void>;
  /** Rows of the bulk COPY test. */
  readonly bulkRows: number;
  /** Seconds allowed for the bulk COPY test on this loaded 2-core machine. */
  readonly bulkTimeoutSeconds: number;
}

/** Expected SQL type names of each column kind, as information_schema reports them. */
const SQL_TYPES = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  double: 'double precision',
  timestamptz: 'timestamp with time zone',
  jsonb: 'jsonb',
} as const;

/**
 * The feedback-log suite every backend passes (SPEC section 10: the embedded default passes the same suite as
 * PostgreSQL). Tests share one database per backend and empty every table before each test.
 */
export function feedbackLogContract(backend: FeedbackBackend): void {
  let session: SqlSession;
  let log: FeedbackLog;

  beforeAll(async () => {
    session = await backend.open();
    log = new SqlFeedbackLog(session);
  }, 300_000);

  afterAll(async () => {
    await log?.close();
    await backend.dispose();
  }, 120_000);

  beforeEach(async () => {
    await session.query(`TRUNCATE ${FEEDBACK_TABLES.join(', ')}`);
  });

  describe('schema', () => {
    test('has exactly the columns of the table catalogue, with their types and nullability', async () => {
      for (const table of FEEDBACK_TABLES) {
        const { rows: columns } = await session.query(
          `SELECT column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        const expected = TABLE_SPECS[table].columns.map((column) => ({
          column_name: column.column,
          data_type: SQL_TYPES[column.kind],
          is_nullable: column.nullable ? 'YES' : 'NO',
        }));
        expect(columns, `columns of ${table}`).toEqual(expected);
      }
    });

    test('partitions the high-volume tables by month and creates the months a batch touches', async () => {
      const months = [Date.UTC(2030, 0, 31, 23, 59), Date.UTC(2030, 1, 1), Date.UTC(2030, 2, 15)];
      const partitionsOf = async (table: string): Promise<string[]> => {
        const result = await session.query(
          `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = $1::regclass AND c.relname LIKE $2 ORDER BY 1`,
          [table, `${table}_p2030%`],
        );
        return result.rows.map((row) => String(row['relname']));
      };
      expect(await partitionsOf('predictions')).toEqual([]);

      await log.append(
        'predictions',
        months.map((ts, index) => rows.prediction(index, ts)),
      );

      expect(await partitionsOf('predictions')).toEqual([
        'predictions_p203001',
        'predictions_p203002',
        'predictions_p203003',
      ]);
      const { rows: inJanuary } = await session.query('SELECT count(*) AS n FROM predictions_p203001');
      expect(Number(inJanuary[0]!['n']), 'the row at 23:59 on 31 January belongs to January (UTC)').toBe(1);
    });
  });

  describe('round trips', () => {
    const makers: { [T in FeedbackTable]: (index: number) => unknown } = {
      predictions: rows.prediction,
      feature_snapshots: rows.featureSnapshot,
      risk_decisions: rows.riskDecision,
      orders: rows.order,
      fills: rows.fill,
      experiments: rows.experiment,
    };
    for (const table of FEEDBACK_TABLES) {
      for (const [path, count] of [
        ['parameterised INSERT', 5],
        ['COPY', 250],
      ] as const) {
        test(`reads back every ${table} row as written (${path}, ${count} rows)`, async () => {
          const written = many(makers[table], count) as never[];

          const result = await log.append(table, written);
          const read = await log.read(table);

          expect(result).toEqual({ table, rows: count, inserted: count, duplicates: 0 });
          expect(read).toEqual(written);
          expect(await log.count(table)).toBe(count);
        });
      }
    }

    test('reads a time window [fromTs, toTs) with a limit', async () => {
      const written = many(rows.prediction, 100);
      await log.append('predictions', written);

      const window = await log.read('predictions', { fromTs: written[10]!.ts, toTs: written[20]!.ts });
      const limited = await log.read('predictions', { fromTs: written[10]!.ts, limit: 3 });

      expect(window).toEqual(written.slice(10, 20));
      expect(limited).toEqual(written.slice(10, 13));
    });
  });

  describe('idempotent writes', () => {
    test('ignores fills whose execution id is already stored, through INSERT and COPY', async () => {
      await log.append('fills', many(rows.fill, 10));

      const small = await log.append('fills', many(rows.fill, 12));
      const bulk = await log.append('fills', many(rows.fill, 500));

      expect(small).toEqual({ table: 'fills', rows: 12, inserted: 2, duplicates: 10 });
      expect(bulk).toEqual({ table: 'fills', rows: 500, inserted: 488, duplicates: 12 });
      expect(await log.read('fills')).toEqual(many(rows.fill, 500));
    });

    test('keeps the first of two rows with the same key in one batch', async () => {
      const first = rows.order(1);
      const second = { ...rows.order(1), quantity: 999 };

      const result = await log.append('orders', [first, second, rows.order(2)]);

      expect(result.inserted).toBe(2);
      expect(await log.read('orders')).toEqual([first, rows.order(2)]);
    });

    test('a retried batch of experiments and orders writes nothing twice', async () => {
      await log.append('experiments', many(rows.experiment, 70));
      await log.append('orders', many(rows.order, 70));

      const experiments = await log.append('experiments', many(rows.experiment, 70));
      const orders = await log.append('orders', many(rows.order, 70));

      expect([experiments.inserted, orders.inserted]).toEqual([0, 0]);
      expect([await log.count('experiments'), await log.count('orders')]).toEqual([70, 70]);
    });
  });

  describe('concurrent writers', () => {
    test('two writers appending at once lose nothing and duplicate nothing', async () => {
      const predictions = many(rows.prediction, 2_000);
      const fills = many(rows.fill, 1_000);

      // Both writers touch the same new months (racing to create partitions) and overlapping fill ids.
      const results = await Promise.all([
        log.append('predictions', predictions.slice(0, 1_000)),
        log.append('predictions', predictions.slice(1_000)),
        log.append('fills', fills.slice(0, 600)),
        log.append('fills', fills.slice(400)),
      ]);

      expect(results.slice(0, 2).map((result) => result.inserted)).toEqual([1_000, 1_000]);
      expect(results[2]!.inserted + results[3]!.inserted, 'fills 400-599 were sent twice').toBe(1_000);
      expect(await log.read('predictions')).toEqual(predictions);
      expect(await log.read('fills')).toEqual(fills);
    });
  });

  describe('bad input', () => {
    test('refuses an unknown table by name, listing the known ones', async () => {
      const append = log.append('trades' as FeedbackTable, []);

      await expect(append).rejects.toMatchObject({
        code: 'FEEDBACK_UNKNOWN_TABLE',
        message:
          'unknown feedback table "trades"; expected one of: experiments, feature_snapshots, fills, orders, predictions, risk_decisions',
      });
    });

    test('refuses an oversized text value, naming table, row and column, and keeps what was written', async () => {
      await log.append('predictions', many(rows.prediction, 100));
      const batch = many(rows.prediction, 100, 100);
      batch[42] = { ...batch[42]!, ticker: 'X'.repeat(33) };

      const append = log.append('predictions', batch);

      await expect(append).rejects.toMatchObject({
        code: 'FEEDBACK_INVALID_ROW',
        message:
          'feedback table "predictions", row 42, column "ticker": expected at most 32 characters, was ' +
          '"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" (nothing of this batch was written)',
      });
      expect(await log.read('predictions')).toEqual(many(rows.prediction, 100));
    });

    test('refuses oversized JSON found while streaming a COPY, and writes nothing of that batch', async () => {
      await log.append('risk_decisions', many(rows.riskDecision, 100));
      const batch = many(rows.riskDecision, 30_000, 100);
      batch[25_000] = { ...batch[25_000]!, context: { blob: 'y'.repeat(70_000) } };

      const append = log.append('risk_decisions', batch);

      await expect(append).rejects.toMatchObject({
        code: 'FEEDBACK_INVALID_ROW',
        table: 'risk_decisions',
        row: 25_000,
        column: 'context',
      });
      await expect(append).rejects.toThrow(/expected at most 65536 characters of JSON, had 70011/);
      expect(await log.count('risk_decisions'), 'the first 20,000 rows of the batch were already sent').toBe(100);
    });

    test('refuses a row violating a column type: a fractional quantity, money as text, a missing time', async () => {
      await log.append('fills', many(rows.fill, 3));
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ ...rows.fill(3), quantity: 1.5 }, 'quantity', /expected a whole number \(a safe integer\), was 1.5/],
        [{ ...rows.fill(3), price: '185.12' }, 'price_micros', /expected a whole number of micro-dollars/],
        [{ ...rows.fill(3), ts: undefined }, 'ts', /expected a value \(ts is required\), was undefined/],
        [{ ...rows.fill(3), side: 'SHORT' }, 'side', /expected one of BUY, SELL, was "SHORT"/],
      ];

      for (const [row, column, message] of cases) {
        const append = log.append('fills', [rows.fill(4), row as never]);
        await expect(append).rejects.toMatchObject({ code: 'FEEDBACK_INVALID_ROW', table: 'fills', row: 1, column });
        await expect(append).rejects.toThrow(message);
      }
      expect(await log.read('fills')).toEqual(many(rows.fill, 3));
    });

    test('reports a database refusal with the table, constraint and SQLSTATE', async () => {
      let raw: unknown;
      try {
        await session.query(
          `INSERT INTO orders VALUES ('o-1', now(), 'r', 's', 'T', 'BUY', 'MARKET', 'ENTRY', 0, NULL)`,
        );
      } catch (error) {
        raw = error;
      }

      const error = translateWriteError(raw, 'orders', 1, session.description);

      expect(error).toMatchObject({ code: 'FEEDBACK_WRITE_REJECTED', sqlState: '23514' });
      expect(error.message).toMatch(
        /^feedback table "orders": the database rejected the batch of 1 rows, nothing of it was written: .*orders_quantity_check/,
      );
    });
  });

  describe('bulk COPY', () => {
    test(
      `copies ${backend.bulkRows.toLocaleString('en-US')} prediction rows in one batch`,
      async () => {
        const written = many(rows.prediction, backend.bulkRows);

        const result = await log.append('predictions', written);

        expect(result.inserted).toBe(backend.bulkRows);
        expect(await log.count('predictions')).toBe(backend.bulkRows);
        const { rows: sums } = await session.query(
          'SELECT round(sum(signal)::numeric, 6) AS signal, min(ts) AS first, max(ts) AS last FROM predictions',
        );
        const expectedSum = written.reduce((sum, row) => sum + row.signal, 0);
        expect(Number(sums[0]!['signal'])).toBeCloseTo(expectedSum, 6);
        expect((sums[0]!['first'] as Date).getTime()).toBe(written[0]!.ts);
        expect((sums[0]!['last'] as Date).getTime()).toBe(written.at(-1)!.ts);
      },
      backend.bulkTimeoutSeconds * 1000,
    );
  });
}
