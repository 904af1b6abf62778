import type { Command } from 'commander';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAppConfig, loadExperiment } from '../../adapters/config/loadConfig.js';
import { ConfigError } from '../../config/errors.js';
import type { ExperimentConfig } from '../../config/experiment.js';
import { startDevServer } from '../../adapters/temporal/devServer.js';
import { embeddedDbFile } from '../../workers/research/researchStack.js';
import { resolveTemporalCli } from '../../adapters/temporal/temporalCli.js';
import type { ExperimentResult } from '../../core/experiment/contracts.js';
import { formatResult } from '../experiment/formatResult.js';
import { listExperiments, formatExperimentList } from '../experiment/listExperiments.js';
import { openStack } from '../experiment/openStack.js';
import { runExperiment } from '../experiment/runExperiment.js';
import { resolveConfigDir, resolveDataDir } from '../paths.js';
import { parseCountOption } from '../text.js';

interface RunFlags {
  json?: boolean;
  id?: string;
}

/** Runs one experiment file end to end and prints the verdict table (or the result as JSON). */
async function runFile(program: Command, file: string, flags: RunFlags, banner?: string): Promise<ExperimentResult> {
  const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
  // Checked here too, so a bad file fails before any server or worker starts.
  const config = loadExperiment(resolve(file), app);
  const embedded = !process.env['TEMPORAL_ADDRESS'];
  // The workers run here, so the data file is theirs to read: a wrong path fails now, not after a server started
  // (a remote worker may see other files, so only the embedded default checks).
  if (embedded) checkDataFile(file, config.data);
  const log = (line: string): void => console.error(line);
  if (banner) log(banner);
  log(
    embedded
      ? 'starting the embedded Temporal dev server and the workers (TEMPORAL_ADDRESS is not set)'
      : `using Temporal at ${process.env['TEMPORAL_ADDRESS']}; the workers must be running (\`intraday worker\`)`,
  );
  const stack = await openStack({ app, workers: embedded });
  try {
    const result = await runExperiment(
      stack.client,
      { config: JSON.parse(JSON.stringify(config)) as unknown },
      { ...(flags.id ? { workflowId: flags.id } : {}), onProgress: log },
    );
    console.log(flags.json ? JSON.stringify(result, null, 2) : formatResult(result));
    return result;
  } finally {
    await stack.stop();
  }
}

/** A csv or parquet source names a file that exists, the check the prepare step makes in the worker. */
function checkDataFile(file: string, data: ExperimentConfig['data']): void {
  if ((data.source !== 'csv' && data.source !== 'parquet') || data.path === undefined) return;
  const path = resolve(data.path);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    throw new ConfigError([`${file}: data.path "${path}" is not a readable file`]);
  }
}

/** Waits for Ctrl-C or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}

export function registerExperimentCommands(program: Command): void {
  program
    .command('demo')
    .description('run a demo experiment on generated data end to end: embedded Temporal, both workers, report')
    .option('--json', 'print the result as JSON')
    .action(async (flags: RunFlags) => {
      const configDir = resolveConfigDir(program.opts<{ configDir?: string }>().configDir);
      await runFile(
        program,
        join(configDir, 'experiments', 'sma_rsi_direction.yaml'),
        flags,
        'demo: config/experiments/sma_rsi_direction.yaml on SYNTHETIC DATA (3 tickers, 1 year of 5-minute bars, 12 folds)',
      );
    });

  const experiment = program.command('experiment').description('experiments orchestrated by Temporal');
  experiment
    .command('run <file>')
    .description('run config/experiments/<x>.yaml: features, purged walk-forward training, backtest, verdict, report')
    .option('--json', 'print the result as JSON')
    .option('--id <workflow id>', 'workflow id (default experiment-<name>-<time>-<random>)')
    .action(async (file: string, flags: RunFlags) => {
      await runFile(program, file, flags);
    });
  experiment
    .command('list')
    .description('experiments from Temporal visibility: verdict, Sharpe, deflated Sharpe, target, feature set')
    .option('--json', 'print JSON')
    .option('--query <visibility query>', 'extra filter, e.g. \'verdict = "promising"\'')
    .option('--limit <n>', 'most recent first, at most n', '50')
    .action(async (flags: { json?: boolean; query?: string; limit: string }) => {
      const limit = parseCountOption('--limit', flags.limit);
      const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
      const stack = await openStack({ app, workers: false });
      try {
        const rows = await listExperiments(stack.client, flags.query, limit);
        console.log(flags.json ? JSON.stringify(rows, null, 2) : formatExperimentList(rows));
      } finally {
        await stack.stop();
      }
    });

  program
    .command('worker')
    .description('run the TypeScript worker (task queue research) and the Python training worker until stopped')
    .action(async () => {
      const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
      process.env['TEMPORAL_ADDRESS'] ||= app.system.temporal.address;
      const stack = await openStack({ app, workers: true, onLog: (line) => console.error(line) });
      console.error(`workers polling "research" and "training" at ${stack.address}; Ctrl-C stops them`);
      await untilSignal();
      await stack.stop();
    });

  program
    .command('temporal-serve')
    .description("keep the embedded Temporal dev server (with its web UI) running on the data folder's history")
    .option('--port <n>', 'frontend port', '7233')
    .option('--ui-port <n>', 'web UI port', '8233')
    .action(async (flags: { port: string; uiPort: string }) => {
      const dataDir = resolveDataDir();
      const server = await startDevServer({
        cli: resolveTemporalCli(),
        dbFile: embeddedDbFile(dataDir),
        port: Number(flags.port),
        uiPort: Number(flags.uiPort),
      });
      const marker = join(dataDir, 'temporal', 'serve.json');
      mkdirSync(join(dataDir, 'temporal'), { recursive: true });
      writeFileSync(marker, JSON.stringify({ address: server.address, pid: server.process.pid }));
      console.error(`Temporal at ${server.address}, web UI ${server.uiUrl}; embedded runs on this data folder use it`);
      console.error(
        `run \`TEMPORAL_ADDRESS=${server.address} intraday worker\` to serve experiments started from the UI`,
      );
      await untilSignal();
      rmSync(marker, { force: true });
      await server.stop();
    });
}
