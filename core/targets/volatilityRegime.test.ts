import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VolatilityRegimeParams } from '../../config/targets.js';
import { VolatilityLabel } from './labelClasses.js';
import { sessionSegments } from './sessionSegments.js';
import { barsAt, pathBatch } from './testBars.js';
import { volatilityRegime } from './volatilityRegime.js';

const params: VolatilityRegimeParams = { window: 2, threshold_low: 0.5, threshold_high: 1.5 };

/** Label at t = 2 of a five-close path with window 2: backward returns r1, r2, forward returns r3, r4. */
const labelAt2 = (closes: readonly number[], p: VolatilityRegimeParams = params): number =>
  volatilityRegime(pathBatch(closes), p, null)[2]!;

describe('volatilityRegime', () => {
  it('labels a calmer future low_vol', () => {
    // Backward: 102/100-1 = 0.02, 100/102-1 = -0.0196; forward: 100.1/100-1 = 0.001, 100/100.1-1 = -0.000999.
    const ratio = Math.hypot(100.1 / 100 - 1, 100 / 100.1 - 1) / Math.hypot(102 / 100 - 1, 100 / 102 - 1);

    expect(ratio, 'about 0.05').toBeLessThan(0.5);
    expect(labelAt2([100, 102, 100, 100.1, 100])).toBe(VolatilityLabel.low);
  });

  it('labels the same swings normal', () => {
    expect(labelAt2([100, 102, 100, 102, 100]), 'ratio = 1: forward returns equal backward returns').toBe(
      VolatilityLabel.normal,
    );
  });

  it('labels a wilder future high_vol', () => {
    const ratio = Math.hypot(102 / 100 - 1, 100 / 102 - 1) / Math.hypot(100.1 / 100 - 1, 100 / 100.1 - 1);

    expect(ratio, 'about 20').toBeGreaterThan(1.5);
    expect(labelAt2([100, 100.1, 100, 102, 100])).toBe(VolatilityLabel.high);
  });

  it('keeps ratios exactly on a threshold normal', () => {
    // Window 1, t = 1: backward r = 80/64-1 = 0.25; forward 110/80-1 = 0.375 gives ratio 1.5 exactly,
    // forward 90/80-1 = 0.125 gives ratio 0.5 exactly (all exact in binary).
    const p: VolatilityRegimeParams = { window: 1, threshold_low: 0.5, threshold_high: 1.5 };
    const at1 = (closes: readonly number[]): number => volatilityRegime(pathBatch(closes), p, null)[1]!;

    expect(at1([64, 80, 110]), 'ratio 0.375/0.25 = 1.5 is not > 1.5').toBe(VolatilityLabel.normal);
    expect(at1([64, 80, 90]), 'ratio 0.125/0.25 = 0.5 is not < 0.5').toBe(VolatilityLabel.normal);
    expect(at1([64, 80, 110.001]), 'just above 1.5').toBe(VolatilityLabel.high);
    expect(at1([64, 80, 89.999]), 'just below 0.5').toBe(VolatilityLabel.low);
  });

  it('labels a flat past with a moving future high_vol and flat on both sides NaN', () => {
    expect(labelAt2([100, 100, 100, 101, 100]), 'ratio x/0 = Infinity').toBe(VolatilityLabel.high);
    expect(labelAt2([100, 100, 100, 100, 100]), 'ratio 0/0 is undefined').toBeNaN();
  });

  it('gives NaN where either window is incomplete', () => {
    const out = volatilityRegime(pathBatch([100, 102, 100, 102, 100, 102]), params, null);

    expect(Array.from(out), 't < 2 lacks the backward window, t > 3 the forward one').toEqual([
      NaN,
      NaN,
      VolatilityLabel.normal,
      VolatilityLabel.normal,
      NaN,
      NaN,
    ]);
  });

  it('gives NaN when the forward window crosses the close, but lets the backward window span the night', () => {
    const batch = barsAt([
      ['2025-06-02 15:45', 100, 100, 100, 100],
      ['2025-06-02 15:50', 102, 102, 102, 102],
      ['2025-06-02 15:55', 100, 100, 100, 100],
      ['2025-06-03 09:30', 102, 102, 102, 102],
      ['2025-06-03 09:35', 100, 100, 100, 100],
      ['2025-06-03 09:40', 102, 102, 102, 102],
    ]);

    const inSession = volatilityRegime(batch, params, sessionSegments(batch.ts));
    const crossing = volatilityRegime(batch, params, null);

    expect(inSession[2], 'forward bars 09:30, 09:35 are in the next session').toBeNaN();
    expect(crossing[2], 'cross_session: returns of 2% both ways, ratio about 1').toBe(VolatilityLabel.normal);
    expect(inSession[3], 'backward returns 15:55 and 09:30 may span the night; forward stays in session').toBe(
      VolatilityLabel.normal,
    );
  });

  it('matches a direct sum over each window for any path and window', () => {
    /** The definition written out: sum r[i]^2 over each window from scratch. */
    const reference = (closes: readonly number[], p: VolatilityRegimeParams): number[] =>
      closes.map((_, t) => {
        const w = p.window;
        if (t < w || t + w >= closes.length) return NaN;
        let backward = 0;
        let forward = 0;
        for (let i = t - w + 1; i <= t; i++) backward += (closes[i]! / closes[i - 1]! - 1) ** 2;
        for (let i = t + 1; i <= t + w; i++) forward += (closes[i]! / closes[i - 1]! - 1) ** 2;
        const ratio = Math.sqrt(forward / backward);
        if (Number.isNaN(ratio)) return NaN;
        return ratio < p.threshold_low ? 0 : ratio > p.threshold_high ? 2 : 1;
      });
    const property = fc.property(
      fc.array(fc.oneof(fc.constant(0), fc.double({ min: -0.02, max: 0.02, noNaN: true })), { maxLength: 70 }),
      fc.integer({ min: 1, max: 7 }),
      (moves, window) => {
        const closes = moves.reduce<number[]>((path, move) => [...path, path[path.length - 1]! * (1 + move)], [100]);
        const p: VolatilityRegimeParams = { window, threshold_low: 0.8, threshold_high: 1.25 };

        const out = Array.from(volatilityRegime(pathBatch(closes), p, null));

        expect(out).toEqual(reference(closes, p));
      },
    );

    fc.assert(property, { numRuns: 300 });
  });
});
