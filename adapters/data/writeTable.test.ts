import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchFromBars } from '../../core/data/BarBatch.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import type { Table } from '../../core/data/Table.js';
import { loadBars } from './loadBars.js';
import { parseColumnMap } from './loadColumnMap.js';
import { formatNumber } from './writeCsv.js';
import { writeTable } from './writeTable.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-write-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const T0 = Date.parse('2025-06-02T13:30:00.000Z');
const bar = (ticker: string, k: number, close: number, volume = 1000) => ({
  ticker,
  ts: T0 + k * 300_000,
  open: close * 0.999,
  high: close * 1.002,
  low: close * 0.997,
  close,
  volume,
});

const SAMPLE: BarSet = {
  batches: [
    batchFromBars('AAPL', 300_000, [bar('AAPL', 0, 200.1), bar('AAPL', 1, 0.1 + 0.2), bar('AAPL', 2, 1e-7, -1)]),
    batchFromBars('MSFT', 300_000, [bar('MSFT', 0, 470.123456789012), bar('MSFT', 1, 1 / 3, 123456789)]),
  ],
  origin: { kind: 'file', detail: 'sample' },
};

function expectSameBars(actual: BarSet, expected: BarSet): void {
  expect(actual.batches.map((batch) => batch.ticker)).toEqual(expected.batches.map((batch) => batch.ticker));
  actual.batches.forEach((batch, k) => {
    const want = expected.batches[k]!;
    for (const column of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(batch[column]), `${batch.ticker} ${column}`).toEqual(Array.from(want[column]));
    }
  });
}

describe('writeTable', () => {
  for (const extension of ['csv', 'parquet'] as const) {
    it(`gives back exactly the same bars after a ${extension} round trip`, async () => {
      const path = join(folder, `round.${extension}`);

      await writeTable(path, barsToTable(SAMPLE));
      const { bars, quarantine } = await loadBars(path);

      expect(quarantine.rows).toEqual([]);
      expectSameBars(bars, SAMPLE);
    });

    it(`writes the same ${extension} bytes for the same table`, async () => {
      const first = join(folder, `first.${extension}`);
      const second = join(folder, `second.${extension}`);

      await writeTable(first, barsToTable(SAMPLE));
      await writeTable(second, barsToTable(SAMPLE));

      expect(Buffer.compare(await readFile(first), await readFile(second))).toBe(0);
    });

    it(`keeps the synthetic label through ${extension}`, async () => {
      const path = join(folder, `synthetic.${extension}`);

      await writeTable(path, barsToTable({ ...SAMPLE, origin: { kind: 'synthetic', detail: 'seed 7' } }));
      const { bars } = await loadBars(path);

      expect(bars.origin).toEqual({ kind: 'synthetic', detail: path });
    });
  }

  it('writes CSV with ISO-8601 UTC timestamps, shortest numbers and NaN as an empty cell', async () => {
    const path = join(folder, 'features.csv');
    const table: Table = {
      length: 2,
      columns: [
        { name: 'ticker', kind: 'string', values: ['AAPL', 'A,"B"'] },
        { name: 'ts', kind: 'timestamp', values: Float64Array.of(T0, Number.NaN) },
        { name: 'x', kind: 'number', values: Float64Array.of(0.1 + 0.2, Number.NaN) },
      ],
      metadata: {},
    };

    await writeTable(path, table);

    expect(await readFile(path, 'utf8')).toBe(
      'ticker,ts,x\nAAPL,2025-06-02T13:30:00.000Z,0.30000000000000004\n"A,""B""",,\n',
    );
  });

  it('writes NaN as NULL in Parquet and reads it back as a quarantined NOT_A_NUMBER row', async () => {
    const path = join(folder, 'nan.parquet');
    const table = barsToTable(SAMPLE);
    const close = table.columns.find((column) => column.name === 'close')!.values as Float64Array;
    close[1] = Number.NaN;

    await writeTable(path, table);
    const { quarantine } = await loadBars(path);

    expect(quarantine.counts).toEqual({ NOT_A_NUMBER: 1 });
    expect(quarantine.rows[0]).toMatchObject({ line: 2, ticker: 'AAPL', detail: 'close not a finite number' });
    expect(quarantine.rowsIn).toBe(quarantine.rowsOut + 1);
  });

  it('quarantines bad Parquet rows like bad CSV rows', async () => {
    const path = join(folder, 'bad.parquet');
    const bad: BarSet = {
      batches: [
        batchFromBars('AAPL', 0, [
          bar('AAPL', 0, 100),
          { ...bar('AAPL', 1, 100), high: 90 },
          bar('AAPL', 1, 101),
          bar('AAPL', 1, 102),
          { ...bar('AAPL', 2, 100), volume: -3 },
        ]),
      ],
      origin: { kind: 'file', detail: 'bad' },
    };

    await writeTable(path, barsToTable(bad));
    const { quarantine } = await loadBars(path, { universe: ['AAPL'] });

    expect(quarantine.counts).toEqual({ HIGH_BELOW_LOW: 1, DUPLICATE_TIMESTAMP: 1, NEGATIVE_VOLUME: 1 });
    expect(quarantine.rowsIn).toBe(5);
    expect(quarantine.rowsOut).toBe(2);
  });

  it('reads renamed columns through a column map', async () => {
    const path = join(folder, 'renamed.csv');
    const table = barsToTable(SAMPLE);
    const names: Record<string, string> = {
      ticker: 'Sym',
      ts: 'When',
      open: 'O',
      high: 'H',
      low: 'L',
      close: 'C',
      volume: 'Qty',
    };
    await writeTable(path, {
      ...table,
      columns: table.columns.map((column) => ({ ...column, name: names[column.name]! })),
    });
    const map = parseColumnMap('inline', { columns: { ticker: 'Sym', ts: 'When', volume: 'Qty' } });

    const { bars } = await loadBars(path, { map });

    expectSameBars(bars, SAMPLE);
  });

  it('prints every finite double so that it parses back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        expect(Object.is(Number(formatNumber(value)), value)).toBe(true);
      }),
    );
  });
});
