import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeatureFile } from '../../adapters/model/readFeatureFile.js';
import { generatedFeatures, TRAINING_TIMEOUT } from '../support/modelKit.js';
import { intraday, type CliResult } from '../support/runCli.js';

// `intraday model ...` end to end: the compiled CLI, the Python trainer from workers/training/.venv, onnxruntime-node
// and the local-folder blob store in a temporary data folder.
const FEATURES = 'returns,roc_5,rsi_14,sma_50,volume_ratio';

let dir: string;
let data: string;
let env: Record<string, string>;
let modelDir: string;
let trained: CliResult;

const model = async (args: readonly string[]): Promise<CliResult> => intraday(['model', ...args], env);
const train = async (name: string, out: string, more: readonly string[] = []): Promise<CliResult> =>
  model(['train', '--data', data, '--target', 'direction_5', '--model', name, '--out', out, ...more]);

// Trained and registered once; the tests below run in shuffled order and only read it.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'model-cli-'));
  env = { INTRADAY_DATA_DIR: join(dir, 'data') };
  data = await generatedFeatures(dir);
  modelDir = join(dir, 'model');
  trained = await train('lgbm_direction', modelDir, ['--features', FEATURES, '--register']);
}, TRAINING_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('intraday model train, predict, list', () => {
  it('trains through the Python worker, checks the ONNX export and registers v1', () => {
    expect(trained.code, trained.err).toBe(0);
    expect(trained.out).toContain('training lgbm_direction (lightgbm classification) on direction_5 with 5 features');
    expect(trained.out).toMatch(/rows: \d+ train, \d+ validation, \d+ dropped \(no target\)/);
    expect(trained.out).toContain('registered lgbm_direction v1 (models/lgbm_direction/v1/)');
    for (const file of ['model.onnx', 'model.txt', 'card.json']) {
      expect(existsSync(join(modelDir, file)), file).toBe(true);
    }
  });

  it('predicts from the folder and from the registry: ticker, ts, signal, confidence for every row', async () => {
    const out = join(dir, 'preds.csv');
    const fromRegistry = join(dir, 'preds-registry.csv');

    const predicted = await model(['predict', '--model', modelDir, '--data', data, '--out', out]);
    const again = await model(['predict', '--model', 'lgbm_direction@v1', '--data', data, '--out', fromRegistry]);

    expect(predicted.code, predicted.err).toBe(0);
    expect(again.code, again.err).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const features = await readFeatureFile(data, []);
    expect(lines[0]).toBe('ticker,ts,signal,confidence');
    expect(lines.length - 1, 'one prediction per features row').toBe(features.frame.length);
    const [ticker, ts, signal, confidence] = lines[1]!.split(',');
    expect(ticker).toBe('AAA');
    expect(ts, 'ISO-8601 UTC, as the project writes timestamps').toBe(new Date(features.ts[0]!).toISOString());
    expect(Math.abs(Number(signal))).toBeLessThanOrEqual(1);
    expect(Number(confidence)).toBeGreaterThanOrEqual(0);
    expect(readFileSync(fromRegistry, 'utf8'), 'the registered copy predicts the same').toBe(readFileSync(out, 'utf8'));
  });

  it('lists registered versions and marks the one in production', async () => {
    const promoted = await model(['promote', '--name', 'lgbm_direction', '--version', 'v1']);
    const listed = await model(['list', '--name', 'lgbm_direction']);

    expect(promoted.code, promoted.err).toBe(0);
    expect(promoted.out).toBe('production of lgbm_direction is now v1\n');
    expect(listed.out).toMatch(
      /^lgbm_direction v1 \(production\) {2}\S+Z {2}lightgbm classification on direction_5 {2}5 features/,
    );
  });

  it(
    'gives distinct versions to two processes registering at once',
    async () => {
      const source = join(dir, 'xgb');
      const made = await train('xgb_direction', source, ['--features', FEATURES]);
      expect(made.code, made.err).toBe(0);

      const both = await Promise.all([model(['register', '--dir', source]), model(['register', '--dir', source])]);

      const versions = both.map((run) => /registered xgb_direction (v\d+)/.exec(run.out)?.[1]).sort();
      expect(versions).toEqual(['v1', 'v2']);
    },
    TRAINING_TIMEOUT,
  );
});

describe('intraday model: bad input', () => {
  it('names the unknown target and the known ones', async () => {
    const run = await model([
      'train',
      '--data',
      data,
      '--target',
      'direction_7',
      '--model',
      'lgbm_direction',
      '--out',
      join(dir, 'never'),
    ]);

    expect(run.code).toBe(1);
    expect(run.err).toContain(
      '--target: no target "direction_7" in config/targets.yaml; known: "forward_return_5", "direction_5"',
    );
  });

  it('names the unknown model', async () => {
    const run = await train('lgbm_nope', join(dir, 'never'));

    expect(run.code).toBe(1);
    expect(run.err).toContain('--model: no model "lgbm_nope" in config/models.yaml; known: "lgbm_direction"');
  });

  it('refuses a regression model on a classification target', async () => {
    const run = await train('lgbm_return', join(dir, 'never'));

    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'model "lgbm_return" is a regression model but target "direction_5" is a classification target',
    );
  });

  it('names a missing feature column and the file', async () => {
    const run = await train('lgbm_direction', join(dir, 'never'), ['--features', 'returns,not_a_feature']);

    expect(run.code).toBe(1);
    expect(run.err).toContain(`${data}: missing feature column "not_a_feature"`);
    expect(existsSync(join(dir, 'never')), 'nothing written').toBe(false);
  });

  it('names the features a prediction file lacks', async () => {
    const thin = join(dir, 'thin.parquet');
    const computed = await intraday(
      [
        'features',
        'compute',
        '--data',
        join(dir, 'bars.parquet'),
        '--features',
        'returns,rsi_14',
        '--targets',
        'none',
      ].concat(['--out', thin]),
    );
    expect(computed.code, computed.err).toBe(0);

    const run = await model(['predict', '--model', modelDir, '--data', thin, '--out', join(dir, 'x.csv')]);

    expect(run.code).toBe(1);
    expect(run.err).toContain(`${thin}: missing feature columns "roc_5", "sma_50", "volume_ratio"`);
  });

  it('names the versions there are when a registered version is absent', async () => {
    const run = await model(['predict', '--model', 'lgbm_direction@v9', '--data', data, '--out', join(dir, 'y.csv')]);

    expect(run.code).toBe(1);
    expect(run.err).toContain('model registry: model "lgbm_direction" has no version "v9"; versions: "v1"');
  });
});
