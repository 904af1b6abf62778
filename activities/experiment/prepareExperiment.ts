import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkExperiment } from '../../config/checkExperiment.js';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../config/experiment.js';
import { parseConfigText } from '../../config/parseConfig.js';
import type { ExperimentInput, ModelSpecJson, PreparedExperiment } from '../../core/experiment/contracts.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { trainingTargetOf } from '../../core/models/trainingSpec.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError, BadExperimentDataError } from './errors.js';

/** Where the experiment's JSON input is named in error messages (it has no file when sent from the Temporal UI). */
const INPUT_NAME = 'experiment input';

/** JSON with object keys sorted at every depth: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

/** The first 16 hex digits of sha256 of `text`. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** sha256 of a file's bytes, so a changed data file never reuses bars stored from its earlier content. */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Parses and checks the config the way `intraday config check` does, naming the key of every problem. */
function parseExperiment(input: ExperimentInput, deps: ExperimentDeps): ExperimentConfig {
  if (input === null || typeof input !== 'object' || input.config === null || typeof input.config !== 'object') {
    throw new BadExperimentConfigError(
      `${INPUT_NAME}: expected {"config": {...an experiment as in config/experiments/*.yaml...}}, was ${JSON.stringify(input)?.slice(0, 200)}`,
    );
  }
  // YAML is a superset of JSON: one parser gives the UI's JSON and the CLI's YAML the same messages.
  const parsed = parseConfigText(INPUT_NAME, JSON.stringify(input.config), ExperimentConfigSchema);
  // Line numbers of the one-line JSON text would point nowhere: the key path names the place.
  const withoutLines = (problems: string[]) => problems.map((p) => p.replace(`${INPUT_NAME}:1: `, `${INPUT_NAME}: `));
  if (!parsed.ok) throw new BadExperimentConfigError(withoutLines(parsed.problems).join('\n'));
  const problems = checkExperiment(INPUT_NAME, parsed.value, deps.app);
  if (problems.length > 0) throw new BadExperimentConfigError(problems.join('\n'));
  return parsed.value;
}

/** Tickers per feature shard: the run option, else a quarter of the tickers (rounded up), between 1 and 16. */
function shardTickers(tickers: readonly string[], shardSize?: number): string[][] {
  if (shardSize !== undefined && !(Number.isInteger(shardSize) && shardSize >= 1)) {
    throw new BadExperimentConfigError(
      `${INPUT_NAME}: options.shardSize must be a whole number >= 1, was ${shardSize}`,
    );
  }
  const size = shardSize ?? Math.min(16, Math.max(1, Math.ceil(tickers.length / 4)));
  const sorted = [...tickers].sort();
  const shards: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) shards.push(sorted.slice(i, i + size));
  return shards;
}

/**
 * Validates the experiment against the worker's configuration and resolves everything later steps need:
 * feature list, target and model specs, shards, hashes and the content-addressed keys of the bars and the dataset.
 * Bad input throws BadExperimentConfigError (never retried).
 */
export async function prepareExperiment(deps: ExperimentDeps, input: ExperimentInput): Promise<PreparedExperiment> {
  const config = parseExperiment(input, deps);
  const features =
    config.features === 'all'
      ? [...buildFeaturePipeline(deps.app.features).names]
      : Object.keys(deps.app.features.features).filter((name) => (config.features as string[]).includes(name));
  const targetEntry = deps.app.targets.targets[config.target]!;
  const modelEntry = deps.app.models.models[config.model]!;
  const model: ModelSpecJson = {
    framework: modelEntry.framework,
    task: modelEntry.task,
    params: { ...modelEntry.params },
    num_boost_round: modelEntry.num_boost_round,
    early_stopping_rounds: modelEntry.early_stopping_rounds,
    ...(modelEntry.description ? { description: modelEntry.description } : {}),
  };
  const data = config.data;
  let dataIdentity: unknown = data;
  if (data.source === 'csv' || data.source === 'parquet') {
    const path = resolve(data.path!);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new BadExperimentDataError(`${INPUT_NAME}: data.path "${path}" is not a readable file`);
    dataIdentity = { ...data, path, sha256: await fileHash(path) };
  }
  const dataHash = shortHash(canonicalJson(dataIdentity));
  const shards = shardTickers(data.tickers, input.options?.shardSize);
  // Everything that changes a feature or target value is in the dataset hash, so stale artifacts are never reused.
  const datasetHash = shortHash(
    canonicalJson({
      features: features.map((name) => [name, deps.app.features.features[name]]),
      target: [config.target, targetEntry],
      shards,
    }),
  );
  return {
    name: config.name,
    hypothesis: config.hypothesis,
    config: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
    // A trial is the config plus the definitions it names: changing a model's parameters is a new trial.
    // Importance settings change no prediction, so they do not make a new trial.
    configHash: shortHash(canonicalJson({ config: { ...config, importance: undefined }, model, datasetHash })),
    features,
    featureSetHash: shortHash([...features].sort().join(',')),
    target: trainingTargetOf(config.target, targetEntry),
    modelName: config.model,
    model,
    importance: { ...config.importance },
    shards,
    barsKey: `experiments/data/${dataHash}/bars.parquet`,
    datasetPrefix: `experiments/data/${dataHash}/sets/${datasetHash}`,
  };
}
