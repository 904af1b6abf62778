import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadExperimentConfigError, BadExperimentDataError } from './errors.js';
import { canonicalJson, prepareExperiment } from './prepareExperiment.js';
import { stepTestDeps, type StepTestDeps } from './stepTestKit.js';

const base = {
  name: 'probe',
  hypothesis: 'RSI predicts direction',
  data: {
    source: 'synthetic',
    tickers: ['MSFT', 'AAPL', 'GOOG', 'AMZN', 'NVDA'],
    start: '2024-01-02',
    end: '2024-03-29',
  },
  features: ['rsi_14', 'sma_5'],
  target: 'direction_5',
  model: 'lgbm_direction',
};

describe('prepareExperiment', () => {
  let kit: StepTestDeps;
  beforeEach(async () => {
    kit = await stepTestDeps();
  });
  afterEach(async () => kit.cleanup());

  it('resolves features in features.yaml order, the target horizon, the model spec and sorted ticker shards', async () => {
    const prepared = await prepareExperiment(kit.deps, { config: base });
    const order = Object.keys(kit.deps.app.features.features);
    expect(prepared.features).toEqual(['sma_5', 'rsi_14'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(prepared.target).toMatchObject({ name: 'direction_5', type: 'classification', horizon: 5 });
    expect(prepared.model.framework).toBe('lightgbm');
    // 5 tickers: a quarter rounded up = 2 per shard, in ticker order.
    expect(prepared.shards).toEqual([['AAPL', 'AMZN'], ['GOOG', 'MSFT'], ['NVDA']]);
    expect(prepared.barsKey).toMatch(/^experiments\/data\/[0-9a-f]{16}\/bars\.parquet$/);
    expect(prepared.datasetPrefix.startsWith(prepared.barsKey.replace('/bars.parquet', '/sets/'))).toBe(true);
  });

  it('"all" expands to every registered feature', async () => {
    const prepared = await prepareExperiment(kit.deps, { config: { ...base, features: 'all' } });
    expect(prepared.features).toHaveLength(Object.keys(kit.deps.app.features.features).length);
  });

  it('hashes ignore key order but see every change that makes a different trial', async () => {
    const a = await prepareExperiment(kit.deps, { config: base });
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    const b = await prepareExperiment(kit.deps, { config: reordered });
    expect(b.configHash).toBe(a.configHash);
    expect(b.barsKey).toBe(a.barsKey);
    const otherFeatures = await prepareExperiment(kit.deps, { config: { ...base, features: ['rsi_14'] } });
    expect(otherFeatures.configHash).not.toBe(a.configHash);
    expect(otherFeatures.featureSetHash).not.toBe(a.featureSetHash);
    expect(otherFeatures.barsKey).toBe(a.barsKey); // same data, same bars
    const otherSeed = await prepareExperiment(kit.deps, { config: { ...base, data: { ...base.data, seed: 8 } } });
    expect(otherSeed.barsKey).not.toBe(a.barsKey);
    const otherFolds = await prepareExperiment(kit.deps, { config: { ...base, walk_forward: { folds: 6 } } });
    expect(otherFolds.configHash).not.toBe(a.configHash);
    expect(otherFolds.datasetPrefix).toBe(a.datasetPrefix); // the folds do not change the dataset
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('names the key of every problem of a bad config and never retries', async () => {
    const bad = { ...base, walk_forward: { folds: 0 }, features: ['rsi_14', 'no_such'], extra: 1 };
    const error = await prepareExperiment(kit.deps, { config: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadExperimentConfigError);
    const message = (error as Error).message;
    expect(message).toContain('experiment input: walk_forward.folds must be at least 1, was 0');
    expect(message).toMatch(/extra is not a known key/);
    const unknown = await prepareExperiment(kit.deps, { config: { ...base, features: ['no_such'] } }).catch(
      (e: unknown) => e,
    );
    expect((unknown as Error).message).toContain(
      'features[0] must be a feature of config/features.yaml, was "no_such"',
    );
    const empty = await prepareExperiment(kit.deps, {} as never).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(BadExperimentConfigError);
    expect((empty as Error).message).toContain('expected {"config"');
  });

  it('a missing data file is bad data, named', async () => {
    const config = { ...base, data: { ...base.data, source: 'csv', path: '/nonexistent/bars.csv' } };
    const error = await prepareExperiment(kit.deps, { config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadExperimentDataError);
    expect((error as Error).message).toContain('/nonexistent/bars.csv');
  });
});
