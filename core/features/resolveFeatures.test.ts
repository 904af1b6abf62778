import { describe, expect, it } from 'vitest';
import { batchOf, configOf } from '../../tests/support/featureKit.js';
import { FeatureConfigError, UnknownFeatureError } from './errors.js';
import { buildFeaturePipeline } from './index.js';

function problemOf(features: Record<string, Record<string, unknown>>): string {
  try {
    buildFeaturePipeline(configOf(features));
  } catch (error) {
    expect(error).toBeInstanceOf(FeatureConfigError);
    expect((error as FeatureConfigError).code).toBe('FEATURE_CONFIG_INVALID');
    return (error as Error).message;
  }
  throw new Error('expected the registry to be rejected');
}

describe('resolveFeatures', () => {
  it('names the cycle', () => {
    const message = problemOf({
      a: { function: 'math.difference', dependencies: ['b', 'c'] },
      b: { function: 'moving_averages.ema', params: { window: 2 }, dependencies: ['a'] },
      c: { function: 'moving_averages.sma', params: { window: 2 } },
    });

    expect(message).toBe('features.yaml: dependency cycle: a -> b -> a');
  });

  it('names a feature whose function is not registered', () => {
    const message = problemOf({ sma_5: { function: 'moving_averages.smaa', params: { window: 5 } } });

    expect(message).toBe(
      'features.yaml: feature "sma_5": function "moving_averages.smaa" is not registered in core/features/registry.ts',
    );
  });

  it('names a feature whose dependency is not defined', () => {
    const message = problemOf({ ratio: { function: 'math.ratio', dependencies: ['sma_5', 'sma_20'] } });

    expect(message).toBe(
      'features.yaml: 2 problems:\n' +
        '  feature "ratio": dependency "sma_5" is not defined in features.yaml\n' +
        '  feature "ratio": dependency "sma_20" is not defined in features.yaml',
    );
  });

  it('names the feature, the declared and the required lookback, dependencies included', () => {
    const message = problemOf({
      macd: { function: 'momentum.macd', lookback: 26 },
      macd_signal: { function: 'moving_averages.ema', params: { window: 9 }, lookback: 26, dependencies: ['macd'] },
    });

    expect(message).toBe(
      'features.yaml: feature "macd_signal": lookback must be at least the 34-bar warm-up of moving_averages.ema ' +
        'with its params and dependencies (declared 26, required 34)',
    );
  });

  it('names bad params and a wrong number of dependencies', () => {
    const message = problemOf({
      sma_0: { function: 'moving_averages.sma', params: { window: 0 } },
      sma_x: { function: 'moving_averages.sma', params: { window: 3, colum: 'close' } },
      ok: { function: 'moving_averages.sma', params: { window: 3 } },
      half: { function: 'math.difference', dependencies: ['ok'] },
    });

    expect(message).toBe(
      'features.yaml: 3 problems:\n' +
        '  feature "sma_0": params.window must be an integer >= 1, was 0\n' +
        '  feature "sma_x": params.colum is not a parameter of this function (allowed: window, column)\n' +
        '  feature "half": function math.difference takes 2 dependencies, was given 1 dependency',
    );
  });

  it('reports a missing param, a column given beside a dependency, and nothing more for their dependants', () => {
    const message = problemOf({
      plain: { function: 'moving_averages.sma' },
      both: { function: 'moving_averages.ema', params: { window: 2, column: 'close' }, dependencies: ['plain'] },
      later: { function: 'math.ratio', params: { column: 'close' }, dependencies: ['both'] },
    });

    expect(message).toBe('features.yaml: feature "plain": params.window must be an integer >= 1, was missing');
    expect(
      problemOf({
        base: { function: 'momentum.returns' },
        both: { function: 'moving_averages.ema', params: { window: 2, column: 'close' }, dependencies: ['base'] },
      }),
    ).toBe('features.yaml: feature "both": takes either params.column or one dependency as its input, not both');
  });

  it('rejects a requested feature that is not defined', () => {
    const config = configOf({ sma_5: { function: 'moving_averages.sma', params: { window: 5 } } });

    expect(() => buildFeaturePipeline(config, ['sma_5', 'rsi_99'])).toThrow(UnknownFeatureError);
    expect(() => buildFeaturePipeline(config, ['rsi_99'])).toThrow(
      'requested feature "rsi_99" not defined in features.yaml',
    );
  });

  it('pulls in dependencies and keeps the file order for output, dependencies first for computation', () => {
    const config = configOf({
      ratio: { function: 'math.ratio', dependencies: ['fast', 'slow'] },
      unused: { function: 'momentum.returns' },
      slow: { function: 'moving_averages.sma', params: { window: 4 } },
      fast: { function: 'moving_averages.sma', params: { window: 2 } },
    });

    const pipeline = buildFeaturePipeline(config, ['ratio']);

    expect(pipeline.names).toEqual(['ratio', 'slow', 'fast']);
    expect(pipeline.warmups).toEqual([4, 4, 2]);
    expect(pipeline.warmup).toBe(1000);
    const [ratio, slow, fast] = pipeline.computeBatch(batchOf({ close: [1, 2, 3, 4, 5] }));
    expect(Array.from(ratio!)).toEqual([NaN, NaN, NaN, 3.5 / 2.5, 4.5 / 3.5]);
    expect(slow![4]).toBe(3.5);
    expect(fast![4]).toBe(4.5);
  });
});
