import type { BlobStore } from '../../core/storage/blobStore.js';
import type { ExperimentRecord, RecordInput } from '../../core/experiment/contracts.js';
import { keySegment, putJson } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';

/** Where the experiment history lives: `experiments/records/<config_hash>/<experiment_id>.json`. */
export const RECORDS_PREFIX = 'experiments/records/';

/**
 * The key of an experiment's record. A workflow id may hold characters a blob key cannot (`:`, `/`, spaces): each
 * becomes `_` in the key only; the record keeps the id as it is.
 */
export function recordKeyOf(configHash: string, experimentId: string): string {
  return `${RECORDS_PREFIX}${keySegment(configHash)}/${keySegment(experimentId)}.json`;
}

/** The record of one finished experiment (field order fixed, so the same input gives the same bytes). */
export function experimentRecordOf(input: RecordInput): ExperimentRecord {
  const { prepared, evaluation, backtest } = input;
  const trades = backtest.metrics['trades'];
  return {
    experiment_id: input.experimentId,
    name: prepared.name,
    hypothesis: prepared.hypothesis,
    config_hash: prepared.configHash,
    feature_set_hash: prepared.featureSetHash,
    target: prepared.target.name,
    model: prepared.modelName,
    verdict: evaluation.verdict,
    oos_sharpe: evaluation.oos_sharpe,
    deflated_sharpe: evaluation.deflated_sharpe,
    trials: evaluation.trials,
    daily_sharpe: backtest.daily.sharpe,
    trades: typeof trades === 'number' ? trades : 0,
    report_key: input.report.reportKey,
    started_at: input.startedAt,
  };
}

/**
 * Writes the experiment's record into the history that later experiments count their trials from. Idempotent:
 * the key comes from the config hash and the experiment id, the bytes from the input alone.
 */
export async function recordExperiment(
  deps: ExperimentDeps,
  input: RecordInput,
): Promise<{ readonly recordKey: string }> {
  const recordKey = recordKeyOf(input.prepared.configHash, input.experimentId);
  await putJson(deps, recordKey, experimentRecordOf(input));
  return { recordKey };
}

/**
 * Every record of the history, oldest first (by `started_at`, then experiment id). A blob under the prefix that is
 * not a record (not JSON, or without a config hash and a start time) is skipped: one damaged file must not stop
 * every later experiment from counting its trials.
 */
export async function listExperimentRecords(store: BlobStore): Promise<ExperimentRecord[]> {
  const records: ExperimentRecord[] = [];
  for (const info of await store.list(RECORDS_PREFIX)) {
    if (!info.key.endsWith('.json')) continue;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(await store.get(info.key)).toString('utf8'));
    } catch {
      continue;
    }
    const record = value as Partial<ExperimentRecord> | null;
    if (typeof record?.config_hash !== 'string' || typeof record.started_at !== 'string') continue;
    records.push(record as ExperimentRecord);
  }
  return records.sort((a, b) =>
    a.started_at !== b.started_at
      ? a.started_at < b.started_at
        ? -1
        : 1
      : a.experiment_id < b.experiment_id
        ? -1
        : a.experiment_id > b.experiment_id
          ? 1
          : 0,
  );
}
