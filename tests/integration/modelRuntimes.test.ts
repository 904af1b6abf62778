import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { OnnxSignalModel } from '../../adapters/model/OnnxSignalModel.js';
import { readFeatureFile, readFeatureHeader } from '../../adapters/model/readFeatureFile.js';
import type { ModelSpec } from '../../config/models.js';
import type { TrainingTarget } from '../../core/models/trainingSpec.js';
import {
  computedFeatures,
  DIRECTION_5,
  FORWARD_RETURN_5,
  generatedFeatures,
  maxAbsDiff,
  nativePredictions,
  smallSpec,
  trainSmall,
  TRAINING_TIMEOUT,
} from '../support/modelKit.js';
import { describeWithShared, REPO_ROOT, SMALL_5MIN, sharedFile } from '../support/sharedData.js';

// The same trained model in two runtimes: the native library in Python (LightGBM or XGBoost, through the trainer's
// predict command) and the ONNX export in onnxruntime-node. Every row of the features file is compared, warm-up
// rows (NaN features) included. Real components throughout: the Python venv, LightGBM, XGBoost, onnxruntime-node.

const TOLERANCE = 1e-5;
const FEATURES = Object.keys(loadAppConfig(join(REPO_ROOT, 'config')).features.features);

interface Agreement {
  readonly rows: number;
  readonly rowsWithMissing: number;
  readonly worst: number;
  readonly signalWorst: number;
}

/** Trains, predicts natively and through ONNX, and measures the largest difference of the raw outputs. */
async function agreement(
  dir: string,
  name: string,
  data: string,
  target: TrainingTarget,
  spec: ModelSpec,
): Promise<Agreement> {
  const modelDir = await trainSmall(dir, name, data, FEATURES, target, spec);
  const model = await OnnxSignalModel.fromDirectory(modelDir);
  try {
    const width = target.classes?.length ?? 1;
    const columns = target.classes ? target.classes.map((_, c) => `p_${c}`) : ['value'];
    const native = await nativePredictions(modelDir, data, columns);
    const file = await readFeatureFile(data, model.features);
    const onnx = await model.predictRaw(file.frame);
    expect(native.frame.length, 'the native predictions cover every row').toBe(file.frame.length);
    expect([...native.ts], 'native rows are in file order').toEqual([...file.ts]);

    let worst = 0;
    columns.forEach((column, c) => {
      const fromOnnx = Float64Array.from({ length: file.frame.length }, (_, row) => onnx.values[row * width + c]!);
      worst = Math.max(worst, maxAbsDiff(fromOnnx, native.frame.columns.get(column)!));
    });
    const batch = await model.predictBatch(file.frame);
    const expected = Float64Array.from({ length: file.frame.length }, (_, row) => {
      const p = (column: string): number => native.frame.columns.get(column)![row]!;
      const scale = model.card.signal.kind === 'regression_scale' ? model.card.signal.scale : 1;
      return target.classes ? p('p_2') - p('p_0') : Math.max(-1, Math.min(1, p('value') / scale));
    });
    let rowsWithMissing = 0;
    for (let row = 0; row < file.frame.length; row++) {
      if (model.features.some((feature) => Number.isNaN(file.frame.columns.get(feature)![row]!))) rowsWithMissing++;
    }
    return { rows: file.frame.length, rowsWithMissing, worst, signalWorst: maxAbsDiff(batch.signal, expected) };
  } finally {
    await model.close();
  }
}

describeWithShared(SMALL_5MIN, 'LightGBM in Python and ONNX in TypeScript on real 5-minute bars', () => {
  let dir: string;
  let data: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'model-real-'));
    data = await computedFeatures(dir, sharedFile(SMALL_5MIN));
  }, TRAINING_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'gives the same direction_5 class probabilities within 1e-5 on every row',
    async () => {
      const result = await agreement(
        dir,
        'lgbm_direction',
        data,
        DIRECTION_5,
        smallSpec('lightgbm', 'classification', 60),
      );

      expect(result.rows, 'every bar of the 8 tickers').toBeGreaterThan(10_000);
      expect(result.rowsWithMissing, 'the comparison includes warm-up rows').toBeGreaterThan(0);
      expect(result.worst).toBeLessThan(TOLERANCE);
      expect(result.signalWorst, 'signal = P(long) - P(short) of the native probabilities').toBeLessThan(2 * TOLERANCE);
    },
    TRAINING_TIMEOUT,
  );
});

describe('LightGBM and XGBoost, classification and regression, in both runtimes (generated bars)', () => {
  let dir: string;
  let data: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'model-generated-'));
    data = await generatedFeatures(dir);
    expect(await readFeatureHeader(data)).toContain('forward_return_5');
  }, TRAINING_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases = [
    ['lightgbm', 'classification', DIRECTION_5],
    ['lightgbm', 'regression', FORWARD_RETURN_5],
    ['xgboost', 'classification', DIRECTION_5],
    ['xgboost', 'regression', FORWARD_RETURN_5],
  ] as const;
  for (const [framework, task, target] of cases) {
    it(
      `agrees within 1e-5 for ${framework} ${task}, NaN warm-up rows included`,
      async () => {
        const result = await agreement(dir, `${framework}_${task}`, data, target, smallSpec(framework, task));

        expect(result.rowsWithMissing, 'rows with NaN features are compared too').toBeGreaterThan(40);
        expect(result.worst).toBeLessThan(TOLERANCE);
        expect(result.signalWorst).toBeLessThan(2 * TOLERANCE);
      },
      TRAINING_TIMEOUT,
    );
  }
});
