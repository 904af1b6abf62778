import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WalkForwardSchema } from '../../config/experiment.js';
import { splitWalkForward } from './splitWalkForward.js';
import { isTrainIndex } from './WalkForwardFold.js';
import { WalkForwardMode, walkForwardOptions, type WalkForwardOptions } from './WalkForwardOptions.js';

// 20 bars, train_fraction 0.5: the first test window starts at floor(20 x 0.5) = 10. The 10 test bars split at
// 10 + floor(k x 10 / 4) for k = 0..4 = 10, 12, 15, 17, 20. Horizon 2, so purge 2: each training window ends at
// testStart - 2 = 8, 10, 13, 15; the rolling length is 10 - 2 = 8 bars.
const BASE: WalkForwardOptions = { folds: 4, mode: WalkForwardMode.ROLLING, trainFraction: 0.5, horizonBars: 2 };

const bounds = (folds: ReturnType<typeof splitWalkForward>) =>
  folds.map((f) => [f.trainStart, f.trainEnd, f.testStart, f.testEnd]);

function errorCode(act: () => unknown): string {
  try {
    act();
    return 'none';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('splitWalkForward', () => {
  it('slides a fixed-length training window in rolling mode', () => {
    const folds = splitWalkForward(20, BASE);

    expect(bounds(folds)).toEqual([
      [0, 8, 10, 12],
      [2, 10, 12, 15],
      [5, 13, 15, 17],
      [7, 15, 17, 20],
    ]);
    expect(folds.map((f) => f.trainBars)).toEqual([8, 8, 8, 8]);
  });

  it('anchors the training window at bar 0 in expanding mode', () => {
    const folds = splitWalkForward(20, { ...BASE, mode: WalkForwardMode.EXPANDING });

    expect(bounds(folds)).toEqual([
      [0, 8, 10, 12],
      [0, 10, 12, 15],
      [0, 13, 15, 17],
      [0, 15, 17, 20],
    ]);
  });

  it('widens the gap when the purge exceeds the horizon', () => {
    const folds = splitWalkForward(20, { ...BASE, purgeBars: 4 });

    // Rolling length 10 - 4 = 6; training ends at 10 - 4, 12 - 4, 15 - 4, 17 - 4.
    expect(bounds(folds)).toEqual([
      [0, 6, 10, 12],
      [2, 8, 12, 15],
      [5, 11, 15, 17],
      [7, 13, 17, 20],
    ]);
  });

  it('drops the embargoed bars after earlier test windows from later training', () => {
    const folds = splitWalkForward(20, { ...BASE, mode: WalkForwardMode.EXPANDING, embargoBars: 1 });

    // Test window 0 ends at 12, so bar 12 is embargoed for folds 2 and 3 (fold 1 ends training at 10 anyway).
    // Test window 1 ends at 15, beyond the training of fold 3 (which ends at 15).
    expect(folds.map((f) => f.trainRanges)).toEqual([
      [{ start: 0, end: 8 }],
      [{ start: 0, end: 10 }],
      [{ start: 0, end: 12 }],
      [
        { start: 0, end: 12 },
        { start: 13, end: 15 },
      ],
    ]);
    expect(folds.map((f) => f.trainBars)).toEqual([8, 10, 12, 14]);
    expect([isTrainIndex(folds[3], 12), isTrainIndex(folds[3], 13)]).toEqual([false, true]);
  });

  it('accepts sorted bar times and splits by their position', () => {
    const times = Array.from({ length: 20 }, (_, i) => 1_700_000_000_000 + i * 300_000);

    const folds = splitWalkForward(times, BASE);

    expect(bounds(folds)).toEqual(bounds(splitWalkForward(20, BASE)));
  });

  it('rejects a purge below the target horizon with a clear message', () => {
    const act = () => splitWalkForward(100, { ...BASE, horizonBars: 5, purgeBars: 3 });

    expect(errorCode(act)).toBe('WALK_FORWARD_PURGE_BELOW_HORIZON');
    expect(act).toThrow(
      'walk-forward: purge_bars 3 is below the target horizon of 5 bars, so training labels would reach into the test window; use at least 5',
    );
  });

  it('rejects more folds than test bars', () => {
    const act = () => splitWalkForward(10, { ...BASE, folds: 6 });

    expect(errorCode(act)).toBe('WALK_FORWARD_TOO_FEW_BARS');
    expect(act).toThrow(
      'walk-forward: 10 bars leave 5 bars after the first training window (train_fraction 0.5), too few for 6 test windows of at least one bar',
    );
  });

  it('rejects a purge that leaves no training bar', () => {
    const act = () => splitWalkForward(10, { ...BASE, folds: 2, trainFraction: 0.3, horizonBars: 3 });

    expect(errorCode(act)).toBe('WALK_FORWARD_TOO_FEW_BARS');
    expect(act).toThrow(
      'walk-forward: 10 bars x train_fraction 0.3 = 3 bars before the first test window, which leaves no training bar after a purge of 3',
    );
  });

  it('rejects malformed options and unsorted times', () => {
    const cases = [
      () => splitWalkForward(20, { ...BASE, folds: 0 }),
      () => splitWalkForward(20, { ...BASE, folds: 1.5 }),
      () => splitWalkForward(20, { ...BASE, trainFraction: 1 }),
      () => splitWalkForward(20, { ...BASE, mode: 'sliding' as WalkForwardMode }),
      () => splitWalkForward(20, { ...BASE, horizonBars: -1 }),
      () => splitWalkForward(20, { ...BASE, embargoBars: 0.5 }),
      () => splitWalkForward(-3, BASE),
      () => splitWalkForward([1, 2, 2, 3], BASE),
    ];

    const codes = cases.map(errorCode);

    expect(new Set(codes)).toEqual(new Set(['WALK_FORWARD_INVALID_OPTION']));
    expect(() => splitWalkForward([1, 3, 2], BASE)).toThrow(
      'walk-forward: bar times must be sorted and unique, but time 2 (2) follows 3',
    );
  });

  it('holds its guarantees for random sizes and options', () => {
    const options = fc.record({
      steps: fc.integer({ min: 0, max: 400 }),
      folds: fc.integer({ min: 1, max: 25 }),
      mode: fc.constantFrom(WalkForwardMode.ROLLING, WalkForwardMode.EXPANDING),
      trainFraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      horizonBars: fc.integer({ min: 0, max: 20 }),
      extraPurge: fc.integer({ min: 0, max: 10 }),
      embargoBars: fc.integer({ min: 0, max: 15 }),
    });
    fc.assert(
      fc.property(options, ({ steps, extraPurge, ...rest }) => {
        const purgeBars = rest.horizonBars + extraPurge;
        const firstTestStart = Math.floor(steps * rest.trainFraction);
        const feasible = steps - firstTestStart >= rest.folds && firstTestStart - purgeBars >= 1;
        if (!feasible) {
          expect(errorCode(() => splitWalkForward(steps, { ...rest, purgeBars }))).toBe('WALK_FORWARD_TOO_FEW_BARS');
          return;
        }

        let folds: ReturnType<typeof splitWalkForward>;
        try {
          folds = splitWalkForward(steps, { ...rest, purgeBars });
        } catch (error) {
          expect(rest.embargoBars, 'only an embargo can empty a feasible training window').toBeGreaterThan(0);
          expect((error as Error).message).toContain('has no training bar left after an embargo');
          return;
        }

        expect(folds.length).toBe(rest.folds);
        expect(folds[0].testStart, 'testing starts after the first training share').toBe(firstTestStart);
        expect(folds[folds.length - 1].testEnd, 'testing covers the rest of the axis').toBe(steps);
        const firstLength = folds[0].trainEnd - folds[0].trainStart;
        folds.forEach((fold, k) => {
          expect(fold.testEnd, 'test windows are not empty').toBeGreaterThan(fold.testStart);
          if (k > 0) expect(fold.testStart, 'test windows are contiguous').toBe(folds[k - 1].testEnd);
          expect(fold.trainEnd + purgeBars, 'the purge gap separates train and test').toBeLessThanOrEqual(
            fold.testStart,
          );
          expect(fold.trainStart).toBeGreaterThanOrEqual(0);
          if (rest.mode === WalkForwardMode.ROLLING) {
            expect(fold.trainEnd - fold.trainStart, 'rolling windows keep their length').toBe(firstLength);
          } else {
            expect(fold.trainStart).toBe(0);
            if (k > 0) expect(fold.trainEnd, 'expanding windows grow').toBeGreaterThan(folds[k - 1].trainEnd);
          }
          // Plain loops collect violations; one expect per fold keeps 300 runs fast.
          const violations: string[] = [];
          let counted = 0;
          for (let i = 0; i < steps; i++) {
            if (!isTrainIndex(fold, i)) continue;
            counted++;
            if (i >= fold.testStart && i < fold.testEnd) violations.push(`train index ${i} is a test index`);
            if (i + rest.horizonBars >= fold.testStart) violations.push(`label window of ${i} touches the test`);
            for (let j = 0; j < k; j++) {
              const after = i - folds[j].testEnd;
              if (after >= 0 && after < rest.embargoBars) violations.push(`train index ${i} is embargoed by fold ${j}`);
            }
          }
          expect(violations, `fold ${k}`).toEqual([]);
          expect(counted, 'trainBars counts the training rows').toBe(fold.trainBars);
          expect(fold.trainBars, 'every fold trains on something').toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('walkForwardOptions', () => {
  it('takes the schema defaults and uses the horizon as the purge when none is set', () => {
    const config = WalkForwardSchema.parse({});

    const options = walkForwardOptions(config, 6);

    expect(options).toEqual({
      folds: 12,
      mode: 'rolling',
      trainFraction: 0.5,
      horizonBars: 6,
      purgeBars: 6,
      embargoBars: 0,
    });
  });

  it('keeps an explicit purge so the splitter can reject one below the horizon', () => {
    const config = WalkForwardSchema.parse({ purge_bars: 2, embargo_bars: 3, mode: 'expanding', folds: 3 });

    const options = walkForwardOptions(config, 6);

    expect(options).toEqual({
      folds: 3,
      mode: 'expanding',
      trainFraction: 0.5,
      horizonBars: 6,
      purgeBars: 2,
      embargoBars: 3,
    });
    expect(() => splitWalkForward(1000, options)).toThrow(
      expect.objectContaining({ code: 'WALK_FORWARD_PURGE_BELOW_HORIZON' }),
    );
  });
});

describe('splitWalkForward with a large embargo', () => {
  it('rejects a fold whose whole training window is embargoed', () => {
    // 20 bars, train_fraction 0.25: testing starts at 5; 15 folds of one bar, so test window j is [5 + j, 6 + j).
    // No purge: rolling length 5, fold 6 trains on [6, 11). The embargo of 5 after test window 0 is [6, 11).
    const options = { folds: 15, mode: WalkForwardMode.ROLLING, trainFraction: 0.25, horizonBars: 0, embargoBars: 5 };

    const act = () => splitWalkForward(20, options);

    expect(act).toThrow(
      'walk-forward: fold 6 has no training bar left after an embargo of 5 bars; lower embargo_bars or use fewer folds',
    );
  });
});
