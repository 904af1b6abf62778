import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTable } from '../adapters/data/index.js';
import { OnnxSignalModel } from '../adapters/model/OnnxSignalModel.js';
import { parseModelCard } from '../adapters/model/modelCard.js';
import { readFeatureFile } from '../adapters/model/readFeatureFile.js';
import { runLightgbmFloor, runTraining, trainingPython } from '../adapters/model/runTraining.js';
import { PACKAGE_ROOT } from '../cli/paths.js';
import type { AppConfig } from '../config/configFiles.js';
import type { BarSet } from '../core/data/BarBatch.js';
import { buildFeaturePipeline } from '../core/features/index.js';
import { trainingTargetOf } from '../core/models/trainingSpec.js';
import { buildFeatureTable } from '../core/pipeline/buildFeatureTable.js';

const SINGLE_ROW_CALLS = Number(process.env['BENCH_MODEL_CALLS'] ?? 20_000);
const FLOOR_ROUNDS = Number(process.env['BENCH_FLOOR_ROUNDS'] ?? 20);
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/**
 * The model layer: LightGBM training of `lgbm_direction` on direction_5 with every configured feature and 500 trees
 * (no early stopping) through the Python worker; ONNX batch inference over every row on one thread; and single-row
 * inference latency (`predictOne`, after warm-up) in microseconds, with the runtime the model chose for single rows
 * and, for comparison, with onnxruntime forced. The features file is written once to a temporary
 * folder; training is timed once (it takes tens of seconds), not as a median.
 */
export async function benchModel(bars: BarSet, app: AppConfig): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-model-'));
  try {
    const features = Object.keys(app.features.features);
    const data = join(dir, 'features.parquet');
    const table = buildFeatureTable(bars, {
      pipeline: buildFeaturePipeline(app.features),
      targets: app.targets,
      targetNames: ['direction_5'],
    });
    await writeTable(data, table);

    const out = join(dir, 'model');
    const spec = { ...app.models.models['lgbm_direction']!, num_boost_round: 500 };
    const request = {
      data,
      features,
      target: trainingTargetOf('direction_5', app.targets.targets['direction_5']!),
      model: spec,
      modelName: 'lgbm_direction',
    };
    const python = trainingPython(PACKAGE_ROOT, process.env['INTRADAY_TRAINING_PYTHON']);
    const started = performance.now();
    await runTraining({ ...request, out, earlyStopping: false }, python);
    const wall = (performance.now() - started) / 1000;
    const card = parseModelCard('card.json', readFileSync(join(out, 'card.json'), 'utf8'));
    // LightGBM's own floor on the same rows and threads: what no choice of trees, bag or features removes.
    const floor = await runLightgbmFloor(request, FLOOR_ROUNDS, python);

    const model = await OnnxSignalModel.fromDirectory(out, { threads: 1 });
    const onnxOnly = await OnnxSignalModel.fromDirectory(out, { threads: 1, singleRow: { runtime: 'onnxruntime' } });
    try {
      const file = await readFeatureFile(data, model.features);
      const batchStarted = performance.now();
      await model.predictRaw(file.frame);
      const batchSeconds = (performance.now() - batchStarted) / 1000;
      const single = await singleRowSection(model, onnxOnly, file.frame.columns, file.frame.length);
      return {
        'model.train_rows': card.data.rows_train,
        'model.train_features': card.features.length,
        'model.train_trees': card.num_trees,
        'model.train_seconds_card': round(card.training_seconds, 2),
        // The fit alone: the card's total also holds the ONNX export and check and permutation importance.
        'model.fit_seconds': card.fit_seconds === undefined ? 'absent from card' : round(card.fit_seconds, 2),
        'model.train_seconds_wall': round(wall, 2),
        'model.fit_round_seconds':
          card.fit_seconds === undefined ? 'absent from card' : round(card.fit_seconds / 500, 4),
        'model.lightgbm_floor_round_seconds': round(floor.round_seconds, 4),
        'model.lightgbm_floor_fit_seconds_500_rounds': round(floor.fit_seconds_extrapolated, 1),
        'model.lightgbm_floor_construct_seconds': round(floor.construct_seconds, 2),
        'model.onnx_batch_rows': file.frame.length,
        'model.onnx_batch_seconds': round(batchSeconds),
        'model.onnx_batch_rows_per_sec': Math.round(file.frame.length / batchSeconds),
        ...single,
      };
    } finally {
      await Promise.all([model.close(), onnxOnly.close()]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Single-row latency of the hot path's call (`predictOne` with the runtime the model chose at load, named in
 * `model.single_row_runtime`) and, for comparison, of onnxruntime forced for single rows (`model.onnx_single_row_*`).
 */
export async function singleRowSection(
  model: OnnxSignalModel,
  onnxOnly: OnnxSignalModel,
  columns: ReadonlyMap<string, ArrayLike<number>>,
  rows: number,
): Promise<Record<string, number | string>> {
  const chosen = await singleRowMicros(model, columns, rows);
  const onnx = await singleRowMicros(onnxOnly, columns, rows);
  return {
    'model.single_row_runtime': model.singleRowRuntime.kind,
    'model.single_row_p50_us': round(chosen.p50, 1),
    'model.single_row_p99_us': round(chosen.p99, 1),
    'model.onnx_single_row_p50_us': round(onnx.p50, 1),
    'model.onnx_single_row_p99_us': round(onnx.p99, 1),
  };
}

/** p50 and p99 of `predictOne` over real rows, one call at a time, after 2,000 warm-up calls. */
async function singleRowMicros(
  model: OnnxSignalModel,
  columns: ReadonlyMap<string, ArrayLike<number>>,
  rows: number,
): Promise<{ p50: number; p99: number }> {
  const sources = model.features.map((name) => columns.get(name)!);
  const row = new Float64Array(sources.length);
  const fill = (at: number): void => sources.forEach((column, f) => (row[f] = column[at]!));
  const step = Math.max(1, Math.floor(rows / (SINGLE_ROW_CALLS + 2_000)));
  for (let k = 0; k < 2_000; k++) {
    fill(k * step);
    await model.predictOne(row);
  }
  const times = new Float64Array(SINGLE_ROW_CALLS);
  for (let k = 0; k < SINGLE_ROW_CALLS; k++) {
    fill(((k + 2_000) * step) % rows);
    const started = performance.now();
    await model.predictOne(row);
    times[k] = (performance.now() - started) * 1000;
  }
  times.sort();
  return { p50: times[Math.floor(SINGLE_ROW_CALLS * 0.5)]!, p99: times[Math.floor(SINGLE_ROW_CALLS * 0.99)]! };
}
