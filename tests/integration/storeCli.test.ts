import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { writeTable } from '../../adapters/data/index.js';
import { BarStore } from '../../adapters/store/index.js';
import { daysOf, makeBars, rowsOf } from '../../adapters/store/storeTestKit.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import { intraday } from '../support/runCli.js';

let dataDir: string;
const env = (): Record<string, string> => ({ INTRADAY_DATA_DIR: dataDir });
const store = (): BarStore => new BarStore(new LocalBlobStore(join(dataDir, 'blobs')));

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'store-cli-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** 5-minute rows `ticker,YYYY-MM-DD HH:MM:SS,o,h,l,c,v` (New York wall time) from `open` until before `close`. */
function csvDay(ticker: string, day: string, skip: readonly string[] = [], close = '16:00'): string[] {
  const lines: string[] = [];
  const [closeHour, closeMinute] = close.split(':').map(Number) as [number, number];
  for (let minute = 9 * 60 + 30; minute < closeHour * 60 + closeMinute; minute += 5) {
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    if (!skip.includes(time)) lines.push(`${ticker},${day} ${time}:00,100,101,99,100.5,1000`);
  }
  return lines;
}

// Each CLI run starts a Node process that loads DuckDB: allow for a loaded machine.
const CLI_TIMEOUT_MS = 180_000;

describe('intraday store put, gaps and list', () => {
  it(
    'stores a file, quarantines its bad row, and reports the missing session, bars and the half day',
    async () => {
      // Jul 1-5 2024: AAPL lacks Jul 2 10:00-10:10 and all of Jul 5; Jul 3 is a half day (13:00); Jul 4 a holiday.
      const rows = [
        ...csvDay('AAPL', '2024-07-01'),
        ...csvDay('AAPL', '2024-07-02', ['10:00', '10:05', '10:10']),
        ...csvDay('AAPL', '2024-07-03', [], '13:00'),
        'AAPL,2024-07-03 13:00:00,100,99,101,100,5',
        ...['2024-07-01', '2024-07-02'].flatMap((day) => csvDay('MSFT', day)),
        ...csvDay('MSFT', '2024-07-03', [], '13:00'),
        ...csvDay('MSFT', '2024-07-05'),
      ];
      const file = join(dataDir, 'week.csv');
      await writeFile(file, ['symbol,datetime,open,high,low,close,volume', ...rows].join('\n') + '\n');

      const put = await intraday(['store', 'put', '--dataset', 'week', '--data', file], env());
      const gaps = await intraday(['store', 'gaps', '--dataset', 'week'], env());
      const list = await intraday(['store', 'list'], env());

      expect(put.code, put.err).toBe(0);
      expect(put.out).toContain('rows in: 472\nrows quarantined: 1\n  HIGH_BELOW_LOW: 1\n');
      expect(put.out).toContain(join(dataDir, 'quarantine', 'week', 'week.csv.quarantine.csv'));
      expect(put.out).toMatch(
        /dataset week: 2 tickers \(AAPL, MSFT\); bars 471 added, 0 replaced, 0 unchanged; partitions 2 written/,
      );
      expect(gaps.code, gaps.err).toBe(0);
      expect(gaps.out).toBe(
        [
          'dataset week: 5m bars, 2 tickers, 2024-07-01 to 2024-07-05 (4 sessions, 1 half days; times in New York)',
          'AAPL: gaps; sessions 3 of 4, bars 195 of 276, 3 missing inside sessions in 1 gaps',
          '  missing sessions: 2024-07-05',
          '  2024-07-02 10:00-10:15 ET: 3 bars missing',
          'MSFT: complete; sessions 4 of 4, bars 276 of 276, 0 missing inside sessions in 0 gaps',
          '',
        ].join('\n'),
      );
      expect(list.out).toBe('bars week: 5m, 2 tickers (AAPL, MSFT)\n');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'fails clearly on an unknown dataset and on a malformed file, storing nothing',
    async () => {
      const empty = join(dataDir, 'empty.csv');
      const noClose = join(dataDir, 'no-close.csv');
      await writeFile(empty, '');
      await writeFile(noClose, 'symbol,datetime,open,high,low\nAAPL,2024-07-01 09:30:00,1,2,1\n');

      // Independent runs, started together: each CLI start costs seconds on a busy machine.
      const [unknown, emptyPut, columnPut, badName] = await Promise.all([
        intraday(['store', 'gaps', '--dataset', 'missing'], env()),
        intraday(['store', 'put', '--dataset', 'd', '--data', empty], env()),
        intraday(['store', 'put', '--dataset', 'd', '--data', noClose], env()),
        intraday(['store', 'put', '--dataset', '../d', '--data', noClose], env()),
      ]);
      const list = await intraday(['store', 'list'], env());

      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('no bars dataset "missing" in the store; the store holds none yet');
      expect(emptyPut.code).toBe(1);
      expect(emptyPut.err).toContain(`${empty}: expected a header line and bars, found an empty file`);
      expect(columnPut.code).toBe(1);
      expect(columnPut.err).toMatch(/no-close\.csv.*close/);
      expect(badName.code).toBe(1);
      expect(list.out, 'nothing was stored').toContain('holds no datasets yet');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'ends consistent when two processes append different tickers and overlapping ranges at once',
    async () => {
      const bars = makeBars(['AAPL', 'MSFT', 'NVDA'], '2024-06-17', '2024-07-12');
      const first = join(dataDir, 'first.parquet');
      const second = join(dataDir, 'second.parquet');
      const pick = (tickers: string[], from: string, to: string): typeof bars => {
        const part = daysOf(bars, from, to);
        return { ...part, batches: part.batches.filter((batch) => tickers.includes(batch.ticker)) };
      };
      await writeTable(first, barsToTable(pick(['AAPL', 'MSFT'], '2024-06-17', '2024-07-03')));
      await writeTable(second, barsToTable(pick(['MSFT', 'NVDA', 'AAPL'], '2024-06-28', '2024-07-12')));

      const runs = await Promise.all([
        intraday(['store', 'put', '--dataset', 'shared', '--data', first], env()),
        intraday(['store', 'put', '--dataset', 'shared', '--data', second], env()),
      ]);

      expect(
        runs.map((run) => run.code),
        runs.map((run) => run.err).join('\n'),
      ).toEqual([0, 0]);
      const expected = [
        ...rowsOf(pick(['AAPL', 'MSFT'], '2024-06-17', '2024-07-12')),
        ...rowsOf(pick(['NVDA'], '2024-06-28', '2024-07-12')),
      ];
      expect(rowsOf(await store().read('shared')), 'every bar of both files, each once').toEqual(expected);
    },
    CLI_TIMEOUT_MS,
  );
});
