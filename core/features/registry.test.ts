import { describe, expect, it } from 'vitest';
import { FeaturesConfigSchema } from '../../config/features.js';
import { batchOf, loadFeaturesYaml } from '../../tests/support/featureKit.js';
import { buildFeaturePipeline, FEATURE_REGISTRY, InvalidBarError, SnapshotMismatchError } from './index.js';

const EXPECTED_NAMES = [
  ...['sma_5', 'sma_10', 'sma_20', 'sma_50', 'ema_5', 'ema_10', 'ema_20', 'sma_5_20_ratio', 'price_sma_20_ratio'],
  ...['returns', 'log_returns', 'roc_5', 'roc_10', 'rsi_14', 'macd', 'macd_signal', 'macd_histogram'],
  ...['volatility_5', 'volatility_20', 'true_range', 'atr_14'],
  ...['volume_sma_5', 'volume_sma_20', 'volume_ratio', 'price_volume', 'vwap_5'],
  ...['price_position', 'gap', 'intraday_range', 'body_range_ratio'],
  ...['local_max', 'local_min', 'higher_high', 'lower_low'],
  ...['hour', 'minute', 'day_of_week', 'day_of_month', 'month', 'quarter', 'market_open_minutes'],
  ...['is_market_open', 'is_pre_market', 'is_after_hours'],
];

describe('config/features.yaml', () => {
  it('defines the 44 features, each with a registered function', () => {
    const config = loadFeaturesYaml();

    expect(Object.keys(config.features)).toEqual(EXPECTED_NAMES);
    for (const [name, entry] of Object.entries(config.features)) {
      expect(FEATURE_REGISTRY.has(entry.function), `${name} uses ${entry.function}`).toBe(true);
    }
  });

  it('builds a pipeline whose declared lookbacks cover the computed warm-ups', () => {
    const pipeline = buildFeaturePipeline(loadFeaturesYaml());

    expect(pipeline.names).toEqual(EXPECTED_NAMES);
    expect(pipeline.warmup).toBe(50);
    pipeline.names.forEach((name, k) =>
      expect(pipeline.lookbacks[k], name).toBeGreaterThanOrEqual(pipeline.warmups[k]!),
    );
    expect(pipeline.warmups[pipeline.names.indexOf('rsi_14')]).toBe(15);
    expect(pipeline.warmups[pipeline.names.indexOf('atr_14')]).toBe(15);
    expect(pipeline.warmups[pipeline.names.indexOf('macd_histogram')]).toBe(34);
  });

  it('rejects unknown keys and fills defaults', () => {
    const strict = FeaturesConfigSchema.safeParse({
      features: { sma_5: { function: 'moving_averages.sma', lookback: 5, category: 'trend', window: 5 } },
    });
    const defaults = FeaturesConfigSchema.parse({
      features: { returns: { function: 'momentum.returns', lookback: 2, category: 'momentum' } },
    });

    expect(strict.success).toBe(false);
    expect(defaults.features['returns']).toEqual({
      function: 'momentum.returns',
      lookback: 2,
      category: 'momentum',
      params: {},
      dependencies: [],
      description: '',
    });
  });
});

describe('FeatureStream', () => {
  const pipeline = buildFeaturePipeline(loadFeaturesYaml());
  const bars = batchOf({ close: Array.from({ length: 80 }, (_, i) => 100 + Math.sin(i) * 3 + i * 0.1) });

  it('resumes from a snapshot with the same values as an uninterrupted stream', () => {
    const whole = pipeline.createStream();
    const first = pipeline.createStream();
    for (let i = 0; i < 40; i++) {
      whole.update(bars.ts[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
      first.update(bars.ts[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
    }
    const resumed = pipeline.createStream(JSON.parse(JSON.stringify(first.snapshot(), typedArrays), revive));

    for (let i = 40; i < 80; i++) {
      const expected = Array.from(
        whole.update(bars.ts[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, 1000),
      );
      const actual = Array.from(
        resumed.update(bars.ts[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, 1000),
      );
      expect(actual).toEqual(expected);
    }
  });

  it('refuses a snapshot of another feature set', () => {
    const other = buildFeaturePipeline(loadFeaturesYaml(), ['returns']).createStream().snapshot();

    expect(() => pipeline.createStream(other)).toThrow(SnapshotMismatchError);
  });

  it('throws on a NaN price and on time that does not increase', () => {
    const stream = pipeline.createStream();
    stream.update(1000, 1, 1, 1, 1, 1);

    expect(() => stream.update(1000, 1, 1, 1, 1, 1)).toThrow(
      'feature stream: bar time 1000 must be after the previous bar time 1000',
    );
    expect(() => stream.update(2000, 1, NaN, 1, 1, 1)).toThrow(InvalidBarError);
    const batch = batchOf({ close: [1, NaN] });
    expect(() => pipeline.computeBatch(batch)).toThrow('has a NaN price');
  });
});

// A snapshot is plain data: it survives JSON when typed arrays are tagged, as a store would do.
function typedArrays(_key: string, value: unknown): unknown {
  return value instanceof Float64Array ? { float64: Array.from(value, (x) => (Number.isNaN(x) ? 'NaN' : x)) } : value;
}
function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'float64' in value) {
    return Float64Array.from((value as { float64: (number | string)[] }).float64, Number);
  }
  return value;
}
