import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeCopyBinary } from './encodeBinary.js';
import type { TableSpec } from './tableSpecs.js';

const spec: TableSpec = {
  name: 'fills',
  partitioned: false,
  naturalKey: null,
  columns: [
    { column: 'at', field: 'at', kind: 'timestamptz' },
    { column: 'q', field: 'q', kind: 'integer' },
    { column: 'n', field: 'n', kind: 'bigint' },
    { column: 'x', field: 'x', kind: 'double' },
    { column: 'note', field: 'note', kind: 'text', nullable: true },
    { column: 'doc', field: 'doc', kind: 'jsonb', maxLength: 100 },
  ],
};

const encode = (rows: readonly object[], table: TableSpec = spec): Buffer =>
  Buffer.concat([...encodeCopyBinary(table, rows)]);

/**
 * Splits a binary COPY stream into tuples of raw field bytes (null for a NULL field), following the format in
 * PostgreSQL's COPY documentation: signature, flags, extension length, then int16 field count, int32 length
 * and bytes per field, and an int16 -1 trailer.
 */
function tuples(data: Buffer): (Buffer | null)[][] {
  expect(data.subarray(0, 11)).toEqual(Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'));
  expect(data.readInt32BE(11)).toBe(0);
  expect(data.readInt32BE(15)).toBe(0);
  let at = 19;
  const result: (Buffer | null)[][] = [];
  for (;;) {
    const count = data.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    const fields: (Buffer | null)[] = [];
    for (let field = 0; field < count; field++) {
      const length = data.readInt32BE(at);
      at += 4;
      fields.push(length === -1 ? null : data.subarray(at, at + length));
      if (length > 0) at += length;
    }
    result.push(fields);
  }
  expect(at).toBe(data.length);
  return result;
}

const hex = (text: string): Buffer => Buffer.from(text.replace(/ /g, ''), 'hex');

describe('encodeCopyBinary', () => {
  test('writes each kind as PostgreSQL binary input expects (hand-computed bytes)', () => {
    const row = {
      at: Date.UTC(2000, 0, 1, 0, 0, 0, 1), // 1 ms after the PostgreSQL epoch: 1000 microseconds
      q: -2,
      n: 2 ** 32 + 5,
      x: 1.5,
      note: 'ab€',
      doc: { a: 1 },
    };

    expect(tuples(encode([row]))).toEqual([
      [
        hex('00000000 000003e8'),
        hex('fffffffe'),
        hex('00000001 00000005'),
        hex('3ff80000 00000000'), // IEEE 754: 1.5 = 1.1b x 2^0
        hex('61 62 e282ac'), // UTF-8 of the euro sign is e2 82 ac
        Buffer.concat([hex('01'), Buffer.from('{"a":1}')]), // jsonb: version byte 1, then the text
      ],
    ]);
  });

  test('writes NULL as length -1, negative whole numbers in two’s complement, and -0 as 0', () => {
    const row = { at: 0, q: 0, n: -1, x: -0, note: null, doc: {} };
    const [fields] = tuples(encode([row]));

    // 1970-01-01 is 946,684,800 s before 2000-01-01: -946684800000000 microseconds.
    expect(fields![0]!.readBigInt64BE()).toBe(-946_684_800_000_000n);
    expect(fields![2]).toEqual(hex('ffffffff ffffffff'));
    expect(Object.is(fields![3]!.readDoubleBE(), 0)).toBe(true);
    expect(fields![4]).toBeNull();
  });

  test('round-trips times, whole numbers and any string (lone surrogates become U+FFFD, as in Buffer.from)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 7_258_118_400_000 }),
            n: fc.maxSafeInteger(),
            note: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constant(null)),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const full = rows.map((row) => ({ ...row, q: 1, x: 0.25, doc: { k: row.note } }));
          const decoded = tuples(encode(full)).map((fields) => ({
            at: Number(fields[0]!.readBigInt64BE() / 1000n) + 946_684_800_000,
            n: Number(fields[2]!.readBigInt64BE()),
            note: fields[4] === null ? null : fields[4]!.toString('utf8'),
          }));
          // Lone surrogates cannot be UTF-8: like Buffer.from, the encoder writes U+FFFD for them.
          expect(decoded).toEqual(rows.map((row) => ({ ...row, note: row.note && Buffer.from(row.note).toString() })));
        },
      ),
    );
  });

  test('cuts large batches into chunks of about 1 MB and keeps a 3 MB value whole', () => {
    const big = 'é'.repeat(1_500_000);
    const rows = Array.from({ length: 100_000 }, (_, index) => ({
      at: index,
      q: index,
      n: index,
      x: index,
      note: index === 7 ? big : `row ${index}`,
      doc: {},
    }));
    const chunks = [...encodeCopyBinary(spec, rows)];
    const decoded = tuples(Buffer.concat(chunks));

    expect(chunks.length).toBeGreaterThan(3);
    // Only the buffer made for the big value exceeds 1 MB (it was sized for 3 bytes per character).
    expect(chunks.filter((chunk) => chunk.length > 1 << 20).map((chunk) => chunk.length <= 4_500_004)).toEqual([true]);
    expect(decoded).toHaveLength(100_000);
    expect(decoded[7]![4]!.toString('utf8')).toBe(big);
    expect(decoded[99_999]![4]!.toString('utf8')).toBe('row 99999');
  });

  test('refuses JSON longer than the column allows, naming the row', () => {
    const rows = [
      { at: 0, q: 0, n: 0, x: 0, note: null, doc: {} },
      { at: 0, q: 0, n: 0, x: 0, note: null, doc: { text: 'x'.repeat(200) } },
    ];

    expect(() => encode(rows)).toThrow(/row 1.*doc.*at most 100 characters of JSON/s);
  });
});
