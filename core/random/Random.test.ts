import { describe, expect, it } from 'vitest';

import { createRandom } from './Random.js';
import { hashString } from './hashString.js';
import { sfc32 } from './sfc32.js';
import { splitMix32 } from './splitMix32.js';

// Known answers computed with the C reference code of each algorithm (uint32 arithmetic, gcc).
describe('reference generators', () => {
  it('sfc32 from state (1, 2, 3, 4) matches the C reference', () => {
    const next = sfc32(1, 2, 3, 4);

    const outputs = [next(), next(), next(), next(), next()];

    expect(outputs).toEqual([7, 34, 56623200, 188882296, 3431242869]);
  });

  it('SplitMix32 from seed 0 matches the C reference', () => {
    const next = splitMix32(0);

    expect([next(), next(), next()]).toEqual([2462723854, 1020716019, 454327756]);
  });

  it('FNV-1a of "AAPL" matches the C reference', () => {
    expect(hashString('AAPL')).toBe(1489842955);
    expect(hashString('')).toBe(0x811c9dc5);
  });
});

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const first = createRandom(7, 'market');
    const second = createRandom(7, 'market');

    const a = Array.from({ length: 100 }, () => first.nextUint32());
    const b = Array.from({ length: 100 }, () => second.nextUint32());

    expect(a).toEqual(b);
  });

  it('gives different sequences for different seeds, streams and large or negative seeds', () => {
    const starts = [
      createRandom(7, 'market'),
      createRandom(8, 'market'),
      createRandom(7, 'AAPL'),
      createRandom(7 + 2 ** 32, 'market'),
      createRandom(-7, 'market'),
    ].map((random) => random.nextUint32());

    expect(new Set(starts).size).toBe(starts.length);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRandom(1.5)).toThrow('random seed must be a safe integer, was 1.5');
    expect(() => createRandom(Number.NaN)).toThrow('random seed must be a safe integer, was NaN');
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = createRandom(1);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let min = 1;
    let max = 0;

    for (let i = 0; i < n; i++) {
      const x = random.nextFloat();
      sum += x;
      sumSquares += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / n;

    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSquares / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('draws normals with mean 0, variance 1, no skew and normal tails', () => {
    const random = createRandom(2);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let sumCubes = 0;
    let beyondTwo = 0;

    for (let i = 0; i < n; i++) {
      const z = random.nextNormal();
      sum += z;
      sumSquares += z * z;
      sumCubes += z * z * z;
      if (Math.abs(z) > 2) beyondTwo++;
    }

    expect(sum / n).toBeCloseTo(0, 2);
    expect(sumSquares / n).toBeCloseTo(1, 1);
    expect(Math.abs(sumCubes / n), 'skewness').toBeLessThan(0.03);
    expect(beyondTwo / n, 'P(|z| > 2) is 4.55% for a normal').toBeCloseTo(0.0455, 2);
  });
});
