import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeRow, encodeCopyText, timestampFormatter } from './encodeRows.js';
import type { TableSpec } from './tableSpecs.js';
import { TABLE_SPECS } from './tableSpecs.js';

const spec: TableSpec = {
  name: 'fills',
  partitioned: false,
  naturalKey: null,
  columns: [
    { column: 'note', field: 'note', kind: 'text', nullable: true },
    { column: 'n', field: 'n', kind: 'bigint' },
    { column: 'at', field: 'at', kind: 'timestamptz' },
    { column: 'doc', field: 'doc', kind: 'jsonb', maxLength: 100 },
  ],
};

describe('timestampFormatter', () => {
  test('formats the same instant as Date.toISOString, in any order of values', () => {
    // Reference: the built-in ISO formatter; PostgreSQL reads both forms as the same timestamptz.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7_258_118_400_000 }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const format = timestampFormatter();
          for (const ms of values) {
            const iso = new Date(ms).toISOString();
            expect(format(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 23)}+00`);
          }
        },
      ),
    );
  });

  test('formats the last millisecond of a day and the first of the next', () => {
    const format = timestampFormatter();
    const midnight = Date.UTC(2024, 1, 29);

    expect([format(midnight - 1), format(midnight)]).toEqual([
      '2024-02-28 23:59:59.999+00',
      '2024-02-29 00:00:00.000+00',
    ]);
  });
});

describe('encodeCopyText', () => {
  test('writes tab-separated lines, \\N for null, and escapes backslash, tab, newline and return', () => {
    const rows = [
      { note: 'a\\b\tc\nd\re', n: 9_007_199_254_740_991, at: Date.UTC(2024, 0, 2, 14, 30), doc: { k: 'tab\there' } },
      { note: null, n: -5, at: 0, doc: {} },
    ];

    const text = [...encodeCopyText(spec, rows)].join('');

    expect(text).toBe(
      'a\\\\b\\tc\\nd\\re\t9007199254740991\t2024-01-02 14:30:00.000+00\t{"k":"tab\\\\there"}\n' +
        '\\N\t-5\t1970-01-01 00:00:00.000+00\t{}\n',
    );
  });

  test('refuses JSON longer than the column allows, naming table, row and column', () => {
    const rows = [
      { note: null, n: 1, at: 0, doc: {} },
      { note: null, n: 1, at: 0, doc: { long: 'x'.repeat(100) } },
    ];

    expect(() => [...encodeCopyText(spec, rows)]).toThrow(
      'feedback table "fills", row 1, column "doc": expected at most 100 characters of JSON, had 111, was an object',
    );
  });

  test('splits large batches into chunks of whole lines', () => {
    const rows = Array.from({ length: 25_000 }, (_, n) => ({ note: 'x', n, at: 0, doc: {} }));

    const chunks = [...encodeCopyText(spec, rows)];

    expect(chunks.map((chunk) => chunk.split('\n').length - 1)).toEqual([10_000, 10_000, 5_000]);
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true);
  });
});

describe('decodeRow', () => {
  test('turns driver values back into row fields: Date to ms, int8 text to numbers, JSON text to objects', () => {
    const raw = {
      execution_id: 'e1',
      ts: new Date(Date.UTC(2024, 0, 2)),
      run_id: 'r',
      client_order_id: 'c',
      ticker: 'AAPL',
      side: 'BUY',
      quantity: 10,
      price_micros: '185120000',
      commission_micros: 1000000n,
      corrects_execution_id: null,
    };

    expect(decodeRow(TABLE_SPECS.fills, raw)).toEqual({
      executionId: 'e1',
      ts: Date.UTC(2024, 0, 2),
      runId: 'r',
      clientOrderId: 'c',
      ticker: 'AAPL',
      side: 'BUY',
      quantity: 10,
      price: 185_120_000,
      commission: 1_000_000,
      correctsExecutionId: null,
    });
  });
});
