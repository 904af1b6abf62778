import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from './normalCdf.js';

// Reference values: mpmath 1.3 `ncdf` at 40 significant digits, rounded to 17 (they agree with R's pnorm).
const REFERENCE: readonly (readonly [number, number])[] = [
  [1.96, 0.9750021048517795],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [-1, 0.15865525393145705],
  [3, 0.9986501019683699],
  [-3, 0.0013498980316300946],
  [6, 0.9999999990134123],
];
const LOWER_TAIL: readonly (readonly [number, number])[] = [
  [-5, 2.866515718791939e-7],
  [-8, 6.220960574271784e-16],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-37.5, 4.605353009581955e-308],
];

describe('normalCdf', () => {
  it('matches 40-digit reference values to 1e-15 absolute', () => {
    const results = REFERENCE.map(([x]) => normalCdf(x));

    REFERENCE.forEach(([x, expected], i) => {
      expect(Math.abs(results[i] - expected), `Phi(${x})`).toBeLessThanOrEqual(1e-15);
    });
  });

  it('keeps 1e-12 relative accuracy deep in the lower tail', () => {
    const results = LOWER_TAIL.map(([x]) => normalCdf(x));

    LOWER_TAIL.forEach(([x, expected], i) => {
      expect(Math.abs(results[i] / expected - 1), `Phi(${x})`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('handles infinities, NaN and underflow', () => {
    const values = [normalCdf(Infinity), normalCdf(-Infinity), normalCdf(Number.NaN), normalCdf(-40), normalCdf(40)];

    expect(values).toEqual([1, 0, Number.NaN, 0, 1]);
  });

  it('is symmetric: Phi(x) + Phi(-x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(2e-16 * 4);
      }),
    );
  });

  it('is non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -39, max: 39, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, step) => {
          expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
  });
});
