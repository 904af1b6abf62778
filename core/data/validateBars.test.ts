import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parseTimestamp.js';
import type { RawBars } from './RawBars.js';
import { allocateRawColumns } from './RawBars.js';
import type { ValidateOptions } from './validateBars.js';
import { validateBars } from './validateBars.js';

type Row = readonly [
  ticker: string,
  time: string,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
];

function rawFrom(rows: readonly Row[]): RawBars {
  const columns = allocateRawColumns(rows.length);
  const names: string[] = [];
  rows.forEach(([ticker, time, open, high, low, close, volume], i) => {
    if (!names.includes(ticker)) names.push(ticker);
    const parsed = parseTimestamp(time)!;
    columns.tickerCode[i] = names.indexOf(ticker);
    columns.time[i] = parsed.ms;
    columns.timeIsWall[i] = parsed.isWall ? 1 : 0;
    columns.open[i] = open;
    columns.high[i] = high;
    columns.low[i] = low;
    columns.close[i] = close;
    columns.volume[i] = volume;
  });
  return {
    length: rows.length,
    columns: ['symbol', 'ts', 'open', 'high', 'low', 'close', 'volume'],
    tickerNames: names,
    ...columns,
    problems: new Map(),
    lineOf: (i) => i + 2,
    rawText: (i) => rows[i]!.join(','),
    synthetic: false,
  };
}

const NEW_YORK_STARTS: ValidateOptions = { source: 'test', convention: 'bar_start', zone: 'America/New_York' };
const flat = (ticker: string, time: string): Row => [ticker, time, 10, 10, 10, 10, 1];
const isoTimes = (raw: RawBars, options: ValidateOptions = NEW_YORK_STARTS): string[] =>
  Array.from(validateBars(raw, options).bars.batches[0]!.ts, (ms) => new Date(ms).toISOString());

describe('validateBars across daylight-saving changes', () => {
  it('reads 09:30 New York as 14:30 UTC before spring forward and 13:30 UTC after', () => {
    const raw = rawFrom([flat('SPY', '2025-03-07 09:30:00'), flat('SPY', '2025-03-10 09:30:00')]);

    expect(isoTimes(raw)).toEqual(['2025-03-07T14:30:00.000Z', '2025-03-10T13:30:00.000Z']);
  });

  it('reads 09:30 New York as 13:30 UTC before fall back and 14:30 UTC after', () => {
    const raw = rawFrom([flat('SPY', '2025-10-31 09:30:00'), flat('SPY', '2025-11-03 09:30:00')]);

    expect(isoTimes(raw)).toEqual(['2025-10-31T13:30:00.000Z', '2025-11-03T14:30:00.000Z']);
  });

  it('quarantines the nonexistent 02:30 of the spring-forward day and keeps its neighbours', () => {
    const raw = rawFrom([
      flat('SPY', '2025-03-09 01:30:00'),
      flat('SPY', '2025-03-09 02:30:00'),
      flat('SPY', '2025-03-09 03:30:00'),
    ]);

    const { bars, quarantine } = validateBars(raw, NEW_YORK_STARTS);

    expect(quarantine.counts).toEqual({ NONEXISTENT_LOCAL_TIME: 1 });
    expect(quarantine.rows[0]).toMatchObject({ line: 3, ticker: 'SPY', raw: 'SPY,2025-03-09 02:30:00,10,10,10,10,1' });
    expect(Array.from(bars.batches[0]!.ts, (ms) => new Date(ms).toISOString())).toEqual([
      '2025-03-09T06:30:00.000Z',
      '2025-03-09T07:30:00.000Z',
    ]);
  });

  it('reads the repeated 01:30 of the fall-back day as the first, daylight-saving instant', () => {
    const raw = rawFrom([flat('SPY', '2025-11-02 01:30:00')]);

    expect(isoTimes(raw)).toEqual(['2025-11-02T05:30:00.000Z']);
  });

  it('takes timestamps with Z or an offset as given, whatever the zone', () => {
    const raw = rawFrom([flat('SPY', '2025-03-09T02:30:00Z'), flat('SPY', '2025-03-09T03:30:00-05:00')]);

    expect(isoTimes(raw)).toEqual(['2025-03-09T02:30:00.000Z', '2025-03-09T08:30:00.000Z']);
  });

  it('subtracts one bar from bar-end times across the change', () => {
    const raw = rawFrom([
      flat('SPY', '2025-03-07 09:31:00'),
      flat('SPY', '2025-03-07 09:32:00'),
      flat('SPY', '2025-03-10 09:31:00'),
    ]);

    expect(isoTimes(raw, { ...NEW_YORK_STARTS, convention: 'bar_end' })).toEqual([
      '2025-03-07T14:30:00.000Z',
      '2025-03-07T14:31:00.000Z',
      '2025-03-10T13:30:00.000Z',
    ]);
  });
});

describe('validateBars', () => {
  it('sorts batches by ticker and keeps each ticker in file order when tickers interleave', () => {
    const raw = rawFrom([
      flat('MSFT', '2025-06-02 09:30'),
      flat('AAPL', '2025-06-02 09:30'),
      flat('MSFT', '2025-06-02 09:35'),
      flat('AAPL', '2025-06-02 09:35'),
    ]);

    const { bars } = validateBars(raw, NEW_YORK_STARTS);

    expect(bars.batches.map((batch) => [batch.ticker, batch.length, batch.barMs])).toEqual([
      ['AAPL', 2, 300_000],
      ['MSFT', 2, 300_000],
    ]);
  });

  it('infers the bar size as the most common spacing, ignoring overnight gaps', () => {
    const raw = rawFrom([
      flat('A', '2025-06-02 15:50'),
      flat('A', '2025-06-02 15:55'),
      flat('A', '2025-06-03 09:30'),
      flat('A', '2025-06-03 09:35'),
      flat('A', '2025-06-03 09:40'),
    ]);

    expect(validateBars(raw, NEW_YORK_STARTS).bars.batches[0]!.barMs).toBe(300_000);
  });

  it('leaves rows outside the selection out of both the bars and the counts', () => {
    const raw = rawFrom([
      flat('A', '2025-06-02 09:30'),
      flat('B', '2025-06-02 09:30'),
      flat('A', '2025-06-02 09:35'),
      ['A', '2025-06-02 09:40', 5, 1, 2, 3, 1],
    ]);

    const result = validateBars(raw, {
      ...NEW_YORK_STARTS,
      select: { tickers: new Set(['A']), startMs: Date.parse('2025-06-02T13:35:00Z') },
    });

    expect(result.rowsNotRequested).toBe(2);
    expect(result.quarantine).toMatchObject({ rowsIn: 2, rowsOut: 1, counts: { HIGH_BELOW_LOW: 1 } });
  });

  it('refuses a bar size that is not positive', () => {
    expect(() => validateBars(rawFrom([]), { ...NEW_YORK_STARTS, barMs: 0 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: 'barMs must be a positive number of milliseconds, was "0"',
      }),
    );
  });
});
