import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WalkForwardSchema } from '../../config/experiment.js';
import type { FoldPlan, RowRange } from './contracts.js';
import { planFolds } from './planFolds.js';

const BAR = 300_000;
const BASE = Date.UTC(2024, 0, 2, 14, 30);
const at = (step: number): string => new Date(BASE + step * BAR).toISOString();

/** Row times of a (ts, ticker)-sorted dataset: `counts[s]` rows share step s. */
function rowTimes(counts: readonly number[]): Float64Array {
  const out: number[] = [];
  counts.forEach((count, step) => {
    for (let k = 0; k < count; k++) out.push(BASE + step * BAR);
  });
  return Float64Array.from(out);
}

const walkForward = (value: object) => WalkForwardSchema.parse(value);

function errorOf(act: () => unknown): { code: string; message: string } {
  try {
    act();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('planFolds', () => {
  it('maps purged train, validation and test steps to rows for three complete tickers', () => {
    // 20 steps, train_fraction 0.5: tests [10,15) and [15,20); purge 2, so training windows [0,8) and [5,13).
    // 8 training steps: floor(8 x 0.2) = 1 validates ([7,8) and [12,13)); the 2 steps before are purged.
    const plan = planFolds(
      rowTimes(new Array<number>(20).fill(3)),
      walkForward({ folds: 2, train_fraction: 0.5, mode: 'rolling' }),
      2,
    );

    expect(plan.steps).toBe(20);
    expect(plan.folds).toEqual([
      {
        fold: 0,
        train_rows: [[0, 15]],
        valid_rows: [21, 24],
        test_rows: [30, 45],
        train_from: at(0),
        train_to: at(7),
        test_from: at(10),
        test_to: at(14),
      },
      {
        fold: 1,
        train_rows: [[15, 30]],
        valid_rows: [36, 39],
        test_rows: [45, 60],
        train_from: at(5),
        train_to: at(12),
        test_from: at(15),
        test_to: at(19),
      },
    ]);
  });

  it('counts rows per step when a ticker misses bars', () => {
    // Tickers A and B over 12 steps, B missing at steps 3 and 7: first rows of steps 0..12 are
    // 0 2 4 6 7 9 11 13 14 16 18 20 22. One fold, s0 = 6: test [6,12), training [0,5) (purge 1),
    // validation floor(5 x 0.2) = 1 step [4,5), training [0,3) after purging 1 step.
    const counts = [2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2, 2];

    const plan = planFolds(rowTimes(counts), walkForward({ folds: 1, train_fraction: 0.5, mode: 'expanding' }), 1);

    expect(plan.steps).toBe(12);
    expect(plan.folds.map((f) => [f.train_rows, f.valid_rows, f.test_rows])).toEqual([[[[0, 6]], [7, 9], [11, 22]]]);
  });

  it('lists several training ranges when an embargo cuts the window', () => {
    // 40 steps, one row each, train_fraction 0.25: tests [10,20), [20,30), [30,40); horizon 1, embargo 2.
    // Fold 2 trains on [0,29) minus [20,22) = [0,20) + [22,29) (27 steps): floor(5.4) = 5 steps [24,29) validate,
    // step 23 is purged, leaving [0,20) + [22,23).
    const plan = planFolds(
      rowTimes(new Array<number>(40).fill(1)),
      walkForward({ folds: 3, train_fraction: 0.25, mode: 'expanding', embargo_bars: 2 }),
      1,
    );

    expect(plan.folds.map((f) => [f.train_rows, f.valid_rows, f.test_rows])).toEqual([
      [[[0, 7]], [8, 9], [10, 20]],
      [[[0, 15]], [16, 19], [20, 30]],
      [
        [
          [0, 20],
          [22, 23],
        ],
        [24, 29],
        [30, 40],
      ],
    ]);
  });

  it('refuses too few steps with the numbers', () => {
    // s0 = 5, purge 3: a 2-step training window, 1 validates, and a purge of 3 leaves nothing.
    const error = errorOf(() =>
      planFolds(rowTimes(new Array<number>(10).fill(2)), walkForward({ folds: 2, train_fraction: 0.5 }), 3),
    );

    expect(error.code).toBe('WALK_FORWARD_TOO_FEW_BARS');
    expect(error.message).toBe(
      'walk-forward: fold 0 has 2 training bar times (of 10): a validation window of 1 plus a purge of 3 leaves none ' +
        'to train on; use fewer folds, a larger train_fraction or more data',
    );
  });

  it('refuses unsorted row times', () => {
    const error = errorOf(() => planFolds([2, 1], walkForward({ folds: 1 }), 0));

    expect(error.code).toBe('WALK_FORWARD_INVALID_OPTION');
  });

  it('cuts training rows whose own label reaches validation when their ticker misses bars', () => {
    // Tickers A and B, horizon 1, B missing at steps 3 and 4: rows by step are 0:A0 B1, 1:A2 B3, 2:A4 B5, 3:A6,
    // 4:A7, 5:A8 B9, 6:A10 B11 ... B's label at step 2 (row 5) ends at step 5, inside validation [4,5).
    // One fold, s0 = 6: training steps [0,3) = rows [0,6), validation step 4 = rows [7,8), test rows [10,22).
    const presence = [3, 3, 3, 1, 1, 3, 3, 3, 3, 3, 3, 3];
    const data = dataset(presence, 1);
    const config = walkForward({ folds: 1, train_fraction: 0.5, mode: 'expanding' });

    const bySteps = planFolds(data.times, config, 1).folds[0]!;
    const byLabels = planFolds(data.times, config, 1, data.labelEnds).folds[0]!;

    expect([bySteps.train_rows, bySteps.valid_rows, bySteps.test_rows]).toEqual([[[0, 6]], [7, 8], [10, 22]]);
    expect([byLabels.train_rows, byLabels.valid_rows, byLabels.test_rows]).toEqual([[[0, 5]], [7, 8], [10, 22]]);
  });

  it('cuts validation rows whose own label reaches the test window', () => {
    // B missing at steps 5 and 6: B's label at step 4 (row 9) ends at step 7, inside the test window [6,12).
    const presence = [3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
    const data = dataset(presence, 1);

    const fold = planFolds(data.times, walkForward({ folds: 1, train_fraction: 0.5 }), 1, data.labelEnds).folds[0]!;

    expect([fold.train_rows, fold.valid_rows]).toEqual([[[0, 6]], [8, 9]]);
    expect(fold.train_to, 'the last validation bar').toBe(at(4));
  });

  it('keeps every training and validation label window out of the test window, and the parts disjoint', () => {
    const scenario = fc.record({
      presence: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 30, maxLength: 200 }),
      folds: fc.integer({ min: 1, max: 6 }),
      trainFraction: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      mode: fc.constantFrom('rolling', 'expanding'),
      horizon: fc.integer({ min: 0, max: 6 }),
      extraPurge: fc.integer({ min: 0, max: 3 }),
      embargo: fc.integer({ min: 0, max: 4 }),
      useLabelEnds: fc.boolean(),
    });
    let planned = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const data = dataset(s.presence, s.horizon);
        const config = walkForward({
          folds: s.folds,
          train_fraction: s.trainFraction,
          mode: s.mode,
          purge_bars: s.horizon + s.extraPurge,
          embargo_bars: s.embargo,
        });
        let plan;
        try {
          plan = planFolds(data.times, config, s.horizon, s.useLabelEnds ? data.labelEnds : undefined);
        } catch (error) {
          expect((error as { code: string }).code).toBe('WALK_FORWARD_TOO_FEW_BARS');
          return;
        }
        planned += 1;
        expect(plan.folds).toHaveLength(s.folds);
        for (const fold of plan.folds) {
          checkFold(fold, data.step, s.horizon, data.times.length);
          if (s.useLabelEnds) checkLabelEnds(fold, data);
        }
      }),
      { numRuns: 300 },
    );
    expect(planned, 'most generated scenarios are plannable, so the checks ran').toBeGreaterThan(100);
  });
});

interface Dataset {
  readonly times: Float64Array;
  readonly labelEnds: Float64Array;
  readonly step: (row: number) => number;
}

/**
 * Rows sorted by (ts, ticker) for tickers 0..2, where bit k of `presence[s]` says ticker k has a bar at step s, and
 * each row's label end: the bar time of its ticker's `horizon`-th next bar (NaN past the data).
 */
function dataset(presence: readonly number[], horizon: number): Dataset {
  const rowSteps: number[] = [];
  const rowTickers: number[] = [];
  presence.forEach((mask, s) => {
    for (let k = 0; k < 3; k++) {
      if (mask & (1 << k)) {
        rowSteps.push(s);
        rowTickers.push(k);
      }
    }
  });
  const labelEnds = new Float64Array(rowSteps.length).fill(NaN);
  for (let k = 0; k < 3; k++) {
    const rows = rowTickers.flatMap((ticker, row) => (ticker === k ? [row] : []));
    rows.forEach((row, i) => {
      if (i + horizon < rows.length) labelEnds[row] = BASE + rowSteps[rows[i + horizon]!]! * BAR;
    });
  }
  return {
    times: Float64Array.from(rowSteps, (s) => BASE + s * BAR),
    labelEnds,
    step: (row) => rowSteps[row]!,
  };
}

function checkLabelEnds(fold: FoldPlan, data: Dataset): void {
  const validStart = BASE + data.step(fold.valid_rows[0]) * BAR;
  const testStart = BASE + data.step(fold.test_rows[0]) * BAR;
  for (const row of rowsOf(fold.train_rows)) {
    expect(data.labelEnds[row]! >= validStart, `training row ${row}'s own label ends before validation`).toBe(false);
  }
  for (const row of rowsOf([fold.valid_rows])) {
    expect(data.labelEnds[row]! >= testStart, `validation row ${row}'s own label ends before the test`).toBe(false);
  }
}

function rowsOf(ranges: readonly RowRange[]): number[] {
  return ranges.flatMap(([start, end]) => Array.from({ length: end - start }, (_, k) => start + k));
}

function checkFold(fold: FoldPlan, step: (row: number) => number, horizon: number, rows: number): void {
  const train = rowsOf(fold.train_rows);
  const valid = rowsOf([fold.valid_rows]);
  const test = rowsOf([fold.test_rows]);
  const testStart = step(fold.test_rows[0]);
  const validStart = step(fold.valid_rows[0]);
  expect(train.length, 'a fold trains on at least one row').toBeGreaterThan(0);
  expect(valid.length, 'a fold validates on at least one row').toBeGreaterThan(0);
  expect(new Set([...train, ...valid, ...test]).size, 'train, validation and test rows never overlap').toBe(
    train.length + valid.length + test.length,
  );
  expect(Math.max(...train, ...valid, ...test), 'rows stay inside the data').toBeLessThan(rows);
  for (const row of [...train, ...valid]) {
    expect(step(row) + horizon, `row ${row}'s label window ends before the test window`).toBeLessThan(testStart);
  }
  for (const row of train) {
    expect(step(row) + horizon, `training row ${row}'s label window ends before validation`).toBeLessThan(validStart);
  }
  expect(fold.test_rows[0] === 0 || step(fold.test_rows[0] - 1) < testStart, 'a test window starts a step').toBe(true);
  expect(fold.test_from, 'test_from is the first test bar').toBe(at(testStart));
}
