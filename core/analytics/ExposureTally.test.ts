import { describe, expect, it } from 'vitest';
import { averageExposure, createExposureTally, recordExposure, tallyExposure, timeInMarket } from './ExposureTally.js';
import { turnover } from './turnover.js';

describe('exposure', () => {
  it('averages gross position value over equity and counts bars in the market', () => {
    // Ratios 0/100, 50/100, 100/200, 0/100 = 0, 0.5, 0.5, 0: mean 0.25; 2 of 4 bars hold a position.
    const tally = tallyExposure([0, 50, 100, 0], [100, 100, 200, 100]);

    const values = [averageExposure(tally), timeInMarket(tally)];

    expect(values).toEqual([0.25, 0.5]);
  });

  it('accumulates bar by bar into plain data', () => {
    const tally = createExposureTally();

    recordExposure(tally, 150, 100);
    recordExposure(tally, 0, 100);

    expect(JSON.parse(JSON.stringify(tally))).toEqual({ bars: 2, barsInMarket: 1, grossRatioSum: 1.5 });
  });

  it('is NaN with no bars and rejects non-positive equity', () => {
    const empty = createExposureTally();

    expect([averageExposure(empty), timeInMarket(empty)]).toEqual([Number.NaN, Number.NaN]);
    expect(() => recordExposure(empty, 10, 0)).toThrow(expect.objectContaining({ code: 'ANALYTICS_INVALID_ARGUMENT' }));
    expect(() => tallyExposure([1], [1, 2])).toThrow(expect.objectContaining({ code: 'ANALYTICS_LENGTH_MISMATCH' }));
  });
});

describe('turnover', () => {
  it('divides traded notional by average equity and by sessions', () => {
    // Average equity (100 + 100 + 100) / 3 = 100; 400 / 100 / 2 sessions = 2 (one full round trip a day).
    const daily = turnover(400, [100, 100, 100]);

    expect(daily).toBe(2);
  });

  it('averages equity over every close including the initial one', () => {
    // Average (100 + 200 + 300) / 3 = 200; 600 / 200 / 2 = 1.5.
    const daily = turnover(600, [100, 200, 300]);

    expect(daily).toBe(1.5);
  });

  it('is NaN with no session and rejects negative notional', () => {
    expect(turnover(100, [100])).toBeNaN();
    expect(() => turnover(-1, [100, 100])).toThrow('tradedNotional must be finite and non-negative, was -1');
  });
});
