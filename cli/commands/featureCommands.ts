import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { loadBars, loadColumnMap, writeTable } from '../../adapters/data/index.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { buildFeatureTable } from '../../core/pipeline/buildFeatureTable.js';
import { keepQuarantine } from '../keepQuarantine.js';
import { outputFile, resolveConfigDir, resolveDataDir } from '../paths.js';
import { formatSeconds, parseNameList, parsePercentOption, parseTickerList } from '../text.js';

interface ComputeOptions {
  readonly data: string;
  readonly map?: string;
  readonly out?: string;
  readonly features?: string;
  readonly targets?: string;
  readonly universe?: string;
  readonly adjust?: string;
  readonly maxQuarantinePct?: string;
}

/** `intraday features compute`: bars in, bars plus every configured feature and target out. */
export function registerFeatureCommands(program: Command): void {
  const features = program.command('features').description('feature registry: compute features and targets');

  features
    .command('compute')
    .description('read bars, set bad rows aside with a reason, and write bars with feature and target columns')
    .requiredOption('--data <file>', 'bars: .csv or .parquet')
    .option('--map <columns.yaml>', 'column map for files whose columns or timestamps are not recognised')
    .option('--out <file>', 'output .parquet or .csv (default: <data dir>/features/<input name>.parquet)')
    .option('--features <list>', 'feature names (default: every feature in config/features.yaml)')
    .option('--targets <list>', 'target names (default: every target in config/targets.yaml; "none" for none)')
    .option('--universe <list>', 'known tickers; rows of other tickers are quarantined as UNKNOWN_TICKER')
    .option('--adjust <factor dir>', 'apply split and dividend factors from a folder of LEAN factor files')
    .option('--max-quarantine-pct <n>', 'fail when more rows than this are quarantined (default: config/system.yaml)')
    .action(async (options: ComputeOptions) => {
      const started = performance.now();
      const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
      const limit =
        options.maxQuarantinePct === undefined
          ? app.system.data.quarantine_limit_pct
          : parsePercentOption('--max-quarantine-pct', options.maxQuarantinePct);
      const pipeline = buildFeaturePipeline(app.features, parseNameList(options.features));
      const targetNames =
        options.targets === 'none' ? [] : (parseNameList(options.targets) ?? Object.keys(app.targets.targets));
      const input = resolve(options.data);
      const out = outputFile(
        options.out ?? join(resolveDataDir(), 'features', `${basename(input).replace(/\.[^.]+$/, '')}.parquet`),
        '--out',
      );
      const loaded = await loadBars(input, {
        ...(options.map ? { map: await loadColumnMap(options.map) } : {}),
        ...(options.universe ? { universe: parseTickerList(options.universe) } : {}),
        ...(options.adjust ? { adjust: { factorDir: resolve(options.adjust) } } : {}),
      });
      const { bars, quarantine } = loaded;
      mkdirSync(dirname(out), { recursive: true });

      const label = bars.origin.kind === 'synthetic' ? `SYNTHETIC DATA (${bars.origin.detail})` : bars.origin.detail;
      console.log(`input: ${label}`);
      console.log(`rows in: ${quarantine.rowsIn}`);
      console.log(`rows quarantined: ${quarantine.rowsIn - quarantine.rowsOut}`);
      await keepQuarantine(input, quarantine, `${out.replace(/\.[^.]+$/, '')}.quarantine.csv`, limit);

      const table = buildFeatureTable(bars, { pipeline, targets: app.targets, targetNames });
      await writeTable(out, table);
      console.log(`rows out: ${table.length}`);
      console.log(
        `features: ${pipeline.names.length}, targets: ${targetNames.length}, tickers: ${bars.batches.length}`,
      );
      console.log(
        `wrote ${out} (${table.length} rows x ${table.columns.length} columns) in ${formatSeconds(performance.now() - started)}`,
      );
    });
}
