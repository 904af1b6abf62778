import { describe, expect, it } from 'vitest';

import { intradayShape } from './intradayShape.js';
import { DEFAULT_SYNTHETIC_PARAMETERS as PARAMETERS } from './SyntheticParameters.js';

const average = (values: Float64Array): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('intradayShape', () => {
  it('averages 1 over a full session for both variance and volume', () => {
    const shape = intradayShape(390, 1, PARAMETERS);

    expect(average(shape.variance)).toBeCloseTo(1, 12);
    expect(average(shape.volume)).toBeCloseTo(1, 12);
  });

  it('is highest at the open, lowest at midday and rises again into the close', () => {
    const { volume, variance } = intradayShape(78, 5, PARAMETERS);

    for (const curve of [volume, variance]) {
      const midday = curve[39]!;
      expect(curve[0]).toBeGreaterThan(curve[77]!);
      expect(curve[77]).toBeGreaterThan(midday);
      expect(Math.min(...curve)).toBeCloseTo(Math.min(...curve.subarray(20, 60)), 12);
    }
  });

  it('gives an early close its own rise into 13:00 at the per-minute level of a normal day', () => {
    const full = intradayShape(390, 1, PARAMETERS);
    const early = intradayShape(210, 1, PARAMETERS);

    expect(early.volume[0]).toBeCloseTo(full.volume[0]!, 3);
    expect(early.volume[209]).toBeCloseTo(full.volume[389]!, 3);
    expect(average(early.volume)).toBeGreaterThan(1);
  });
});
