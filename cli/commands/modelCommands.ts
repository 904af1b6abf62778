import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import { openBlobStore } from '../../adapters/blob/openBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { writeTable } from '../../adapters/data/index.js';
import {
  FeatureColumnMissingError,
  ModelRegistry,
  ModelTaskMismatchError,
  OnnxSignalModel,
  parseModelCard,
  readFeatureFile,
  readFeatureHeader,
  readModelDirectory,
  runTraining,
  trainingPython,
  UnknownModelError,
  UnknownTargetError,
  type RegisteredModel,
} from '../../adapters/model/index.js';
import type { AppConfig } from '../../config/configFiles.js';
import { MissingColumnError } from '../../core/data/errors.js';
import { trainingTargetOf } from '../../core/models/trainingSpec.js';
import { outputFile, PACKAGE_ROOT, resolveConfigDir, resolveDataDir } from '../paths.js';
import { formatSeconds, parseNameList } from '../text.js';

/** `model predict` runs batches only: the single-row evaluator would cost load time and never run. */
const BATCH_ONLY = { runtime: 'onnxruntime' } as const;

interface TrainOptions {
  readonly data: string;
  readonly target: string;
  readonly model: string;
  readonly out: string;
  readonly features?: string;
  readonly trainRows?: string;
  readonly validRows?: string;
  readonly earlyStopping: boolean;
  readonly register?: boolean;
  readonly name?: string;
}

interface PredictOptions {
  readonly model: string;
  readonly data: string;
  readonly out: string;
  readonly threads?: string;
}

/** `intraday model ...`: train through the Python worker, predict with ONNX, and keep versions in the registry. */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('models: train (Python), predict (ONNX), registry');
  const app = (): AppConfig => loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
  const registry = async (config: AppConfig): Promise<ModelRegistry> =>
    new ModelRegistry(await openBlobStore(config.system.blob, resolveDataDir()));

  model
    .command('train')
    .description(
      'train a model of config/models.yaml on a target of config/targets.yaml; writes model.onnx, the native model and card.json',
    )
    .requiredOption('--data <file>', 'features file (.parquet or .csv) written by `intraday features compute`')
    .requiredOption('--target <name>', 'target in config/targets.yaml, e.g. direction_5')
    .requiredOption('--model <name>', 'model in config/models.yaml, e.g. lgbm_direction')
    .requiredOption('--out <dir>', 'output folder')
    .option('--features <list>', 'feature columns (default: every feature of config/features.yaml present in the file)')
    .option(
      '--train-rows <start:end>',
      'training rows [start, end) of the rows sorted by (ts, ticker) (default: last 20% of times validate, horizon purged)',
    )
    .option('--valid-rows <start:end>', 'validation rows [start, end) in the same order; give both or neither')
    .option('--no-early-stopping', 'train every num_boost_round tree')
    .option('--register', 'store the result in the model registry as the next version')
    .option('--name <name>', 'registry name (default: the model name)')
    .action(async (options: TrainOptions) => {
      const config = app();
      await train(config, options, options.register ? await registry(config) : null);
    });

  model
    .command('predict')
    .description('predict with a trained model through ONNX; writes ticker, ts, signal, confidence')
    .requiredOption(
      '--model <dir|name[@version]>',
      'a model folder, or a registered model: name, name@v3, name@production',
    )
    .requiredOption('--data <file>', "features file (.parquet or .csv) with the model's feature columns")
    .requiredOption('--out <file>', 'predictions, .csv or .parquet')
    .option('--threads <n>', 'ONNX threads (default: up to 4 cores)')
    .action(async (options: PredictOptions) => {
      await predict(options, async () => registry(app()));
    });

  model
    .command('list')
    .description('registered models: every version, its target, metrics and the production pointer')
    .option('--name <name>', 'one model name')
    .action(async (options: { name?: string }) => {
      await list(await registry(app()), options.name);
    });

  model
    .command('register')
    .description('store a trained model folder in the registry as the next version')
    .requiredOption('--dir <dir>', 'folder with model.onnx, the native model and card.json')
    .option('--name <name>', "registry name (default: the card's name)")
    .action(async (options: { dir: string; name?: string }) => {
      const made = await (await registry(app())).register(await readModelDirectory(resolve(options.dir)), options.name);
      console.log(`registered ${made.name} ${made.version} (models/${made.name}/${made.version}/)`);
    });

  model
    .command('promote')
    .description('point production at a registered version')
    .requiredOption('--name <name>', 'model name')
    .requiredOption('--version <version>', 'version, e.g. v3')
    .action(async (options: { name: string; version: string }) => {
      const made = await (await registry(app())).setProduction(options.name, options.version);
      console.log(`production of ${made.name} is now ${made.version}`);
    });
}

async function train(config: AppConfig, options: TrainOptions, registry: ModelRegistry | null): Promise<void> {
  const started = performance.now();
  const target = config.targets.targets[options.target];
  if (!target) throw new UnknownTargetError(options.target, Object.keys(config.targets.targets));
  const spec = config.models.models[options.model];
  if (!spec) throw new UnknownModelError(options.model, Object.keys(config.models.models));
  if (spec.task !== target.type) {
    throw new ModelTaskMismatchError(options.model, spec.task, options.target, target.type);
  }
  const out = resolve(options.out);
  // The trainer would stop on it with a Python traceback, after the data was read.
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new Error(`--out ${out}: expected a folder for the model files, found a file`);
  }
  const data = resolve(options.data);
  const header = await readFeatureHeader(data);
  if (!header.includes(options.target)) {
    throw new MissingColumnError(
      data,
      `target ${options.target} (compute it with \`intraday features compute\`)`,
      [options.target],
      header,
    );
  }
  const features =
    parseNameList(options.features) ?? Object.keys(config.features.features).filter((name) => header.includes(name));
  const missing = features.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new FeatureColumnMissingError(data, missing, header);
  if (features.length === 0) throw new FeatureColumnMissingError(data, Object.keys(config.features.features), header);

  console.log(
    `training ${options.model} (${spec.framework} ${spec.task}) on ${options.target} with ${features.length} features`,
  );
  console.log(`data: ${data}`);
  // The trainer's one-line summary repeats the card, which is read (and validated) below instead.
  await runTraining(
    {
      data,
      features,
      target: trainingTargetOf(options.target, target),
      model: spec,
      modelName: options.model,
      out,
      ...(options.trainRows ? { trainRows: options.trainRows } : {}),
      ...(options.validRows ? { validRows: options.validRows } : {}),
      earlyStopping: options.earlyStopping,
    },
    {
      ...trainingPython(PACKAGE_ROOT, process.env['INTRADAY_TRAINING_PYTHON']),
      onProgress: (line) => console.error(`  ${line}`),
    },
  );
  const card = parseModelCard(join(out, 'card.json'), readFileSync(join(out, 'card.json'), 'utf8'));
  // Loading checks the ONNX graph against the card now, not at the first prediction, and verifies the TypeScript
  // single-row evaluator against onnxruntime.
  const loaded = await OnnxSignalModel.fromDirectory(out);
  const singleRow = loaded.singleRowRuntime;
  await loaded.close();
  console.log(
    `rows: ${card.data.rows_train} train, ${card.data.rows_valid} validation, ${card.data.rows_dropped_nan_target} dropped (no target)`,
  );
  console.log(
    `trees: ${card.num_trees} (best iteration ${card.best_iteration ?? 'n/a'}), training ${card.training_seconds.toFixed(2)} s`,
  );
  console.log(`metrics: ${formatMetrics(card.metrics)}`);
  console.log(`onnx: checked against card.json (${card.features.length} inputs)`);
  console.log(`single row: ${singleRow.kind} (${singleRow.reason})`);
  console.log(
    `wrote ${out} (model.onnx, ${card.framework === 'lightgbm' ? 'model.txt' : 'model.json'}, card.json) in ${formatSeconds(performance.now() - started)}`,
  );
  if (registry) {
    const made = await registry.register(await readModelDirectory(out), options.name);
    console.log(`registered ${made.name} ${made.version} (models/${made.name}/${made.version}/)`);
  }
}

async function predict(options: PredictOptions, registry: () => Promise<ModelRegistry>): Promise<void> {
  const started = performance.now();
  const threads = options.threads ? Number(options.threads) : Math.min(4, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`--threads must be a whole number >= 1, was "${options.threads}"`);
  }
  const local = resolve(options.model);
  let model: OnnxSignalModel;
  if (existsSync(local) && statSync(local).isDirectory()) {
    model = await OnnxSignalModel.fromDirectory(local, { threads, singleRow: BATCH_ONLY });
  } else {
    const [name, which = 'latest'] = options.model.split('@') as [string, string | undefined];
    const store = await registry();
    model = await store.load(await store.resolve(name, which), { threads, singleRow: BATCH_ONLY });
  }
  try {
    const data = resolve(options.data);
    const out = outputFile(options.out, '--out');
    const file = await readFeatureFile(data, model.features);
    const { signal, confidence } = await model.predictBatch(file.frame);
    mkdirSync(dirname(out), { recursive: true });
    const names = file.tickers.names;
    await writeTable(out, {
      length: file.frame.length,
      columns: [
        { name: 'ticker', kind: 'string', values: Array.from(file.tickers.codes, (code) => names[code]!) },
        { name: 'ts', kind: 'timestamp', values: file.ts },
        { name: 'signal', kind: 'number', values: signal },
        { name: 'confidence', kind: 'number', values: confidence },
      ],
      metadata: { model: model.name, ...(model.version ? { model_version: model.version } : {}) },
    });
    let absolute = 0;
    for (const value of signal) absolute += Math.abs(value);
    console.log(`model: ${model.name}${model.version ? ` ${model.version}` : ''} (${model.features.length} features)`);
    console.log(`rows: ${file.frame.length}, mean |signal| ${(absolute / Math.max(1, file.frame.length)).toFixed(4)}`);
    console.log(`wrote ${out} in ${formatSeconds(performance.now() - started)}`);
  } finally {
    await model.close();
  }
}

async function list(registry: ModelRegistry, name?: string): Promise<void> {
  const models = await registry.list(name);
  if (models.length === 0) {
    console.log(name ? `no versions of ${name} in the registry` : 'the registry is empty');
    return;
  }
  const production = new Map<string, string | undefined>();
  for (const each of new Set(models.map((m) => m.name))) {
    production.set(each, (await registry.production(each))?.version);
  }
  const row = (m: RegisteredModel): string =>
    [
      `${m.name} ${m.version}${production.get(m.name) === m.version ? ' (production)' : ''}`,
      m.registered,
      `${m.card.framework} ${m.card.task} on ${m.card.target.name}`,
      `${m.card.features.length} features`,
      formatMetrics(m.card.metrics),
    ].join('  ');
  for (const m of models) console.log(row(m));
}

/** Numeric metrics as `key=value`, four significant digits. */
function formatMetrics(metrics: Record<string, unknown>): string {
  const parts = Object.entries(metrics)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, value]) => `${key}=${Number(value.toPrecision(4))}`);
  return parts.length > 0 ? parts.join(' ') : 'none';
}
