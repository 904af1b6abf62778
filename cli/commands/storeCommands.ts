import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { openBlobStore } from '../../adapters/blob/openBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { loadBars, loadColumnMap } from '../../adapters/data/index.js';
import { BarStore, checkDatasetName, FeatureStore } from '../../adapters/store/index.js';
import { parseDay } from '../../core/calendar/index.js';
import { formatBarSize } from '../../core/data/Bar.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { formatGapReport } from '../../core/storage/formatGapReport.js';
import { keepQuarantine } from '../keepQuarantine.js';
import { resolveConfigDir, resolveDataDir } from '../paths.js';
import { formatSeconds, parsePercentOption, parseTickerList } from '../text.js';

interface PutOptions {
  readonly dataset: string;
  readonly data: string;
  readonly map?: string;
  readonly universe?: string;
  readonly maxQuarantinePct?: string;
}

interface GapsOptions {
  readonly dataset: string;
  readonly tickers?: string;
  readonly start?: string;
  readonly end?: string;
}

/** `intraday store put | gaps | list`: the Parquet bar store in the configured blob store. */
export function registerStoreCommands(program: Command): void {
  const store = program
    .command('store')
    .description(
      'bar and feature store: Parquet by dataset, ticker and month in the blob store (config/system.yaml blob)',
    );
  const open = async (): Promise<{ blobs: BlobStore; limitPct: number }> => {
    const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
    return {
      blobs: await openBlobStore(app.system.blob, resolveDataDir(), process.env),
      limitPct: app.system.data.quarantine_limit_pct,
    };
  };

  store
    .command('put')
    .description(
      'load a bar file (bad rows quarantined with a reason) and append it; (ticker, ts) already stored is replaced',
    )
    .requiredOption('--dataset <name>', 'dataset name: letters, digits, _ . -')
    .requiredOption('--data <file>', 'bars: .csv or .parquet')
    .option('--map <columns.yaml>', 'column map for files whose columns or timestamps are not recognised')
    .option('--universe <list>', 'known tickers; rows of other tickers are quarantined as UNKNOWN_TICKER')
    .option(
      '--max-quarantine-pct <n>',
      'refuse the file when more rows than this are quarantined (default: config/system.yaml)',
    )
    .action(async (options: PutOptions) => {
      const started = performance.now();
      // Checked first: the quarantine file below is named after the dataset.
      checkDatasetName(options.dataset);
      const { blobs, limitPct } = await open();
      const limit =
        options.maxQuarantinePct === undefined
          ? limitPct
          : parsePercentOption('--max-quarantine-pct', options.maxQuarantinePct);
      const input = resolve(options.data);
      const { bars, quarantine } = await loadBars(input, {
        ...(options.map ? { map: await loadColumnMap(options.map) } : {}),
        ...(options.universe ? { universe: parseTickerList(options.universe) } : {}),
      });
      const label = bars.origin.kind === 'synthetic' ? `SYNTHETIC DATA (${bars.origin.detail})` : bars.origin.detail;
      console.log(`input: ${label}`);
      console.log(`rows in: ${quarantine.rowsIn}`);
      console.log(`rows quarantined: ${quarantine.rowsIn - quarantine.rowsOut}`);
      const path = join(resolveDataDir(), 'quarantine', options.dataset, `${basename(input)}.quarantine.csv`);
      await keepQuarantine(input, quarantine, path, limit, 'nothing stored');
      const summary = await new BarStore(blobs).append(options.dataset, bars);
      const tickers = bars.batches.filter((batch) => batch.length > 0).map((batch) => batch.ticker);
      console.log(
        `dataset ${options.dataset}: ${tickers.length} tickers (${tickers.join(', ')}); bars ${summary.added} added, ` +
          `${summary.replaced} replaced, ${summary.unchanged} unchanged; partitions ${summary.partitionsWritten} ` +
          `written, ${summary.partitionsUnchanged} unchanged; in ${formatSeconds(performance.now() - started)}`,
      );
    });

  store
    .command('gaps')
    .description('sessions and bars missing per ticker against the NYSE calendar (half days close at 13:00)')
    .requiredOption('--dataset <name>', 'dataset name')
    .option('--tickers <list>', 'only these tickers (default: all)')
    .option('--start <date>', 'first New York day, YYYY-MM-DD (default: first stored day)')
    .option('--end <date>', 'last New York day, YYYY-MM-DD (default: last stored day)')
    .action(async (options: GapsOptions) => {
      const { blobs } = await open();
      const bars = new BarStore(blobs);
      const report = await bars.gaps(options.dataset, {
        ...(options.tickers ? { tickers: parseTickerList(options.tickers) } : {}),
        ...(options.start ? { startDay: parseDay(options.start) } : {}),
        ...(options.end ? { endDay: parseDay(options.end) } : {}),
      });
      if ((await bars.series.manifest(options.dataset))?.synthetic) console.log('SYNTHETIC DATA');
      console.log(formatGapReport(options.dataset, report));
    });

  store
    .command('list')
    .description('bar datasets (bar size, synthetic label, tickers) and feature sets in the store')
    .action(async () => {
      const { blobs } = await open();
      const datasets = await new BarStore(blobs).datasets();
      const sets = await new FeatureStore(blobs).sets();
      const where = blobs instanceof LocalBlobStore ? blobs.root : 'Azure Blob Storage';
      if (datasets.length === 0 && sets.length === 0) {
        console.log(`the store (${where}) holds no datasets yet; add one with \`intraday store put\``);
        return;
      }
      for (const dataset of datasets) {
        console.log(
          `bars ${dataset.name}: ${formatBarSize(dataset.barMs)}${dataset.synthetic ? ', SYNTHETIC' : ''}, ` +
            `${dataset.tickers.length} tickers (${dataset.tickers.join(', ')})`,
        );
      }
      for (const set of sets) console.log(`features ${set}`);
    });
}
