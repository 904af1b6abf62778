import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { OnnxSignalModel } from '../../adapters/model/OnnxSignalModel.js';
import { readTreeEnsemble } from '../../adapters/model/onnxTreeEnsemble.js';
import { readFeatureFile } from '../../adapters/model/readFeatureFile.js';
import { buildTreeEnsemble } from '../../core/models/buildTreeEnsemble.js';
import type { FeatureFrame } from '../../core/models/FeatureFrame.js';
import { NodeMode, type TreeEnsembleSpec } from '../../core/models/treeEnsembleSpec.js';
import {
  computedFeatures,
  DIRECTION_5,
  FORWARD_RETURN_5,
  generatedFeatures,
  smallSpec,
  trainSmall,
  TRAINING_TIMEOUT,
} from '../support/modelKit.js';
import { describeWithShared, REPO_ROOT, SMALL_5MIN, sharedFile } from '../support/sharedData.js';

// The TypeScript tree evaluator that answers predictOne, against onnxruntime-node on every row of real features:
// models trained by the real Python worker (LightGBM and XGBoost, classification and regression), the ONNX files
// they export, and the real onnxruntime. Nothing is mocked.

const AGREEMENT = 1e-6;
const FEATURES = Object.keys(loadAppConfig(join(REPO_ROOT, 'config')).features.features);

interface Comparison {
  readonly rows: number;
  readonly rowsWithMissing: number;
  readonly rawWorst: number;
  readonly signalWorst: number;
  readonly runtime: OnnxSignalModel['singleRowRuntime'];
}

/** Every row through the evaluator (raw outputs and predictOne) and through onnxruntime (predictRaw, predictBatch). */
async function compare(modelDir: string, frame: FeatureFrame): Promise<Comparison> {
  const model = await OnnxSignalModel.fromDirectory(modelDir);
  try {
    const output = (model.card.onnx.probabilities ?? model.card.onnx.value)!;
    const bytes = readFileSync(join(modelDir, 'model.onnx'));
    const reading = readTreeEnsemble(bytes, model.card.onnx.input, output, FEATURES.length);
    if (!reading.supported) throw new Error(reading.reason);
    const built = buildTreeEnsemble(reading.spec);
    if (!built.ok) throw new Error(built.reason);
    const onnx = await model.predictRaw(frame);
    const batch = await model.predictBatch(frame);
    const columns = model.features.map((name) => frame.columns.get(name)!);
    const row = new Float32Array(columns.length);
    const out = new Float64Array(onnx.width);
    let rawWorst = 0;
    let signalWorst = 0;
    let rowsWithMissing = 0;
    for (let r = 0; r < frame.length; r++) {
      columns.forEach((column, f) => (row[f] = column[r]!));
      if (row.some(Number.isNaN)) rowsWithMissing++;
      built.ensemble.predictRow(row, out);
      for (let k = 0; k < onnx.width; k++) {
        const diff = Math.abs(out[k]! - onnx.values[r * onnx.width + k]!);
        if (!(diff <= rawWorst)) rawWorst = diff;
      }
      const one = await model.predictOne(row);
      const diff = Math.max(Math.abs(one.signal - batch.signal[r]!), Math.abs(one.confidence - batch.confidence[r]!));
      if (!(diff <= signalWorst)) signalWorst = diff;
    }
    return { rows: frame.length, rowsWithMissing, rawWorst, signalWorst, runtime: model.singleRowRuntime };
  } finally {
    await model.close();
  }
}

const CASES = [
  ['lightgbm', 'classification', DIRECTION_5],
  ['lightgbm', 'regression', FORWARD_RETURN_5],
  ['xgboost', 'classification', DIRECTION_5],
  ['xgboost', 'regression', FORWARD_RETURN_5],
] as const;

describeWithShared(SMALL_5MIN, 'single-row TypeScript evaluator against onnxruntime on real 5-minute bars', () => {
  let dir: string;
  let data: string;
  let frame: FeatureFrame;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'single-row-real-'));
    data = await computedFeatures(dir, sharedFile(SMALL_5MIN));
    frame = (await readFeatureFile(data, FEATURES)).frame;
  }, TRAINING_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [framework, task, target] of CASES) {
    it(
      `agrees within 1e-6 on every row for ${framework} ${task}, warm-up (NaN) rows included`,
      async () => {
        const modelDir = await trainSmall(
          dir,
          `${framework}_${task}`,
          data,
          FEATURES,
          target,
          smallSpec(framework, task),
        );

        const result = await compare(modelDir, frame);

        expect(result.runtime.kind, result.runtime.reason).toBe('typescript');
        expect(result.rows, 'every bar of the 8 tickers').toBeGreaterThan(10_000);
        expect(result.rowsWithMissing, 'warm-up rows are compared too').toBeGreaterThan(40);
        expect(result.rawWorst, 'raw outputs').toBeLessThan(AGREEMENT);
        expect(result.signalWorst, 'predictOne against predictBatch').toBeLessThan(AGREEMENT);
      },
      TRAINING_TIMEOUT,
    );
  }
});

describe('load-time verification of the single-row evaluator (generated bars)', () => {
  let dir: string;
  let modelDir: string;
  let frame: FeatureFrame;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'single-row-verify-'));
    const data = await generatedFeatures(dir, 'AAA', '2024-01-02', '2024-01-31');
    modelDir = await trainSmall(dir, 'lgbm', data, FEATURES, DIRECTION_5, smallSpec('lightgbm', 'classification', 20));
    frame = (await readFeatureFile(data, FEATURES)).frame;
  }, TRAINING_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The decoded ensemble with one split threshold moved: the evaluator then disagrees with the ONNX file. */
  const tampered = (spec: TreeEnsembleSpec): TreeEnsembleSpec => {
    const values = Array.from(spec.nodes.values);
    const at = Array.from(spec.nodes.modes).findIndex((mode, i) => mode !== NodeMode.LEAF && i > 0);
    values[at] = values[at]! + 1_000;
    return { ...spec, nodes: { ...spec.nodes, values } };
  };

  it('catches a tampered threshold at load and keeps onnxruntime, which still predicts as the batch does', async () => {
    const model = await OnnxSignalModel.fromDirectory(modelDir, { singleRow: { editEnsemble: tampered } });
    const batch = await model.predictBatch(frame);
    const rows = [0, 100, frame.length - 1];
    const ones = [];
    for (const r of rows) ones.push(await model.predictOne(model.features.map((name) => frame.columns.get(name)![r]!)));
    await model.close();

    expect(model.singleRowRuntime.kind).toBe('onnxruntime');
    expect(model.singleRowRuntime.reason).toMatch(
      /^the TypeScript evaluator differs from onnxruntime on probe row \d+ output \d \(.* against .*; tolerance 0\.00001\)$/,
    );
    expect(ones.map((one) => one.signal)).toEqual(rows.map((r) => batch.signal[r]));
  });

  it('chooses the evaluator for the untouched model and says what it verified', async () => {
    const model = await OnnxSignalModel.fromDirectory(modelDir);
    await model.close();

    expect(model.singleRowRuntime.kind).toBe('typescript');
    expect(model.singleRowRuntime.reason).toMatch(
      /^classifier of 60 trees verified against onnxruntime on 301 probe rows \(largest difference /,
    );
  });
});
