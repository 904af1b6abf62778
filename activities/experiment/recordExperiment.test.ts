import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordInput } from '../../core/experiment/contracts.js';
import { listExperimentRecords, recordExperiment, recordKeyOf } from './recordExperiment.js';
import { stepTestDeps, testPrepared, type StepTestDeps } from './stepTestKit.js';

function recordInput(experimentId: string, startedAt: string, configHash = 'abcdef0123456789'): RecordInput {
  return {
    experimentId,
    prepared: testPrepared({}, configHash),
    backtest: {
      resultKey: 'r.json',
      metrics: { sharpe: 1.5, trades: 42 },
      folds: [],
      daily: { n: 250, sharpe: 0.0945, skew: 0.1, kurtosis: 3.2 },
    },
    evaluation: { verdict: 'iterate', reasons: ['a reason'], oos_sharpe: 1.5, deflated_sharpe: 0.6, trials: 2 },
    report: { reportKey: `experiments/reports/${experimentId}/report.html`, reportPath: null },
    startedAt,
  };
}

describe('recordExperiment', () => {
  let kit: StepTestDeps;

  beforeEach(async () => {
    kit = await stepTestDeps();
  });

  afterEach(async () => {
    await kit.cleanup();
  });

  it('writes the record under its config hash and id, the same bytes on every run', async () => {
    const input = recordInput('experiment-1', '2026-11-21T10:00:00.000Z');

    const { recordKey } = await recordExperiment(kit.deps, input);
    const first = Buffer.from(await kit.store.get(recordKey));
    await recordExperiment(kit.deps, input);

    expect(recordKey).toBe('experiments/records/abcdef0123456789/experiment-1.json');
    expect(Buffer.from(await kit.store.get(recordKey)).equals(first)).toBe(true);
    expect(JSON.parse(first.toString('utf8'))).toEqual({
      experiment_id: 'experiment-1',
      name: 'step_test',
      hypothesis: 'a test hypothesis',
      config_hash: 'abcdef0123456789',
      feature_set_hash: 'feedfeedfeedfeed',
      target: 'direction_5',
      model: 'lgbm_direction',
      verdict: 'iterate',
      oos_sharpe: 1.5,
      deflated_sharpe: 0.6,
      trials: 2,
      daily_sharpe: 0.0945,
      trades: 42,
      report_key: 'experiments/reports/experiment-1/report.html',
      started_at: '2026-11-21T10:00:00.000Z',
    });
  });

  it('keeps a workflow id with characters a key cannot hold in the record, not in the key', async () => {
    const { recordKey } = await recordExperiment(kit.deps, recordInput('demo: run/2', '2026-11-21T10:00:00.000Z'));

    expect(recordKey).toBe(recordKeyOf('abcdef0123456789', 'demo: run/2'));
    expect(recordKey).toBe('experiments/records/abcdef0123456789/demo__run_2.json');
    expect((await listExperimentRecords(kit.store))[0]!.experiment_id).toBe('demo: run/2');
  });

  it('lists the history oldest first and skips blobs that are not records', async () => {
    await recordExperiment(kit.deps, recordInput('late', '2026-11-21T12:00:00.000Z', '1111111111111111'));
    await recordExperiment(kit.deps, recordInput('early', '2026-11-20T12:00:00.000Z', '2222222222222222'));
    await recordExperiment(kit.deps, recordInput('middle', '2026-11-21T08:00:00.000Z', '1111111111111111'));
    await kit.store.put('experiments/records/broken/x.json', '{ not json');
    await kit.store.put('experiments/records/notes.txt', 'hello');

    const records = await listExperimentRecords(kit.store);

    expect(records.map((record) => record.experiment_id)).toEqual(['early', 'middle', 'late']);
  });
});
