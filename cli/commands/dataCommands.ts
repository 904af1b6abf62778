import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { writeTable } from '../../adapters/data/index.js';
import { parseDay } from '../../core/calendar/index.js';
import { parseBarSize } from '../../core/data/Bar.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import { generateBars } from '../../core/synthetic/index.js';
import { outputFile, resolveDataDir } from '../paths.js';
import { parseTickerList, formatSeconds } from '../text.js';

interface GenerateOptions {
  readonly tickers: string;
  readonly start: string;
  readonly end: string;
  readonly bar: string;
  readonly seed: string;
  readonly out?: string;
}

/** `intraday data generate`: seeded synthetic bars, the embedded default data source. */
export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('bar data: generate, inspect');

  data
    .command('generate')
    .description('write seeded synthetic bars (regular NYSE sessions only); the output is labelled synthetic')
    .requiredOption('--tickers <list>', 'comma-separated tickers, e.g. AAPL,MSFT')
    .requiredOption('--start <date>', 'first day, YYYY-MM-DD (inclusive)')
    .requiredOption('--end <date>', 'last day, YYYY-MM-DD (inclusive)')
    .option('--bar <size>', 'bar size: 1m, 5m, 15m, 30m ...', '5m')
    .option('--seed <n>', 'generator seed; the same seed gives the same bars', '7')
    .option('--out <file>', 'output .parquet or .csv (default: <data dir>/bars/synthetic-<seed>.parquet)')
    .action(async (options: GenerateOptions) => {
      const started = performance.now();
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) {
        throw new Error(`--seed must be a whole number >= 0, was "${options.seed}"`);
      }
      const bars = generateBars({
        tickers: parseTickerList(options.tickers),
        startDay: parseDay(options.start),
        endDay: parseDay(options.end),
        barMs: parseBarSize(options.bar),
        seed,
      });
      const out = outputFile(options.out ?? join(resolveDataDir(), 'bars', `synthetic-${seed}.parquet`), '--out');
      mkdirSync(dirname(out), { recursive: true });
      const table = barsToTable(bars);
      await writeTable(out, table);
      console.log(`SYNTHETIC DATA: ${bars.origin.detail}`);
      for (const batch of bars.batches) console.log(`  ${batch.ticker}: ${batch.length} bars`);
      console.log(`wrote ${out} (${table.length} rows) in ${formatSeconds(performance.now() - started)}`);
    });
}
