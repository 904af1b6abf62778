import { describe, expect, it } from 'vitest';
import { direction } from './direction.js';
import { DirectionLabel } from './labelClasses.js';
import { pathBatch } from './testBars.js';

const label = (from: number, to: number, threshold: number): number =>
  direction(pathBatch([from, to]), { bars_ahead: 1, threshold, entry: 'close' }, null)[0]!;

describe('direction', () => {
  // 16 -> 17 is a return of exactly 1/16 = 0.0625, representable in binary, so "on the threshold" is exact.
  it.each([
    [17.001, DirectionLabel.long, '17.001/16-1 = 0.0625625 > 0.0625'],
    [17, DirectionLabel.hold, '17/16-1 = 0.0625 exactly, on the dead zone edge'],
    [16.999, DirectionLabel.hold, '16.999/16-1 = 0.0624375 inside the dead zone'],
    [16, DirectionLabel.hold, 'no change'],
    [15.001, DirectionLabel.hold, '15.001/16-1 = -0.0624375 inside the dead zone'],
    [15, DirectionLabel.hold, '15/16-1 = -0.0625 exactly, on the lower edge'],
    [14.999, DirectionLabel.short, '14.999/16-1 = -0.0625625 < -0.0625'],
  ])('labels 16 -> %f as class %i (%s)', (to, expected, reason) => {
    expect(label(16, to, 0.0625), reason).toBe(expected);
  });

  it('uses the 0.1% dead zone of direction_5 on realistic prices', () => {
    expect(label(100, 100.2, 0.001), '100.2/100-1 = 0.002 > 0.001').toBe(DirectionLabel.long);
    expect(label(100, 100.05, 0.001), '100.05/100-1 = 0.0005').toBe(DirectionLabel.hold);
    expect(label(100, 99.95, 0.001), '99.95/100-1 = -0.0005').toBe(DirectionLabel.hold);
    expect(label(100, 99.8, 0.001), '99.8/100-1 = -0.002 < -0.001').toBe(DirectionLabel.short);
  });

  it('labels a zero return hold when the dead zone is zero', () => {
    expect(label(100, 100, 0)).toBe(DirectionLabel.hold);
    expect(label(100, 100.01, 0)).toBe(DirectionLabel.long);
  });

  it('leaves NaN where the forward return is undefined', () => {
    const out = direction(pathBatch([100, 101, NaN, 103]), { bars_ahead: 1, threshold: 0.001, entry: 'close' }, null);

    expect(Array.from(out), 'a NaN close has no direction, nor has the last bar').toEqual([
      DirectionLabel.long,
      NaN,
      NaN,
      NaN,
    ]);
  });
});
