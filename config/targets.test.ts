import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { TargetsConfigSchema } from './targets.js';

const yamlText = readFileSync(new URL('./targets.yaml', import.meta.url), 'utf8');

/** config/targets.yaml with one entry replaced. */
function withEntry(name: string, entry: unknown): unknown {
  const data = parse(yamlText) as { targets: Record<string, unknown> };
  return { targets: { ...data.targets, [name]: entry } };
}

const direction5 = {
  type: 'classification',
  function: 'targets.direction',
  params: { bars_ahead: 5, threshold: 0.001 },
  classes: ['short', 'hold', 'long'],
};

describe('TargetsConfigSchema', () => {
  it('parses config/targets.yaml with defaults filled in, in file order', () => {
    const config = TargetsConfigSchema.parse(parse(yamlText));

    expect(Object.keys(config.targets)).toEqual([
      'forward_return_5',
      'direction_5',
      'direction_12',
      'volatility_regime',
      'triple_barrier_5',
    ]);
    expect(config.targets['direction_12']).toEqual({
      type: 'classification',
      function: 'targets.direction',
      params: { bars_ahead: 12, threshold: 0.002, entry: 'close' },
      classes: ['short', 'hold', 'long'],
      description: 'Direction in 1 hour with 0.2% dead zone',
      cross_session: false,
    });
    expect(config.targets['triple_barrier_5']?.params).toEqual({
      bars_ahead: 5,
      profit_take: 0.005,
      stop_loss: 0.003,
      entry: 'close',
    });
    expect(config.targets['volatility_regime']?.params).toEqual({
      window: 20,
      threshold_low: 0.5,
      threshold_high: 1.5,
    });
  });

  it('fills in the default classes, description and cross_session', () => {
    const config = TargetsConfigSchema.parse({
      targets: {
        regime: {
          type: 'classification',
          function: 'targets.volatility_regime',
          params: { window: 5, threshold_low: 0.5, threshold_high: 2 },
        },
      },
    });

    expect(config.targets['regime']).toMatchObject({
      classes: ['low_vol', 'normal', 'high_vol'],
      description: '',
      cross_session: false,
    });
  });

  it('names an unknown key', () => {
    const result = TargetsConfigSchema.safeParse(withEntry('direction_5', { ...direction5, colour: 'red' }));

    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['colour'], path: ['targets', 'direction_5'] }),
    ]);
  });

  it('names an unknown key inside params', () => {
    const result = TargetsConfigSchema.safeParse(
      withEntry('direction_5', { ...direction5, params: { bars_ahead: 5, threshold: 0.001, profit_take: 0.01 } }),
    );

    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'unrecognized_keys',
        keys: ['profit_take'],
        path: ['targets', 'direction_5', 'params'],
      }),
    ]);
  });

  it('names a missing bars_ahead', () => {
    const result = TargetsConfigSchema.safeParse(
      withEntry('direction_5', { ...direction5, params: { threshold: 0.001 } }),
    );

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['targets', 'direction_5', 'params', 'bars_ahead'],
    ]);
  });

  it('names a negative threshold', () => {
    const result = TargetsConfigSchema.safeParse(
      withEntry('direction_5', { ...direction5, params: { bars_ahead: 5, threshold: -0.001 } }),
    );

    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'too_small', path: ['targets', 'direction_5', 'params', 'threshold'] }),
    ]);
  });

  it.each([
    ['a fractional horizon', { ...direction5, params: { bars_ahead: 2.5, threshold: 0 } }, ['params', 'bars_ahead']],
    ['a regression type on a classifier', { ...direction5, type: 'regression' }, ['type']],
    ['two class names', { ...direction5, classes: ['down', 'up'] }, ['classes']],
    ['an unknown function', { ...direction5, function: 'targets.sharpe' }, ['function']],
    [
      'an unknown entry',
      { ...direction5, params: { bars_ahead: 5, threshold: 0, entry: 'vwap' } },
      ['params', 'entry'],
    ],
    [
      'a stop of 100%',
      {
        type: 'classification',
        function: 'targets.triple_barrier',
        params: { bars_ahead: 5, profit_take: 0.01, stop_loss: 1 },
      },
      ['params', 'stop_loss'],
    ],
    [
      'threshold_low above threshold_high',
      {
        type: 'classification',
        function: 'targets.volatility_regime',
        params: { window: 5, threshold_low: 2, threshold_high: 1 },
      },
      ['params', 'threshold_low'],
    ],
  ])('rejects %s', (_, entry, path) => {
    const result = TargetsConfigSchema.safeParse(withEntry('bad', entry));

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['targets', 'bad', ...path]]);
  });

  it('rejects a target name that is not a lower-case identifier', () => {
    const result = TargetsConfigSchema.safeParse(withEntry('Direction-5', direction5));

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['targets', 'Direction-5']);
  });

  it('describes every key', () => {
    const undescribed: string[] = [];
    const seen = new Set<string>();
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties ?? {};
      for (const [key, value] of Object.entries(properties)) {
        seen.add(key);
        if (!value.description) undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
    };

    walk(z.toJSONSchema(TargetsConfigSchema, { io: 'input' }), '');

    expect([...seen].sort(), 'the walk reaches every level').toEqual(
      expect.arrayContaining([
        'targets',
        'function',
        'params',
        'bars_ahead',
        'threshold_high',
        'entry',
        'cross_session',
      ]),
    );
    expect(undescribed).toEqual([]);
  });
});
