import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from './normalCdf.js';
import { AS241_CENTRAL, AS241_FAR, AS241_INTERMEDIATE, normalQuantile } from './normalQuantile.js';

/** Wichura's check sum: the sum of every coefficient written as d.ddd x 10^k, leading 1s of the denominators excluded. */
function checkSum(table: { readonly numerator: readonly number[]; readonly denominator: readonly number[] }): number {
  const mantissa = (value: number) => value / 10 ** Math.floor(Math.log10(value));
  return [...table.numerator, ...table.denominator.slice(0, -1)].reduce((sum, value) => sum + mantissa(value), 0);
}

describe('normalQuantile', () => {
  it('carries the AS 241 coefficients whose check sums Wichura (1988) published', () => {
    // Published: 55.88319 28806 14901 4439, 49.33206 50330 16102 89036 and 47.52583 31754 92896 71629.
    const sums = [checkSum(AS241_CENTRAL), checkSum(AS241_INTERMEDIATE), checkSum(AS241_FAR)];

    expect(Math.abs(sums[0] - 55.8831928806149), 'central region').toBeLessThan(1e-12);
    expect(Math.abs(sums[1] - 49.3320650330161), 'intermediate tail').toBeLessThan(1e-12);
    expect(Math.abs(sums[2] - 47.5258331754929), 'far tail').toBeLessThan(1e-12);
  });

  it('matches reference values to 1e-15 relative', () => {
    // Phi^-1(0.975) = 1.959963984540054 (the usual 1.96); the others are mpmath 1.3 values at 60 digits.
    const cases: readonly (readonly [number, number])[] = [
      [0.975, 1.9599639845400543],
      [0.99, 2.326347874040841],
      [0.3, -0.5244005127080408],
      [1e-3, -3.0902323061678136],
      [1e-10, -6.361340902404057],
      [1e-300, -37.0470962993612],
    ];

    const results = cases.map(([p]) => normalQuantile(p));

    cases.forEach(([p, expected], i) => {
      expect(Math.abs(results[i] / expected - 1), `Phi^-1(${p})`).toBeLessThanOrEqual(1e-15);
    });
  });

  it('returns 0 at one half and infinities at 0 and 1', () => {
    const values = [normalQuantile(0.5), normalQuantile(0), normalQuantile(1)];

    expect(values).toEqual([0, -Infinity, Infinity]);
  });

  it('inverts normalCdf across the whole range', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.999999, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('rejects probabilities outside [0, 1]', () => {
    const outside = [-0.1, 1.5, Number.NaN];

    for (const p of outside) {
      expect(() => normalQuantile(p)).toThrow(expect.objectContaining({ code: 'ANALYTICS_INVALID_ARGUMENT' }));
    }
    expect(() => normalQuantile(2)).toThrow('p must be a probability in [0, 1], was 2');
  });
});
