import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeatureFile } from '../../adapters/model/readFeatureFile.js';
import { OnnxSignalModel } from '../../adapters/model/OnnxSignalModel.js';
import { writeTable } from '../../adapters/data/writeTable.js';
import { runTraining } from '../../adapters/model/runTraining.js';
import type { FoldPlan, PredictFoldInput, TrainModelResult } from '../../core/experiment/contracts.js';
import { createRandom } from '../../core/random/index.js';
import { DIRECTION_5, PYTHON, smallSpec, TRAINING_TIMEOUT } from '../../tests/support/modelKit.js';
import { BadExperimentDataError } from './errors.js';
import { predictFold } from './predictFold.js';
import { stepTestDeps, testPrepared, type StepTestDeps } from './stepTestKit.js';

const FEATURES = ['f_a', 'f_b'];
const STEPS = 600;
const TICKERS = ['AAA', 'BBB'];

/** Two tickers x STEPS bars sorted by (ts, ticker); direction_5 follows f_a, so the model learns something. */
function datasetTable(): Parameters<typeof writeTable>[1] {
  const random = createRandom(5, 'predict-fold-test');
  const rows = STEPS * TICKERS.length;
  const fa = new Float64Array(rows);
  const fb = new Float64Array(rows);
  const target = new Float64Array(rows);
  const forward = new Float64Array(rows);
  const ts = new Float64Array(rows);
  const tickers: string[] = [];
  for (let row = 0; row < rows; row++) {
    ts[row] = Date.UTC(2024, 0, 2, 14, 30) + Math.floor(row / TICKERS.length) * 300_000;
    tickers.push(TICKERS[row % TICKERS.length]!);
    fa[row] = random.nextNormal();
    fb[row] = row % 7 === 0 ? Number.NaN : random.nextNormal();
    forward[row] = row % 11 === 0 ? Number.NaN : 0.002 * fa[row]! + 0.001 * random.nextNormal();
    const r = Number.isNaN(forward[row]!) ? 0 : forward[row]!;
    target[row] = r > 0.001 ? 2 : r < -0.001 ? 0 : 1;
  }
  return {
    length: rows,
    columns: [
      { name: 'ticker', kind: 'string', values: tickers },
      { name: 'ts', kind: 'timestamp', values: ts },
      { name: 'f_a', kind: 'number', values: fa },
      { name: 'f_b', kind: 'number', values: fb },
      { name: 'direction_5', kind: 'number', values: target },
      { name: '_forward_return', kind: 'number', values: forward },
    ],
    metadata: {},
  };
}

/** Average ranks (ties share the mean rank): an independent Spearman for the IC check. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, i) => [value, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]!);
      ys.push(y[i]!);
    }
  }
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('predictFold', () => {
  let kit: StepTestDeps;
  let work: string;
  let modelDir: string;
  let input: PredictFoldInput;
  const prepared = testPrepared();
  const datasetKey = `${prepared.datasetPrefix}/dataset.parquet`;

  beforeAll(async () => {
    kit = await stepTestDeps();
    work = await mkdtemp(join(tmpdir(), 'intraday-predict-'));
    const file = join(work, 'dataset.parquet');
    await writeTable(file, datasetTable());
    await kit.store.put(datasetKey, await readFile(file));
    modelDir = join(work, 'model');
    await runTraining(
      {
        data: file,
        features: FEATURES,
        target: DIRECTION_5,
        model: smallSpec('lightgbm', 'classification', 20),
        modelName: 'lgbm_direction',
        out: modelDir,
        trainRows: '0:600',
        validRows: '610:800',
        earlyStopping: false,
      },
      PYTHON,
    );
    const prefix = 'experiments/models/test/fold-0';
    await kit.store.put(`${prefix}/model.onnx`, await readFile(join(modelDir, 'model.onnx')));
    await kit.store.put(`${prefix}/card.json`, await readFile(join(modelDir, 'card.json')));
    const model: TrainModelResult = {
      output_prefix: prefix,
      model_key: `${prefix}/model.onnx`,
      native_key: `${prefix}/model.txt`,
      card_key: `${prefix}/card.json`,
      framework: 'lightgbm',
      task: 'classification',
      best_iteration: 20,
      num_trees: 60,
      rows_train: 600,
      rows_valid: 190,
      metrics: {},
      training_seconds: 1,
    };
    const fold: FoldPlan = {
      fold: 0,
      train_rows: [[0, 600]],
      valid_rows: [610, 800],
      test_rows: [820, 1000],
      train_from: '2024-01-02T14:30:00.000Z',
      train_to: '2024-01-02T14:30:00.000Z',
      test_from: '2024-01-02T14:30:00.000Z',
      test_to: '2024-01-02T14:30:00.000Z',
    };
    input = { prepared, datasetKey, fold, model };
  }, TRAINING_TIMEOUT);

  afterAll(async () => {
    await kit?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes the signals OnnxSignalModel gives for exactly the test rows, with their rank IC', async () => {
    const result = await predictFold(kit.deps, input);

    const written = await readFeatureFile(kit.store.pathOf(result.signalsKey), ['signal', 'confidence']);
    const all = await readFeatureFile(join(work, 'dataset.parquet'), [...FEATURES, '_forward_return']);
    const model = await OnnxSignalModel.fromDirectory(modelDir);
    const expected = await model.predictBatch({
      length: 180,
      columns: new Map(FEATURES.map((name) => [name, all.frame.columns.get(name)!.subarray(820, 1000)])),
    });
    await model.close();
    expect(result.rows).toBe(180);
    expect(written.frame.length, 'only the 180 test rows are written').toBe(180);
    expect(Array.from(written.ts)).toEqual(Array.from(all.ts.subarray(820, 1000)));
    expect(Array.from(written.tickers.codes, (c) => written.tickers.names[c])).toEqual(
      Array.from(all.tickers.codes.subarray(820, 1000), (c) => all.tickers.names[c]),
    );
    expect(Array.from(written.frame.columns.get('signal')!)).toEqual(Array.from(expected.signal));
    expect(Array.from(written.frame.columns.get('confidence')!)).toEqual(Array.from(expected.confidence));
    const ic = spearman(expected.signal, all.frame.columns.get('_forward_return')!.subarray(820, 1000));
    expect(result.ic).not.toBeNull();
    expect(result.ic!).toBeCloseTo(ic, 12);
    expect(result.ic!, 'the model learned f_a, so the IC is clearly positive').toBeGreaterThan(0.2);
    expect(result.signalsKey.startsWith(`${prepared.datasetPrefix}/predictions/`)).toBe(true);
    expect(kit.heartbeats.length).toBeGreaterThan(0);
  });

  it('gives the same key and bytes for the same input, a different key for other rows', async () => {
    const first = await predictFold(kit.deps, input);
    const bytes = await kit.store.get(first.signalsKey);
    await kit.store.delete(first.signalsKey);
    await kit.store.delete(first.signalsKey.replace(/\.parquet$/, '.json'));

    const again = await predictFold(kit.deps, input);
    const other = await predictFold(kit.deps, { ...input, fold: { ...input.fold, test_rows: [1000, 1100] } });

    expect(again).toEqual(first);
    expect(Buffer.from(await kit.store.get(again.signalsKey)).equals(Buffer.from(bytes))).toBe(true);
    expect(other.signalsKey).not.toBe(first.signalsKey);
    expect(other.rows).toBe(100);
  });

  it('skips the work when the output exists', async () => {
    const first = await predictFold(kit.deps, input);
    const before = kit.heartbeats.length;

    const again = await predictFold(kit.deps, { ...input, fold: { ...input.fold, fold: 3 } });

    expect(kit.heartbeats.length, 'no model was loaded').toBe(before);
    expect(again).toEqual({ ...first, fold: 3 });
  });

  it('rejects a row range past the end of the dataset as bad data', async () => {
    const call = predictFold(kit.deps, { ...input, fold: { ...input.fold, test_rows: [1100, 1300] } });

    await expect(call).rejects.toBeInstanceOf(BadExperimentDataError);
    await expect(call).rejects.toThrow(
      `${datasetKey}: row range [1100, 1300) asks for 200 rows, only 100 exist (the file is shorter)`,
    );
  });
});
