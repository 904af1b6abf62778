import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { ModelRegistry } from '../../adapters/model/ModelRegistry.js';
import { readModelDirectory } from '../../adapters/model/modelFiles.js';
import { OnnxSignalModel } from '../../adapters/model/OnnxSignalModel.js';
import { readFeatureFile } from '../../adapters/model/readFeatureFile.js';
import type { FeatureFrame } from '../../core/models/FeatureFrame.js';
import {
  DIRECTION_5,
  generatedFeatures,
  maxAbsDiff,
  smallSpec,
  trainSmall,
  TRAINING_TIMEOUT,
} from '../support/modelKit.js';

// One small LightGBM model trained by the real Python worker, loaded through onnxruntime-node.
const FEATURES = ['returns', 'roc_5', 'rsi_14', 'sma_50', 'volume_ratio'];

let dir: string;
let modelDir: string;
let frame: FeatureFrame;
let model: OnnxSignalModel;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onnx-model-'));
  const data = await generatedFeatures(dir, 'AAA', '2024-01-02', '2024-01-31');
  modelDir = await trainSmall(
    dir,
    'lgbm_small',
    data,
    FEATURES,
    DIRECTION_5,
    smallSpec('lightgbm', 'classification', 20),
  );
  frame = (await readFeatureFile(data, FEATURES)).frame;
  model = await OnnxSignalModel.fromDirectory(modelDir);
}, TRAINING_TIMEOUT);
afterAll(async () => {
  await model?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the trained model folder with card.json edited. */
function withCard(edit: (card: Record<string, unknown>) => void): string {
  const copy = mkdtempSync(join(dir, 'edited-'));
  cpSync(modelDir, copy, { recursive: true });
  const card = JSON.parse(readFileSync(join(copy, 'card.json'), 'utf8')) as Record<string, unknown>;
  edit(card);
  writeFileSync(join(copy, 'card.json'), JSON.stringify(card));
  return copy;
}

const rowOf = (at: number): number[] => model.features.map((name) => frame.columns.get(name)![at]!);

describe('OnnxSignalModel', () => {
  // Single rows run on the TypeScript tree evaluator (README: "Single rows: two runtimes"), whose softmax may round
  // one float32 exp differently from onnxruntime's, hence 1e-6 rather than equality.
  it('gives in a single-row call what the batch gives within 1e-6, warm-up (NaN) rows included', async () => {
    const batch = await model.predictBatch(frame);
    const rows = [0, 1, 30, 60, 500, frame.length - 1];

    const single = await Promise.all(rows.map(async (at) => model.predictOne(rowOf(at))));

    expect(rowOf(0).some(Number.isNaN), 'row 0 is still warming up').toBe(true);
    expect(model.singleRowRuntime.kind).toBe('typescript');
    rows.forEach((at, k) => {
      expect(Math.abs(single[k]!.signal - batch.signal[at]!), `row ${at}`).toBeLessThan(1e-6);
      expect(Math.abs(single[k]!.confidence - batch.confidence[at]!), `row ${at}`).toBeLessThan(1e-6);
    });
    expect(single[0]!.metadata).toEqual({ model: 'lgbm_small' });
  });

  it('keeps overlapping single-row calls apart on onnxruntime, which reads the row a turn later', async () => {
    const onnxOnly = await OnnxSignalModel.fromDirectory(modelDir, { singleRow: { runtime: 'onnxruntime' } });
    const batch = await model.predictBatch(frame);
    const rows = Array.from({ length: 40 }, (_, k) => 100 + k * 7);

    const results = await Promise.all(rows.map(async (at) => onnxOnly.predictOne(rowOf(at))));
    await onnxOnly.close();

    expect(results.map((r) => r.signal)).toEqual(rows.map((at) => batch.signal[at]));
  });

  it('keeps signals in [-1, 1] and confidences in [0, 1], and gives different rows different signals', async () => {
    const { signal, confidence } = await model.predictBatch(frame);

    expect(signal.every((s) => s >= -1 && s <= 1)).toBe(true);
    expect(confidence.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(new Set(signal).size, 'a trained model does not give one constant').toBeGreaterThan(10);
  });

  it('gives the same predictions in batches of any size', async () => {
    const chunked = await OnnxSignalModel.fromDirectory(modelDir, { batchRows: 333 });

    const [whole, parts] = [await model.predictRaw(frame), await chunked.predictRaw(frame)];
    await chunked.close();

    expect(parts.values).toEqual(whole.values);
  });

  it('gives the same predictions with two threads, up to float32 summation order', async () => {
    const threaded = await OnnxSignalModel.fromDirectory(modelDir, { threads: 2 });

    const [one, two] = [await model.predictRaw(frame), await threaded.predictRaw(frame)];
    await threaded.close();

    expect(maxAbsDiff(one.values, two.values)).toBeLessThan(1e-6);
  });

  it('names every missing feature column of a frame', async () => {
    const partial: FeatureFrame = {
      length: frame.length,
      columns: new Map([['returns', frame.columns.get('returns')!]]),
    };

    await expect(model.predictBatch(partial)).rejects.toMatchObject({
      code: 'FEATURE_COLUMN_MISSING',
      message: expect.stringContaining('missing feature columns "roc_5", "rsi_14", "sma_50", "volume_ratio"'),
    });
  });

  it('refuses a row of the wrong width', async () => {
    await expect(model.predictOne([1, 2, 3])).rejects.toMatchObject({
      code: 'MODEL_ROW_WIDTH',
      message: 'model "lgbm_small": a row must hold 5 features, was 3',
    });
  });

  it('refuses a card whose feature list does not match the ONNX input width', async () => {
    const edited = withCard((card) => {
      card['features'] = FEATURES.slice(0, 4);
    });

    await expect(OnnxSignalModel.fromDirectory(edited)).rejects.toMatchObject({
      code: 'MODEL_ONNX_MISMATCH',
      message: expect.stringMatching(/the ONNX model does not match card\.json: input "\w+" must have shape \[N, 4\]/),
    });
  });

  it('refuses a card that names an output the graph does not have', async () => {
    const edited = withCard((card) => {
      (card['onnx'] as Record<string, unknown>)['probabilities'] = 'probs';
    });

    await expect(OnnxSignalModel.fromDirectory(edited)).rejects.toMatchObject({
      code: 'MODEL_ONNX_MISMATCH',
      message: expect.stringContaining('card output "probs" is not among the graph outputs'),
    });
  });

  it('refuses a card with fewer classes than the graph has probabilities', async () => {
    const edited = withCard((card) => {
      card['classes'] = ['short', 'long'];
    });

    await expect(OnnxSignalModel.fromDirectory(edited)).rejects.toMatchObject({
      code: 'MODEL_ONNX_MISMATCH',
      message: expect.stringContaining('must hold 2 float32 values per row (one probability per card class), was 3'),
    });
  });

  it('refuses a classification model without long and short classes', async () => {
    const edited = withCard((card) => {
      card['classes'] = ['low_vol', 'normal', 'high_vol'];
    });

    await expect(OnnxSignalModel.fromDirectory(edited)).rejects.toMatchObject({
      code: 'MODEL_NO_DIRECTION',
      message: expect.stringContaining('a signal needs a long class "long" and a short class "short"'),
    });
  });

  it('names the folder when model.onnx is absent', async () => {
    await expect(OnnxSignalModel.fromDirectory(join(dir, 'nowhere'))).rejects.toMatchObject({
      code: 'MODEL_FILE_MISSING',
      message: expect.stringContaining(`${join(dir, 'nowhere', 'card.json')}: no such file`),
    });
  });

  it('loads a registered version from the blob store with the same predictions', async () => {
    const registry = new ModelRegistry(new LocalBlobStore(join(dir, 'blobs')));
    const registered = await registry.register(await readModelDirectory(modelDir));

    const loaded = await registry.load(await registry.resolve('lgbm_small', 'latest'));
    const [fromRegistry, fromFolder] = [await loaded.predictRaw(frame), await model.predictRaw(frame)];
    const one = await loaded.predictOne(rowOf(10));
    await loaded.close();

    expect(registered.keys.native).toBe('models/lgbm_small/v1/model.txt');
    expect(fromRegistry.values).toEqual(fromFolder.values);
    expect(one.metadata).toEqual({ model: 'lgbm_small', version: 'v1' });
  });
});
