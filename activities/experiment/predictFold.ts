import { rm } from 'node:fs/promises';
import { writeTable } from '../../adapters/data/writeTable.js';
import { OnnxSignalModel } from '../../adapters/model/OnnxSignalModel.js';
import { finitePairs, spearmanCorrelation } from '../../core/analytics/index.js';
import type { PredictFoldInput, PredictFoldResult } from '../../core/experiment/contracts.js';
import { getJson, localCopy, putFile, putJson, scratchPath } from './blobFiles.js';
import { FORWARD_RETURN_COLUMN } from './computeFeatureShard.js';
import type { ExperimentDeps } from './deps.js';
import { canonicalJson, shortHash } from './prepareExperiment.js';
import { readDatasetRows } from './readDatasetRows.js';

/** Rows per ONNX call between heartbeats: bounded memory and a heartbeat every fraction of a second. */
const CHUNK_ROWS = 65_536;

/** Fewer finite (signal, forward return) pairs than this and the rank IC is reported as undefined. */
const MIN_IC_PAIRS = 3;

/** The blob keys of one fold's predictions: the Parquet file and the summary written after it. */
export function predictionKeys(input: PredictFoldInput): { readonly signalsKey: string; readonly summaryKey: string } {
  // Same dataset, same model, same rows: same predictions, whatever the fold is numbered.
  const hash = shortHash(
    canonicalJson({
      dataset: input.datasetKey,
      model: input.model.model_key,
      card: input.model.card_key,
      rows: input.fold.test_rows,
    }),
  );
  const base = `${input.prepared.datasetPrefix}/predictions/${hash}`;
  return { signalsKey: `${base}.parquet`, summaryKey: `${base}.json` };
}

/**
 * Predicts a fold's out-of-sample rows (and only those) with the fold's ONNX model and writes ticker, ts, signal,
 * confidence as Parquet. Idempotent: the keys are content-addressed and the summary, written last, marks the work
 * done, so a retry after a crash either finds it or redoes it with the same bytes. The rank IC is Spearman's
 * correlation of signal and `_forward_return` over rows where both are finite (null below 3 pairs or when
 * undefined, e.g. a constant signal).
 */
export async function predictFold(deps: ExperimentDeps, input: PredictFoldInput): Promise<PredictFoldResult> {
  const { fold, model } = input;
  const { signalsKey, summaryKey } = predictionKeys(input);
  if ((await deps.store.exists(summaryKey)) && (await deps.store.exists(signalsKey))) {
    return { ...(await getJson<PredictFoldResult>(deps, summaryKey)), fold: fold.fold };
  }
  deps.heartbeat({ fold: fold.fold, step: 'loading model' });
  const [onnx, card] = await Promise.all([deps.store.get(model.model_key), deps.store.get(model.card_key)]);
  // One thread: folds are predicted side by side on a worker whose cores are shared. Batches only, so the
  // TypeScript single-row evaluator (seconds to decode and verify for a large model) is not built.
  const onnxModel = await OnnxSignalModel.fromBytes(onnx, Buffer.from(card).toString('utf8'), model.output_prefix, {
    threads: 1,
    singleRow: { runtime: 'onnxruntime' },
  });
  try {
    const rows = await readDatasetRows(await localCopy(deps, input.datasetKey), input.datasetKey, fold.test_rows, [
      ...onnxModel.features,
      FORWARD_RETURN_COLUMN,
    ]);
    const signal = new Float64Array(rows.length);
    const confidence = new Float64Array(rows.length);
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const end = Math.min(rows.length, start + CHUNK_ROWS);
      const columns = new Map<string, Float64Array>();
      for (const name of onnxModel.features) columns.set(name, rows.columns.get(name)!.subarray(start, end));
      const batch = await onnxModel.predictBatch({ length: end - start, columns });
      signal.set(batch.signal, start);
      confidence.set(batch.confidence, start);
      deps.heartbeat({ fold: fold.fold, step: 'predicting', rows: end, of: rows.length });
    }
    const names = rows.tickers.names;
    const file = await scratchPath(deps, 'signals.parquet');
    try {
      await writeTable(file, {
        length: rows.length,
        columns: [
          { name: 'ticker', kind: 'string', values: Array.from(rows.tickers.codes, (code) => names[code]!) },
          { name: 'ts', kind: 'timestamp', values: rows.ts },
          { name: 'signal', kind: 'number', values: signal },
          { name: 'confidence', kind: 'number', values: confidence },
        ],
        metadata: { model: onnxModel.name, model_key: model.model_key },
      });
      await putFile(deps, signalsKey, file);
    } finally {
      await rm(file, { force: true });
    }
    const result: PredictFoldResult = {
      fold: fold.fold,
      signalsKey,
      rows: rows.length,
      ic: rankIc(signal, rows.columns.get(FORWARD_RETURN_COLUMN)!),
    };
    await putJson(deps, summaryKey, result);
    return result;
  } finally {
    await onnxModel.close();
  }
}

/** Spearman correlation over the finite pairs; null below MIN_IC_PAIRS pairs or when undefined. */
export function rankIc(signal: ArrayLike<number>, forwardReturn: ArrayLike<number>): number | null {
  const [x] = finitePairs(signal, forwardReturn);
  if (x.length < MIN_IC_PAIRS) return null;
  const ic = spearmanCorrelation(signal, forwardReturn);
  return Number.isFinite(ic) ? ic : null;
}
