import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intraday } from '../support/runCli.js';

const METRIC_KEYS = [
  'ic_pearson',
  'ic_spearman',
  'sharpe',
  'sortino',
  'max_drawdown',
  'calmar',
  'win_rate',
  'profit_factor',
  'avg_trade_bars',
  'exposure',
  'turnover',
  'costs',
  'trades',
  'total_return',
];

describe('intraday backtest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intraday-backtest-'));
  const bars = join(dir, 'bars.csv');
  const signals = join(dir, 'signals.csv');

  async function prepare(): Promise<void> {
    const generated = await intraday([
      'data',
      'generate',
      '--tickers',
      'AAA,BBB',
      '--start',
      '2024-03-04',
      '--end',
      '2024-03-08',
      '--seed',
      '11',
      '--out',
      bars,
    ]);
    expect(generated.code, generated.err).toBe(0);
    // Fade each bar's move: a signal per bar, in the data file's own timestamp convention (UTC ISO here).
    const lines = readFileSync(bars, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const at = (name: string): number => header.indexOf(name);
    const rows = lines.slice(1).map((line) => line.split(','));
    const out = ['ticker,ts,signal,confidence'];
    for (const row of rows) {
      const move = Number(row[at('close')]) / Number(row[at('open')]) - 1;
      out.push(`${row[at('ticker')]},${row[at('ts')]},${Math.max(-1, Math.min(1, -move * 300)).toFixed(4)},0.8`);
    }
    writeFileSync(signals, `${out.join('\n')}\n`);
  }

  it('writes every required metric, the daily equity and the trades, and --costs none costs nothing', async () => {
    await prepare();

    const withCosts = await intraday([
      'backtest',
      '--data',
      bars,
      '--signals',
      signals,
      '--json',
      join(dir, 'costs.json'),
    ]);
    const free = await intraday([
      'backtest',
      '--data',
      bars,
      '--signals',
      signals,
      '--json',
      join(dir, 'free.json'),
      '--costs',
      'none',
    ]);

    expect(withCosts.code, withCosts.err).toBe(0);
    expect(free.code, free.err).toBe(0);
    expect(withCosts.out).toMatch(/signals: 780 matched of 780 rows; 0 match no bar/);
    const paid = JSON.parse(readFileSync(join(dir, 'costs.json'), 'utf8')) as {
      metrics: Record<string, number>;
      equity: unknown[];
      trades: unknown[];
      source: string;
    };
    const none = JSON.parse(readFileSync(join(dir, 'free.json'), 'utf8')) as { metrics: Record<string, number> };
    for (const key of METRIC_KEYS) expect(Object.keys(paid.metrics), `metric ${key}`).toContain(key);
    expect(paid.source).toBe('synthetic');
    expect(paid.equity).toHaveLength(5);
    expect(paid.trades.length).toBe(paid.metrics['trades']);
    expect(paid.metrics['trades']).toBeGreaterThan(10);
    expect(paid.metrics['costs']).toBeGreaterThan(0);
    expect(none.metrics['costs']).toBe(0);
    expect(none.metrics['total_return']).toBeGreaterThan(paid.metrics['total_return']!);
  });

  it('counts signals that match no bar instead of dropping them silently, and rejects a bad --costs', async () => {
    await prepare();
    const stray = join(dir, 'stray.csv');
    writeFileSync(
      stray,
      'ticker,ts,signal,confidence\nAAA,2024-03-04T14:30:00.000Z,0.5,0.5\nZZZ,2024-03-04T14:30:00.000Z,0.5,0.5\nAAA,2024-03-04T14:35:00.000Z,3,0.5\naaa,2024-03-04T14:30:00.000Z,-0.2,0.5\n',
    );

    const result = await intraday(['backtest', '--data', bars, '--signals', stray, '--json', join(dir, 'stray.json')]);
    const bad = await intraday([
      'backtest',
      '--data',
      bars,
      '--signals',
      stray,
      '--json',
      join(dir, 'bad.json'),
      '--costs',
      'cheap',
    ]);

    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('signals: 1 matched of 4 rows; 1 match no bar, 1 duplicates, 1 out of range');
    expect(result.out).toContain('ZZZ 2024-03-04T14:30:00.000Z matches no bar');
    // Every row set aside is kept beside the output with its line, reason and text; the first signal of a bar wins.
    const kept = readFileSync(join(dir, 'stray.signals-quarantine.csv'), 'utf8').trim().split('\n');
    expect(kept).toEqual([
      'line,ticker,reason,detail,raw',
      '3,ZZZ,NO_MATCHING_BAR,ZZZ 2024-03-04T14:30:00.000Z matches no bar of the data file,' +
        '"ZZZ,2024-03-04T14:30:00.000Z,0.5,0.5"',
      '4,AAA,OUTSIDE_RANGE,"signal 3 or confidence 0.5 outside [-1,1] / [0,1]","AAA,2024-03-04T14:35:00.000Z,3,0.5"',
      '5,AAA,DUPLICATE_SIGNAL,"line 2 already gave this bar its signal, kept","aaa,2024-03-04T14:30:00.000Z,-0.2,0.5"',
    ]);
    expect(result.out).toContain('stray.signals-quarantine.csv');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--costs must be "config" or "none", was "cheap"');
  });

  it('reads bar-start signals against a bar_end data file with --signals-ts bar_start, never a bar early', async () => {
    await prepare();
    // The same bars stamped at their ends, as some vendors write them, with a column map that says so.
    const lines = readFileSync(bars, 'utf8').trim().split('\n');
    const at = lines[0]!.split(',').indexOf('ts');
    const shifted = lines.slice(1).map((line) => {
      const cells = line.split(',');
      cells[at] = new Date(Date.parse(cells[at]!) + 300_000).toISOString();
      return cells.join(',');
    });
    const barEnds = join(dir, 'bar-ends.csv');
    writeFileSync(barEnds, `${[lines[0], ...shifted].join('\n')}\n`);
    const map = join(dir, 'bar-end-map.yaml');
    writeFileSync(map, 'timestamps: {convention: bar_end}\n');
    // Predictions as `intraday model predict` writes them: bar starts. Long from the 15:00 bar, flat from 15:30.
    const entrySignal = Date.parse('2024-03-05T15:00:00.000Z');
    const predictions = join(dir, 'predictions.csv');
    writeFileSync(
      predictions,
      'ticker,ts,signal,confidence\nAAA,2024-03-05T15:00:00.000Z,1,1\nAAA,2024-03-05T15:30:00.000Z,0,1\n',
    );
    const backtest = (json: string, more: readonly string[]) =>
      intraday(['backtest', '--data', barEnds, '--map', map, '--signals', predictions, '--json', json, ...more]);
    const run = async (name: string, more: readonly string[]) => {
      const json = join(dir, `${name}.json`);
      const result = await backtest(json, more);
      expect(result.code, result.err).toBe(0);
      const trades = (JSON.parse(readFileSync(json, 'utf8')) as { trades: { entryTs: string }[] }).trades;
      return { out: result.out, entry: Date.parse(trades[0]!.entryTs) };
    };

    const asData = await run('as-data', []);
    const asStarts = await run('as-starts', ['--signals-ts', 'bar_start']);
    const bad = await backtest(join(dir, 'x.json'), ['--signals-ts', 'middle']);

    expect(asData.out, 'the trap is named').toContain('pass --signals-ts bar_start');
    // The decision bar is 15:00-15:05: its order fills at the next bar's open, 15:05, never earlier.
    expect(asStarts.entry).toBe(entrySignal + 300_000);
    expect(asData.entry, 'read as bar ends, the same file acts one bar early').toBe(entrySignal);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--signals-ts must be "data", "bar_start" or "bar_end", was "middle"');
  });
});
