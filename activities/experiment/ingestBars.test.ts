import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTable } from '../../adapters/data/writeTable.js';
import { BarStore } from '../../adapters/store/BarStore.js';
import { parseDay } from '../../core/calendar/index.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import type { PreparedExperiment } from '../../core/experiment/contracts.js';
import { generateBars } from '../../core/synthetic/index.js';
import { readKeyValueMetadata } from './barsFile.js';
import { makeDeps, prepare, readParquet, smallExperiment } from './experimentTestKit.js';
import { ingestBars, quarantineKeyOf } from './ingestBars.js';

let kit: Awaited<ReturnType<typeof makeDeps>>;
beforeEach(async () => {
  kit = await makeDeps();
});
afterEach(async () => {
  await kit.cleanup();
});

/** A CSV of naive New York times: 10 five-minute bars from 09:30 for each ticker and day, plus `extra` lines. */
async function writeCsv(name: string, tickers: string[], days: string[], extra: string[] = []): Promise<string> {
  const lines = ['ticker,ts,open,high,low,close,volume'];
  for (const ticker of tickers) {
    for (const day of days) {
      for (let k = 0; k < 10; k++) {
        const minute = 30 + 5 * k;
        const time = `${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const price = 100 + k;
        lines.push(`${ticker},${day} ${time},${price},${price + 1},${price - 1},${price + 0.5},${1000 + k}`);
      }
    }
  }
  const path = join(kit.root, name);
  await writeFile(path, [...lines, ...extra].join('\n') + '\n');
  return path;
}

function csvExperiment(path: string, tickers = ['AAPL', 'MSFT']): Record<string, unknown> {
  return smallExperiment({ data: { source: 'csv', path, tickers, start: '2024-03-05', end: '2024-03-06' } });
}

function withData(prepared: PreparedExperiment, data: Record<string, unknown>): PreparedExperiment {
  return { ...prepared, config: { ...prepared.config, data: { ...(prepared.config.data as object), ...data } } };
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the step to fail');
}

describe('ingestBars', () => {
  it('stores the seeded synthetic bars once, then reuses them byte for byte', async () => {
    const prepared = await prepare(kit.deps, smallExperiment());
    const expected = generateBars({
      tickers: ['AAPL', 'GOOG', 'MSFT'],
      startDay: parseDay('2024-03-04'),
      endDay: parseDay('2024-03-22'),
      barMs: 300_000,
      seed: 11,
    });
    const expectedRows = expected.batches.reduce((sum, batch) => sum + batch.length, 0);

    const first = await ingestBars(kit.deps, { prepared });
    const bytes = await kit.store.get(prepared.barsKey);
    const second = await ingestBars(kit.deps, { prepared });
    await kit.store.delete(prepared.barsKey);
    const third = await ingestBars(kit.deps, { prepared });

    expect(expectedRows, '15 sessions of 78 bars for 3 tickers').toBe(3 * 15 * 78);
    expect(first).toEqual({
      barsKey: prepared.barsKey,
      rows: expectedRows,
      tickers: ['AAPL', 'GOOG', 'MSFT'],
      quarantined: 0,
      source: 'synthetic',
      reused: false,
    });
    expect(second, 'the second run reads only counts').toEqual({ ...first, reused: true });
    expect(third.reused).toBe(false);
    expect(
      Buffer.from(await kit.store.get(prepared.barsKey)).equals(Buffer.from(bytes)),
      'same input, same bytes',
    ).toBe(true);
    const [close] = await readParquet(kit.store.pathOf(prepared.barsKey), [{ name: 'close', kind: 'double' }]);
    expect(Array.from(close!.slice(0, 3) as Float64Array)).toEqual(Array.from(expected.batches[0]!.close.slice(0, 3)));
  });

  it('keeps only the tickers and New York days of the experiment from a CSV and counts quarantined rows', async () => {
    // 3 tickers x 3 days x 10 bars; AAPL and MSFT on March 5-6 are kept (40 rows), plus one bad AAPL row.
    const path = await writeCsv(
      'bars.csv',
      ['AAPL', 'MSFT', 'ZZZ'],
      ['2024-03-04', '2024-03-05', '2024-03-06'],
      ['AAPL,2024-03-05 12:00,100,99,101,100,5'],
    );
    const prepared = await prepare(kit.deps, csvExperiment(path));

    const result = await ingestBars(kit.deps, { prepared });

    expect(result).toEqual({
      barsKey: prepared.barsKey,
      rows: 40,
      tickers: ['AAPL', 'MSFT'],
      quarantined: 1,
      source: path,
      reused: false,
    });
    const quarantine = Buffer.from(await kit.store.get(quarantineKeyOf(prepared.barsKey))).toString('utf8');
    expect(quarantine).toContain('HIGH_BELOW_LOW');
    const [ts] = await readParquet(kit.store.pathOf(prepared.barsKey), [{ name: 'ts', kind: 'double' }]);
    const times = ts as Float64Array;
    expect(new Date(Math.min(...times)).toISOString(), '09:30 New York (EST) on March 5').toBe(
      '2024-03-05T14:30:00.000Z',
    );
    expect(new Date(Math.max(...times)).toISOString(), '10:15 New York on March 6').toBe('2024-03-06T15:15:00.000Z');
    expect((await ingestBars(kit.deps, { prepared })).quarantined, 'the count survives a reuse').toBe(1);
  });

  it('reads a Parquet source and keeps the synthetic label of generated bars', async () => {
    const path = join(kit.root, 'bars.parquet');
    const bars = generateBars({
      tickers: ['AAPL', 'MSFT'],
      startDay: parseDay('2024-03-04'),
      endDay: parseDay('2024-03-08'),
      barMs: 300_000,
      seed: 5,
    });
    await writeTable(path, barsToTable(bars));
    const config = smallExperiment({
      data: { source: 'parquet', path, tickers: ['MSFT'], start: '2024-03-05', end: '2024-03-06' },
    });
    const prepared = await prepare(kit.deps, config);

    const result = await ingestBars(kit.deps, { prepared });
    const metadata = await readKeyValueMetadata(kit.store.pathOf(prepared.barsKey));

    expect(result).toMatchObject({ rows: 2 * 78, tickers: ['MSFT'], quarantined: 0, source: path });
    expect(metadata).toMatchObject({ origin_kind: 'synthetic', bar_ms: '300000', quarantined: '0', source: path });
  });

  it('refuses a file with more quarantined rows than the configured limit, naming the file', async () => {
    const bad = Array.from(
      { length: 10 },
      (_, k) => `AAPL,2024-03-05 12:${String(k * 5).padStart(2, '0')},100,99,101,100,5`,
    );
    const path = await writeCsv('bad.csv', ['AAPL', 'MSFT'], ['2024-03-05', '2024-03-06'], bad);
    const prepared = await prepare(kit.deps, csvExperiment(path));

    const error = await errorOf(ingestBars(kit.deps, { prepared }));

    expect(error.code).toBe('BAD_EXPERIMENT_DATA');
    expect(error.message).toBe(
      `data.path "${path}": 10 of 50 rows (20.0%) were quarantined, above the limit of 5% ` +
        "(config/system.yaml data.quarantine_limit_pct); check the file's columns and timestamps",
    );
    expect(await kit.store.exists(prepared.barsKey), 'nothing is stored').toBe(false);
  });

  it('names a ticker that has no bars in the file', async () => {
    const path = await writeCsv('bars.csv', ['AAPL', 'MSFT'], ['2024-03-05']);
    const prepared = await prepare(kit.deps, csvExperiment(path, ['AAPL', 'NVDA', 'MSFT']));

    const error = await errorOf(ingestBars(kit.deps, { prepared }));

    expect(error.code).toBe('BAD_EXPERIMENT_DATA');
    expect(error.message).toBe(
      `data: source ${path} has no bars for ticker NVDA from 2024-03-05 to 2024-03-06 (New York days)`,
    );
  });

  it('turns an unreadable source file into bad data naming the file', async () => {
    const path = await writeCsv('bars.csv', ['AAPL', 'MSFT'], ['2024-03-05']);
    const prepared = await prepare(kit.deps, csvExperiment(path));
    const missing = join(kit.root, 'gone.csv');

    const error = await errorOf(ingestBars(kit.deps, { prepared: withData(prepared, { path: missing }) }));

    expect(error.code).toBe('BAD_EXPERIMENT_DATA');
    expect(error.message.startsWith(`data.path "${missing}": `)).toBe(true);
  });

  it('tells the user to run intraday fetch when the ibkr bars are not in the store', async () => {
    const prepared = await prepare(kit.deps, smallExperiment());
    const ibkr = withData(prepared, { source: 'ibkr', tickers: ['AAPL', 'MSFT'] });

    const error = await errorOf(ingestBars(kit.deps, { prepared: ibkr }));

    expect(error.code).toBe('BAD_EXPERIMENT_DATA');
    expect(error.message).toContain('the bar store has no dataset "ibkr-5m"');
    expect(error.message).toContain(
      'run `intraday fetch --source ibkr --tickers AAPL,MSFT --start 2024-03-04 --end 2024-03-22 --bar 5m` first',
    );
  });

  it('reads ibkr bars from the bar store dataset that intraday fetch fills', async () => {
    const prepared = await prepare(kit.deps, smallExperiment());
    const ibkr = withData(prepared, {
      source: 'ibkr',
      tickers: ['AAPL', 'MSFT'],
      start: '2024-03-11',
      end: '2024-03-12',
    });
    const bars = generateBars({
      tickers: ['AAPL', 'MSFT', 'GOOG'],
      startDay: parseDay('2024-03-08'),
      endDay: parseDay('2024-03-13'),
      barMs: 300_000,
      seed: 3,
    });
    await new BarStore(kit.store).append('ibkr-5m', bars);

    const result = await ingestBars(kit.deps, { prepared: ibkr });

    expect(result.rows, 'two sessions of 78 bars for two tickers').toBe(2 * 2 * 78);
    expect(result.tickers).toEqual(['AAPL', 'MSFT']);
    expect(result.source).toBe('ibkr');
  });
});
