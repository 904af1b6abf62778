import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRollingSum, pushRollingSums } from './rolling.js';

/** Pushes `values` through a fresh window in ranges of the given lengths (cycled). */
function pushInRanges(values: readonly number[], size: number, steps: readonly number[], divisor: number): number[] {
  const input = Float64Array.from(values);
  const output = new Float64Array(values.length);
  const window = createRollingSum(size);
  for (let from = 0, k = 0; from < values.length; k++) {
    const to = Math.min(values.length, from + steps[k % steps.length]!);
    pushRollingSums(window, input, from, to, output, divisor);
    from = to;
  }
  return Array.from(output);
}

describe('pushRollingSums', () => {
  it('gives the same bits however the bars are split into ranges, and NaN exactly for windows holding a NaN', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (values, size, steps) => {
          const whole = pushInRanges(values, size, [values.length], size);
          const split = pushInRanges(values, size, steps, size);
          expect(split.every((x, i) => Object.is(x, whole[i]))).toBe(true);
          whole.forEach((mean, i) => {
            const window = values.slice(Math.max(0, i - size + 1), i + 1);
            const ready = window.length === size && window.every((x) => x === x);
            if (!ready) expect(mean).toBeNaN();
            else expect(mean).toBeCloseTo(window.reduce((a, b) => a + b, 0) / size, 3);
          });
        },
      ),
    );
  });
});
