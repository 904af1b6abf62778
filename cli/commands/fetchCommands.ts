import { join } from 'node:path';
import type { Command } from 'commander';
import { openBlobStore } from '../../adapters/blob/openBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import {
  BarStoreSink,
  FileCursorStore,
  FilePacingLog,
  IbConnection,
  IbInvalidSettingError,
  connectionSettingsFrom,
  fetchHistorical,
  historicalSettingsFrom,
  systemClock,
  type FetchProgress,
} from '../../adapters/ibkr/index.js';
import { BarStore, checkDatasetName } from '../../adapters/store/index.js';
import { formatDay, parseDay } from '../../core/calendar/index.js';
import { formatBarSize, parseBarSize } from '../../core/data/Bar.js';
import { planChunks } from '../../core/ibkr/planChunks.js';
import { createRandom } from '../../core/random/Random.js';
import { resolveConfigDir, resolveDataDir } from '../paths.js';
import { formatSeconds, parseTickerList } from '../text.js';

interface FetchOptions {
  readonly source: string;
  readonly tickers: string;
  readonly start: string;
  readonly end: string;
  readonly bar: string;
  readonly host?: string;
  readonly port?: string;
  readonly clientId?: string;
  readonly dataset?: string;
}

function wholeNumber(option: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new IbInvalidSettingError(option, `a whole number from ${min} to ${max}`, text);
  }
  return value;
}

const grouped = (value: number): string => value.toLocaleString('en-US');

/** `intraday fetch --source ibkr ...`: historical bars into the bar store, paced, resumable. */
export function registerFetchCommands(program: Command): void {
  program
    .command('fetch')
    .description(
      'download historical bars into the bar store (under INTRADAY_DATA_DIR when set), paced to IB rules; ' +
        'an interrupted run resumes where it stopped',
    )
    .requiredOption('--source <name>', 'where bars come from: ibkr (IB Gateway or TWS)')
    .requiredOption('--tickers <list>', 'comma-separated tickers, e.g. AAPL,MSFT')
    .requiredOption('--start <date>', 'first day, YYYY-MM-DD (inclusive)')
    .requiredOption('--end <date>', 'last day, YYYY-MM-DD (inclusive)')
    .option('--bar <size>', 'bar size: 1m, 5m, 15m, 1h ...', '5m')
    .option('--host <host>', 'gateway host (default: config/system.yaml ibkr.host)')
    .option('--port <n>', 'gateway API port (default: ibkr.port; Gateway 4002 paper, 4001 live)')
    .option('--client-id <n>', 'API client id, not 0 (default: ibkr.client_id)')
    .option('--dataset <name>', 'bar store dataset (default: ibkr-<bar>)')
    .action(async (options: FetchOptions) => {
      const started = performance.now();
      if (options.source !== 'ibkr') {
        throw new IbInvalidSettingError('--source', '"ibkr" (the only source that fetches)', options.source);
      }
      const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
      const barMs = parseBarSize(options.bar);
      const bar = formatBarSize(barMs);
      const plan = {
        dataset: checkDatasetName(options.dataset ?? `ibkr-${bar}`),
        tickers: parseTickerList(options.tickers),
        startDay: parseDay(options.start),
        endDay: parseDay(options.end),
        barMs,
      };
      const connectionSettings = connectionSettingsFrom(app.system.ibkr, {
        ...(options.host !== undefined ? { host: options.host } : {}),
        ...(options.port !== undefined ? { port: wholeNumber('--port', options.port, 1, 65535)! } : {}),
        ...(options.clientId !== undefined
          ? { clientId: wholeNumber('--client-id', options.clientId, 1, 2_147_483_647)! }
          : {}),
      });
      const historical = historicalSettingsFrom(app.system.ibkr);
      const chunks = planChunks({ startDay: plan.startDay, endDay: plan.endDay, barMs, rth: historical.rth });
      const { host, port, clientId } = connectionSettings;
      const dataDir = resolveDataDir();
      const store = new BarStore(await openBlobStore(app.system.blob, dataDir, process.env));
      const detail = `IB ${host}:${port}, ${historical.whatToShow}, ${historical.rth ? 'regular hours' : '04:00-20:00'}`;
      const cursorRoot = join(dataDir, 'cursors', 'ibkr');
      const connection = new IbConnection(connectionSettings, {
        clock: systemClock,
        // Jitter only spreads reconnects of clients restarted together; any seed will do.
        random: createRandom(process.pid, `ibkr-${clientId}`),
        log: (line) => console.error(line),
      });
      const interrupt = new AbortController();
      const onSignal = (): void => interrupt.abort(new Error('interrupted; run the same command again to resume'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        console.log(
          `fetching ${plan.tickers.length} ticker(s) ${formatDay(plan.startDay)}..${formatDay(plan.endDay)} ` +
            `(inclusive), ${bar} bars, ${chunks.length} request(s) per ticker, from IB ${host}:${port} ` +
            `(client ${clientId}) into dataset "${plan.dataset}"`,
        );
        await connection.connect();
        console.log(`connected: accounts ${connection.accounts.join(', ') || '(none)'}`);
        const onProgress = (progress: FetchProgress): void => {
          const { chunk } = progress;
          const span = `${formatDay(chunk.firstDay)}..${formatDay(chunk.lastDay)}`;
          const what = progress.skipped ? 'already fetched' : `${grouped(progress.bars)} bars`;
          console.log(`  ${progress.ticker} ${span}: ${what} (${progress.done}/${progress.total})`);
        };
        const summary = await fetchHistorical(plan, {
          connection,
          clock: systemClock,
          sink: new BarStoreSink(store, plan.dataset, detail),
          cursors: new FileCursorStore(cursorRoot),
          pacingLog: new FilePacingLog(join(cursorRoot, `pacing-${host}-${port}.json`)),
          settings: historical,
          onProgress,
          signal: interrupt.signal,
        });
        console.log(`bars written per ticker (dataset "${plan.dataset}"):`);
        for (const ticker of summary.tickers) {
          const notes = [
            ...(ticker.chunksSkipped > 0 ? [`${ticker.chunksSkipped} request(s) already done in an earlier run`] : []),
            ...(ticker.quarantined.length > 0 ? [`${ticker.quarantined.length} bad row(s) set aside`] : []),
            ...(ticker.error ? [`FAILED: ${ticker.error.message}`] : []),
          ];
          console.log(
            `  ${ticker.ticker}: ${grouped(ticker.barsWritten)} bars${notes.length ? ` (${notes.join('; ')})` : ''}`,
          );
        }
        console.log(
          `${summary.requests} request(s), ${summary.pacingViolations} pacing violation(s) reported by IB, ` +
            `in ${formatSeconds(performance.now() - started)}`,
        );
        if (summary.tickers.some((ticker) => ticker.error)) process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        connection.close();
      }
    });
}
