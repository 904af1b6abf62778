import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../core/data/Table.js';
import { openDuck, queryColumns, sqlString, type CodedStrings } from './duckdb.js';
import { parquetCopyOptions, writeParquet, type ParquetWriteOptions } from './writeParquet.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-parquet-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ROWS = 5000;
const T0 = Date.parse('2025-06-02T13:30:00.000Z');

/** Two tickers, a timestamp, a column of awkward doubles (NaN, -0, tiny, huge) and one of three classes. */
function sampleTable(): Table {
  const ticker = Array.from({ length: ROWS }, (_, row) => (row < ROWS / 2 ? 'AAPL' : 'MSFT'));
  const ts = Float64Array.from({ length: ROWS }, (_, row) => T0 + (row % (ROWS / 2)) * 300_000);
  const awkward = [Number.NaN, -0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, -1 / 3];
  const value = Float64Array.from({ length: ROWS }, (_, row) => awkward[row % awkward.length]! * (1 + row * 1e-9));
  const label = Float64Array.from({ length: ROWS }, (_, row) => (row % 7 === 0 ? Number.NaN : (row % 3) - 1));
  return {
    length: ROWS,
    columns: [
      { name: 'ticker', kind: 'string', values: ticker },
      { name: 'ts', kind: 'timestamp', values: ts },
      { name: 'value', kind: 'number', values: value },
      { name: 'label', kind: 'number', values: label },
    ],
    metadata: { origin_kind: 'test', origin_detail: 'writeParquet.test' },
  };
}

async function readBack(path: string): Promise<{
  tickers: string[];
  columns: Float64Array[];
  encoding: Map<string, { compression: string; encodings: string }>;
}> {
  const duck = await openDuck();
  try {
    const rows = await queryColumns(
      duck.connection,
      `SELECT ticker, CAST(epoch_ms(ts) AS DOUBLE), value, label FROM read_parquet(${sqlString(path)})`,
      ['varchar', 'double', 'double', 'double'],
    );
    const meta = await queryColumns(
      duck.connection,
      `SELECT path_in_schema, compression, encodings FROM parquet_metadata(${sqlString(path)}) WHERE row_group_id = 0`,
      ['varchar', 'varchar', 'varchar'],
    );
    const text = (k: number, row: number): string => {
      const coded = meta.columns[k] as CodedStrings;
      return coded.names[coded.codes[row]!]!;
    };
    const encoding = new Map<string, { compression: string; encodings: string }>();
    for (let row = 0; row < meta.length; row++) {
      encoding.set(text(0, row), { compression: text(1, row), encodings: text(2, row) });
    }
    const tickers = rows.columns[0] as CodedStrings;
    return {
      tickers: Array.from(tickers.codes, (code) => tickers.names[code]!),
      columns: rows.columns.slice(1) as Float64Array[],
      encoding,
    };
  } finally {
    duck.close();
  }
}

describe('writeParquet encodings', () => {
  it('builds the COPY options, the default being zstd at DuckDB level with dictionaries', () => {
    expect(parquetCopyOptions()).toEqual(['FORMAT parquet', 'COMPRESSION zstd']);
    expect(parquetCopyOptions({ compression: 'zstd', compressionLevel: 1, dictionary: false })).toEqual([
      'FORMAT parquet',
      'COMPRESSION zstd',
      'COMPRESSION_LEVEL 1',
      'DICTIONARY_SIZE_LIMIT 1',
    ]);
    expect(parquetCopyOptions({ compression: 'uncompressed' })).toEqual(['FORMAT parquet', 'COMPRESSION uncompressed']);
  });

  const cases: { name: string; options: ParquetWriteOptions | undefined; compression: string; dictionary: boolean }[] =
    [
      { name: 'default', options: undefined, compression: 'ZSTD', dictionary: true },
      {
        name: 'zstd level 1, no dictionary',
        options: { compression: 'zstd', compressionLevel: 1, dictionary: false },
        compression: 'ZSTD',
        dictionary: false,
      },
      {
        name: 'uncompressed, no dictionary',
        options: { compression: 'uncompressed', dictionary: false },
        compression: 'UNCOMPRESSED',
        dictionary: false,
      },
    ];
  for (const { name, options, compression, dictionary } of cases) {
    it(`${name}: the file is encoded as asked and every value reads back as written`, async () => {
      const table = sampleTable();
      const path = join(folder, `${name.replace(/[^a-z0-9]+/g, '-')}.parquet`);
      await writeParquet(path, table, options);
      const back = await readBack(path);

      expect(back.tickers).toEqual(table.columns[0]!.values);
      table.columns.slice(1).forEach((column, k) => {
        const want = column.values as Float64Array;
        const got = back.columns[k]!;
        expect(got.length).toBe(ROWS);
        // Bit for bit, NaN (stored as NULL) included; toEqual would treat -0 and 0 alike.
        const differing = want.findIndex((value, row) => !Object.is(value, got[row]));
        expect(differing, `${column.name}: first row that differs`).toBe(-1);
      });
      expect(back.encoding.get('value')!.compression).toBe(compression);
      // The three-class column is where DuckDB keeps a dictionary unless told not to.
      expect(back.encoding.get('label')!.encodings.includes('DICTIONARY')).toBe(dictionary);
      expect(back.encoding.get('ticker')!.encodings.includes('DICTIONARY')).toBe(dictionary);
    });
  }
});
