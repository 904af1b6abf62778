import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadAppConfig, readConfigFile } from '../../adapters/config/loadConfig.js';
import { loadBars, loadColumnMap } from '../../adapters/data/index.js';
import { loadSignals } from '../../adapters/data/loadSignals.js';
import { BacktestConfigSchema } from '../../config/backtest.js';
import { ConfigError } from '../../config/errors.js';
import { signalInformationCoefficient } from '../../core/analytics/index.js';
import { runBacktest, simBrokerConfigFrom } from '../../core/backtest/index.js';
import { formatDay } from '../../core/calendar/index.js';
import { NoSignalMatchesError } from '../../core/data/errors.js';
import { outputFile, resolveConfigDir } from '../paths.js';
import { keepQuarantine } from '../keepQuarantine.js';
import { formatSeconds, parsePercentOption } from '../text.js';

interface BacktestOptions {
  readonly data: string;
  readonly signals: string;
  readonly config?: string;
  readonly map?: string;
  readonly json: string;
  readonly costs: string;
  readonly maxQuarantinePct?: string;
  readonly signalsTs: string;
}

/** JSON has no NaN or infinities: write them as null, "Infinity" or "-Infinity" so nothing is silently zero. */
function jsonNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  return Number.isNaN(value) ? null : value > 0 ? 'Infinity' : '-Infinity';
}

/** `intraday backtest`: the engine with the simulated broker over bars and precomputed signals. */
export function registerBacktestCommands(program: Command): void {
  program
    .command('backtest')
    .description('replay bars and signals through the engine, risk manager and simulated broker; write metrics as JSON')
    .requiredOption('--data <bars>', 'bars: .csv or .parquet')
    .requiredOption('--signals <file>', 'ticker, ts, signal, confidence (ts in the data file convention)')
    .option('--config <yaml>', 'backtest settings: cash, slippage, commission, latency, risk overrides')
    .option('--map <columns.yaml>', 'column map of the data file (also applies to the signal timestamps)')
    .requiredOption('--json <out.json>', 'where to write metrics, the daily equity series and the trade list')
    .option('--costs <mode>', '"config" (default) or "none": no commission and no slippage', 'config')
    .option(
      '--signals-ts <convention>',
      'which end of its bar a signal timestamp names: "data" (the data file\'s convention, default), "bar_start" ' +
        '(what `intraday model predict` writes) or "bar_end"',
      'data',
    )
    .option(
      '--max-quarantine-pct <n>',
      'refuse the bar file when more rows than this are quarantined (default: config/system.yaml)',
    )
    .action(async (options: BacktestOptions) => {
      const started = performance.now();
      if (options.costs !== 'config' && options.costs !== 'none') {
        throw new Error(`--costs must be "config" or "none", was "${options.costs}"`);
      }
      const signalsTs = options.signalsTs;
      if (signalsTs !== 'data' && signalsTs !== 'bar_start' && signalsTs !== 'bar_end') {
        throw new Error(`--signals-ts must be "data", "bar_start" or "bar_end", was "${signalsTs}"`);
      }
      const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
      const limit =
        options.maxQuarantinePct === undefined
          ? app.system.data.quarantine_limit_pct
          : parsePercentOption('--max-quarantine-pct', options.maxQuarantinePct);
      let settings = BacktestConfigSchema.parse({});
      if (options.config) {
        const parsed = readConfigFile(resolve(options.config), BacktestConfigSchema);
        if (!parsed.ok) throw new ConfigError(parsed.problems);
        settings = parsed.value;
      }
      const out = outputFile(options.json, '--json');
      const map = options.map ? await loadColumnMap(options.map) : undefined;
      const { bars, quarantine } = await loadBars(resolve(options.data), map ? { map } : {});
      console.log(
        `bars: ${quarantine.rowsOut} of ${quarantine.rowsIn} rows (${quarantine.rowsIn - quarantine.rowsOut} quarantined)`,
      );
      mkdirSync(dirname(out), { recursive: true });
      await keepQuarantine(resolve(options.data), quarantine, `${out.replace(/\.[^./]+$/, '')}.quarantine.csv`, limit);
      const convention = signalsTs === 'data' ? undefined : signalsTs;
      if (convention === undefined && map?.timestamps.convention === 'bar_end') {
        // Read as the contract says (the data file's convention); the trap is a predictions file, whose
        // bar starts read as bar ends would put every signal one bar early: a look-ahead.
        console.log(
          'signals: timestamps read as bar ends, like the data file; files from `intraday model predict` hold bar ' +
            'starts: pass --signals-ts bar_start for those',
        );
      }
      const signals = await loadSignals(resolve(options.signals), bars, map, convention);
      console.log(
        `signals: ${signals.matched} matched of ${signals.rows} rows; ${signals.unmatched} match no bar, ` +
          `${signals.duplicates} duplicates, ${signals.invalid} out of range`,
      );
      for (const example of signals.examples) console.log(`  ${example}`);
      // Every set-aside signal row is kept beside the output, even when the run stops below. No limit applies: a
      // predictions file may cover more tickers or times than the data file.
      await keepQuarantine(
        resolve(options.signals),
        signals.quarantine,
        `${out.replace(/\.[^./]+$/, '')}.signals-quarantine.csv`,
        100,
      );
      if (signals.matched === 0) {
        const { rows, unmatched, invalid, examples } = signals;
        throw new NoSignalMatchesError(
          resolve(options.signals),
          resolve(options.data),
          rows,
          unmatched,
          invalid,
          examples[0],
        );
      }
      const result = runBacktest({
        bars,
        signals: signals.columns,
        risk: settings.risk ?? app.risk,
        broker: simBrokerConfigFrom(settings, options.costs === 'none' ? 'none' : 'config'),
        initialCash: settings.initial_cash,
        strategy: settings.strategy,
      });
      const ic = signalInformationCoefficient(bars.batches, (ticker) => signals.columns[ticker]?.signal ?? null);
      const output = {
        source: bars.origin.kind,
        costs: options.costs,
        metrics: { ...result.metrics, ic_pearson: ic.pearson, ic_spearman: ic.spearman, ic_pairs: ic.pairs },
        counts: {
          bars: result.steps,
          orders: result.orders,
          executions: result.executions,
          open_trades_at_end: result.openTradesAtEnd,
          log_codes: result.logCounts,
        },
        equity: result.dailyEquity.slice(1).map((point) => ({ day: formatDay(point.day), equity: point.equity })),
        trades: result.trades.map((trade) => ({
          ...trade,
          entryTs: new Date(trade.entryTs).toISOString(),
          exitTs: new Date(trade.exitTs).toISOString(),
        })),
      };
      writeFileSync(out, `${JSON.stringify(output, jsonNumber, 2)}\n`);
      const m = result.metrics;
      console.log(
        `sharpe ${m.sharpe.toFixed(2)}, total return ${(100 * m.total_return).toFixed(2)}%, max drawdown ` +
          `${(100 * m.max_drawdown).toFixed(2)}%, trades ${m.trades}, costs $${m.costs.toFixed(2)}, ` +
          `IC vs next bar ${ic.spearman.toFixed(3)} (rank)`,
      );
      console.log(`wrote ${out} in ${formatSeconds(performance.now() - started)}`);
    });
}
