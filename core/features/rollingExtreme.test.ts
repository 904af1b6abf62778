import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRollingExtreme, pushRollingExtremes } from './rollingExtreme.js';

/** The extreme of each window by a plain scan; ties go to the newest value (so -0 versus +0 is decided). */
function scan(values: readonly number[], size: number, sign: 1 | -1): number[] {
  return values.map((_, i) => {
    if (i < size - 1) return NaN;
    let best = -Infinity;
    for (let k = i - size + 1; k <= i; k++) {
      const x = values[k]!;
      if (x !== x) return NaN;
      if (sign * x >= best) best = sign * x;
    }
    return sign * best;
  });
}

describe('pushRollingExtremes', () => {
  it('equals a scan of the window, NaN and signed zeros included, however the bars are split into ranges', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(-0), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (values, size, sign, steps) => {
          const input = Float64Array.from(values);
          const output = new Float64Array(values.length);
          const window = createRollingExtreme(size, sign);
          for (let from = 0, k = 0; from < values.length; k++) {
            const to = Math.min(values.length, from + steps[k % steps.length]!);
            pushRollingExtremes(window, input, from, to, output);
            from = to;
          }
          const expected = scan(values, size, sign);
          expect(Array.from(output).every((x, i) => Object.is(x, expected[i]))).toBe(true);
        },
      ),
    );
  });
});
