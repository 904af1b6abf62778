import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TargetsConfig } from '../../config/targets.js';
import { allocateBatch, sliceBatch } from '../data/BarBatch.js';
import { computeTargets } from './computeTargets.js';
import { InvalidTargetInputError, UnknownTargetError } from './errors.js';
import { BarrierLabel, DirectionLabel } from './labelClasses.js';
import { targetHorizon } from './targetHorizon.js';
import { barsAt, nyTime, pathBatch } from './testBars.js';

/** The entries of config/targets.yaml after parsing (defaults filled in). */
const config: TargetsConfig = {
  targets: {
    forward_return_5: {
      type: 'regression',
      function: 'targets.forward_return',
      params: { bars_ahead: 5, entry: 'close' },
      description: '',
      cross_session: false,
    },
    direction_5: {
      type: 'classification',
      function: 'targets.direction',
      params: { bars_ahead: 5, threshold: 0.001, entry: 'close' },
      classes: ['short', 'hold', 'long'],
      description: '',
      cross_session: false,
    },
    direction_12: {
      type: 'classification',
      function: 'targets.direction',
      params: { bars_ahead: 12, threshold: 0.002, entry: 'close' },
      classes: ['short', 'hold', 'long'],
      description: '',
      cross_session: false,
    },
    volatility_regime: {
      type: 'classification',
      function: 'targets.volatility_regime',
      params: { window: 20, threshold_low: 0.5, threshold_high: 1.5 },
      classes: ['low_vol', 'normal', 'high_vol'],
      description: '',
      cross_session: false,
    },
    triple_barrier_5: {
      type: 'classification',
      function: 'targets.triple_barrier',
      params: { bars_ahead: 5, profit_take: 0.005, stop_loss: 0.003, entry: 'close' },
      classes: ['short', 'hold', 'long'],
      description: '',
      cross_session: false,
    },
  },
};

/** One-bar-ahead versions of the targets, inside the session or across it. */
function oneBarConfig(crossSession: boolean): TargetsConfig {
  return {
    targets: {
      forward_return_1: {
        type: 'regression',
        function: 'targets.forward_return',
        params: { bars_ahead: 1, entry: 'close' },
        description: '',
        cross_session: crossSession,
      },
      triple_barrier_1: {
        type: 'classification',
        function: 'targets.triple_barrier',
        params: { bars_ahead: 1, profit_take: 0.01, stop_loss: 0.01, entry: 'close' },
        classes: ['short', 'hold', 'long'],
        description: '',
        cross_session: crossSession,
      },
    },
  };
}

describe('computeTargets', () => {
  it('computes every target in file order by default', () => {
    const result = computeTargets(pathBatch(Array.from({ length: 40 }, (_, i) => 100 + (i % 3))), config);

    expect(result.names).toEqual([
      'forward_return_5',
      'direction_5',
      'direction_12',
      'volatility_regime',
      'triple_barrier_5',
    ]);
    expect(result.columns.map((column) => column.length)).toEqual([40, 40, 40, 40, 40]);
  });

  it('computes only the requested targets, in the requested order', () => {
    const batch = pathBatch([100, 100, 100, 100, 100, 100.2, 100.2]);

    const result = computeTargets(batch, config, ['direction_5', 'forward_return_5']);

    expect(result.names).toEqual(['direction_5', 'forward_return_5']);
    expect(result.columns[0]![0], '100.2/100-1 = 0.002 > 0.001').toBe(DirectionLabel.long);
    expect(result.columns[1]![0]).toBe(100.2 / 100 - 1);
  });

  it('rejects an unknown target name and lists the known ones', () => {
    const act = () => computeTargets(pathBatch([100, 101]), config, ['direction_7']);

    expect(act).toThrow(UnknownTargetError);
    expect(act).toThrow(
      'unknown target "direction_7" (known targets: forward_return_5, direction_5, direction_12, volatility_regime, triple_barrier_5)',
    );
  });

  it('rejects bars out of time order with INVALID_TARGET_INPUT', () => {
    const batch = pathBatch([100, 101, 102]);
    batch.ts[2] = batch.ts[1]!;

    const act = () => computeTargets(batch, config);

    expect(act).toThrow(expect.objectContaining({ code: 'INVALID_TARGET_INPUT' }));
    expect(act).toThrow(InvalidTargetInputError);
  });

  it('rejects columns of different lengths and pins the message', () => {
    const batch = { ...pathBatch([100, 101, 102]), low: new Float64Array(2) };

    expect(() => computeTargets(batch, config)).toThrow(
      'cannot compute targets for TEST: column low has 2 values, the batch has 3 bars',
    );
  });

  it('says so when the configuration lists no targets', () => {
    expect(() => computeTargets(pathBatch([100]), { targets: {} }, ['direction_5'])).toThrow(
      'unknown target "direction_5" (known targets: none, config/targets.yaml lists no targets)',
    );
  });

  it('stops at the close of 2025-06-02 by default and crosses it with cross_session', () => {
    const batch = barsAt([
      ['2025-06-02 15:50', 100, 100, 100, 100],
      ['2025-06-02 15:55', 100, 100.5, 99.5, 100],
      ['2025-06-03 09:30', 102, 103, 101.5, 102],
      ['2025-06-03 09:35', 102, 102, 102, 102],
    ]);

    const inSession = computeTargets(batch, oneBarConfig(false)).columns;
    const crossing = computeTargets(batch, oneBarConfig(true)).columns;

    expect(inSession[0]![0], '15:50 -> 15:55: 100/100-1').toBe(0);
    expect(inSession[1]![0], '15:55 stays within 99..101').toBe(BarrierLabel.timeLimit);
    expect(inSession[0]![1], '15:55 -> 09:30 next day').toBeNaN();
    expect(inSession[1]![1]).toBeNaN();
    expect(crossing[0]![1], '102/100-1').toBe(102 / 100 - 1);
    expect(crossing[1]![1], 'high 103 >= 101').toBe(BarrierLabel.take);
  });

  it('follows the 13:00 early close of 2024-11-29', () => {
    const batch = barsAt([
      ['2024-11-29 12:50', 100, 100, 100, 100],
      ['2024-11-29 12:55', 101, 101, 101, 101],
      ['2024-11-29 13:00', 102, 102, 102, 102],
      ['2024-11-29 13:05', 103, 103, 103, 103],
      ['2024-12-02 09:30', 104, 104, 104, 104],
    ]);

    const [forward] = computeTargets(batch, oneBarConfig(false)).columns;

    expect(Array.from(forward!)).toEqual([
      101 / 100 - 1, // 12:50 -> 12:55, both before the early close
      NaN, // 12:55 -> 13:00: the 13:00 bar is after the close on this day
      103 / 102 - 1, // 13:00 -> 13:05 stays within the after-hours segment
      NaN, // 13:05 -> Monday 09:30
      NaN, // last bar
    ]);
  });

  it('never changes the target at t when the data is cut after bar t + horizon', () => {
    const bar = fc.record({
      gap: fc.constantFrom(300_000, 300_000, 300_000, 300_000, 63_000_000),
      move: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
      up: fc.double({ min: 0, max: 0.006, noNaN: true }),
      down: fc.double({ min: 0, max: 0.006, noNaN: true }),
    });
    const property = fc.property(
      fc.array(bar, { minLength: 2, maxLength: 60 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
      fc.constantFrom('close', 'next_open'),
      (bars, barsAhead, window, crossSession, entry) => {
        const batch = allocateBatch('TEST', 300_000, bars.length);
        let ts = nyTime('2025-06-02 15:20');
        let close = 100;
        bars.forEach((b, i) => {
          ts += i === 0 ? 0 : b.gap;
          const open = close;
          close = open * (1 + b.move);
          batch.ts[i] = ts;
          batch.open[i] = open;
          batch.close[i] = close;
          batch.high[i] = Math.max(open, close) * (1 + b.up);
          batch.low[i] = Math.min(open, close) * (1 - b.down);
        });
        const common = { description: '', cross_session: crossSession } as const;
        const small: TargetsConfig = {
          targets: {
            forward: {
              ...common,
              type: 'regression',
              function: 'targets.forward_return',
              params: { bars_ahead: barsAhead, entry },
            },
            direction: {
              ...common,
              type: 'classification',
              function: 'targets.direction',
              params: { bars_ahead: barsAhead, threshold: 0.002, entry },
              classes: ['short', 'hold', 'long'],
            },
            barrier: {
              ...common,
              type: 'classification',
              function: 'targets.triple_barrier',
              params: { bars_ahead: barsAhead, profit_take: 0.004, stop_loss: 0.003, entry },
              classes: ['short', 'hold', 'long'],
            },
            regime: {
              ...common,
              type: 'classification',
              function: 'targets.volatility_regime',
              params: { window, threshold_low: 0.7, threshold_high: 1.3 },
              classes: ['low_vol', 'normal', 'high_vol'],
            },
          },
        };
        const full = computeTargets(batch, small);
        full.names.forEach((name, k) => {
          const horizon = targetHorizon(small, name);
          for (let t = 0; t + horizon < batch.length; t++) {
            const cut = computeTargets(sliceBatch(batch, 0, t + horizon + 1), small, [name]);
            expect(Object.is(cut.columns[0]![t], full.columns[k]![t]), `${name} at bar ${t}`).toBe(true);
          }
        });
      },
    );

    fc.assert(property, { numRuns: 150 });
  });
});

describe('targetHorizon', () => {
  it('gives bars_ahead, or the window for volatility_regime', () => {
    expect(Object.keys(config.targets).map((name) => targetHorizon(config, name))).toEqual([5, 5, 12, 20, 5]);
  });

  it('rejects an unknown name', () => {
    expect(() => targetHorizon(config, 'toString')).toThrow(UnknownTargetError);
  });
});
