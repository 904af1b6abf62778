import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../core/storage/blobStore.js';
import type { FoldPlan, ReportInput, TrainModelResult } from '../../core/experiment/contracts.js';
import { testCard } from '../../tests/support/modelFixtures.js';
import { FIXTURE_FEATURES, reportFixture } from '../../tests/support/reportFixture.js';
import { putJson } from './blobFiles.js';
import { stepTestDeps, testPrepared, type StepTestDeps } from './stepTestKit.js';
import { writeReport } from './writeReport.js';

const EXPERIMENT_ID = 'experiment-report-test-1';
// Gain per fold card: rsi_14 leads in every fold, atr_14 is second on average although fold 2 alone favours sma_5.
const GAINS = [
  { sma_5: 1, sma_20: 2, rsi_14: 50, volume_ratio: 3, atr_14: 30, minute_of_day: 0.5 },
  { sma_5: 10, sma_20: 20, rsi_14: 500, volume_ratio: 30, atr_14: 300, minute_of_day: 5 },
  { sma_5: 8, sma_20: 1, rsi_14: 9, volume_ratio: 1, atr_14: 6, minute_of_day: 0 },
];
const EXPECTED_ORDER = ['rsi_14', 'atr_14', 'sma_5', 'volume_ratio', 'sma_20', 'minute_of_day'];

/** The report input a finished experiment hands over, with its artifact and three fold cards in the store. */
async function storedInput(t: StepTestDeps): Promise<ReportInput> {
  const fixture = reportFixture();
  const backtestKey = 'experiments/runs/test/backtest.json';
  await putJson(t.deps, backtestKey, fixture.backtest);
  const models: TrainModelResult[] = [];
  const folds: FoldPlan[] = [];
  for (const [fold, gain] of GAINS.entries()) {
    const prefix = `experiments/runs/test/fold-${fold}`;
    const card = testCard({
      features: [...FIXTURE_FEATURES],
      importance: { gain, split: gain, permutation: null },
      best_iteration: fixture.backtest.folds[fold].best_iteration,
    });
    await t.store.put(`${prefix}/card.json`, JSON.stringify(card, null, 2));
    models.push({
      output_prefix: prefix,
      model_key: `${prefix}/model.onnx`,
      native_key: `${prefix}/model.txt`,
      card_key: `${prefix}/card.json`,
      framework: 'lightgbm',
      task: 'classification',
      best_iteration: 40,
      num_trees: 120,
      rows_train: 1000,
      rows_valid: 200,
      metrics: {},
      training_seconds: 1,
    });
    const window = fixture.backtest.folds[fold];
    folds.push({
      fold,
      train_rows: [[0, 100 * (fold + 1)]],
      valid_rows: [100 * (fold + 1), 100 * (fold + 1) + 20],
      test_rows: [100 * (fold + 1) + 25, 100 * (fold + 2)],
      train_from: '2023-01-03T14:30:00.000Z',
      train_to: window.test_from,
      test_from: window.test_from,
      test_to: window.test_to,
    });
  }
  return {
    experimentId: EXPERIMENT_ID,
    prepared: testPrepared({ hypothesis: 'RSI <leads> & trend follows', features: [...FIXTURE_FEATURES] }),
    ingest: { barsKey: 'b', rows: 5000, tickers: ['AAPL', 'MSFT'], quarantined: 0, source: 'synthetic', reused: false },
    dataset: { datasetKey: 'd', rows: 5000, steps: 2500, folds },
    models,
    backtest: {
      resultKey: backtestKey,
      metrics: fixture.backtest.metrics,
      folds: fixture.backtest.folds,
      daily: { n: 299, sharpe: 0.04, skew: 0, kurtosis: 3 },
    },
    evaluation: fixture.evaluation,
  };
}

describe('writeReport', () => {
  let t: StepTestDeps;

  beforeEach(async () => {
    t = await stepTestDeps();
  });

  afterEach(async () => {
    await t.cleanup();
  });

  it('stores the report under the experiment id and returns its local file', async () => {
    const input = await storedInput(t);

    const result = await writeReport(t.deps, input);

    expect(result).toEqual({
      reportKey: `experiments/${EXPERIMENT_ID}/report.html`,
      reportPath: t.store.pathOf(`experiments/${EXPERIMENT_ID}/report.html`),
    });
    const html = await readFile(result.reportPath ?? '', 'utf8');
    expect(html).toContain('RSI &lt;leads&gt; &amp; trend follows');
    expect(html).toContain('id="synthetic-banner"');
    expect(html).toContain('lightgbm');
    const order = [...html.matchAll(/class="imp-row" data-feature="([^"]+)"/g)].map((match) => match[1]);
    expect(order, 'features by gain share averaged over the three cards').toEqual(EXPECTED_ORDER);
    expect(t.heartbeats.length).toBeGreaterThan(0);
  });

  it('writes the same bytes when it runs again (a retried activity)', async () => {
    const input = await storedInput(t);

    const first = await writeReport(t.deps, input);
    const firstBytes = await t.store.get(first.reportKey);
    await writeReport(t.deps, input);

    expect(Buffer.from(await t.store.get(first.reportKey)).equals(Buffer.from(firstBytes))).toBe(true);
  });

  it('returns no local path when the store is not a local folder', async () => {
    const input = await storedInput(t);
    // A pass-through to the real local store that is not a LocalBlobStore, standing in for Azure.
    const store = t.store;
    const remote: BlobStore = {
      kind: 'azure',
      put: (key, data, options) => store.put(key, data, options),
      get: (key) => store.get(key),
      exists: (key) => store.exists(key),
      list: (prefix) => store.list(prefix),
      delete: (key) => store.delete(key),
      putStream: (key, source, options) => store.putStream(key, source, options),
      getStream: (key) => store.getStream(key),
    };

    const result = await writeReport({ ...t.deps, store: remote }, input);

    expect(result.reportPath).toBeNull();
    expect(await store.exists(result.reportKey)).toBe(true);
  });

  it('fails with BLOB_NOT_FOUND naming a missing card and writes no report', async () => {
    const input = await storedInput(t);
    await t.store.delete(input.models[1].card_key);

    await expect(writeReport(t.deps, input)).rejects.toMatchObject({
      code: 'BLOB_NOT_FOUND',
      message: `no blob at key "${input.models[1].card_key}"`,
    });
    expect(await t.store.exists(`experiments/${EXPERIMENT_ID}/report.html`)).toBe(false);
  });

  it('fails with MODEL_CARD_INVALID naming a card without importance', async () => {
    const input = await storedInput(t);
    await t.store.put(input.models[0].card_key, JSON.stringify(testCard({ importance: undefined })));

    await expect(writeReport(t.deps, input)).rejects.toMatchObject({ code: 'MODEL_CARD_INVALID' });
  });
});
