import { describe, expect, it } from 'vitest';
import { maxDrawdown } from '../../core/analytics/index.js';
import { chartData } from './chartData.js';
import { drawdownSeries } from './drawdownSeries.js';

describe('drawdownSeries', () => {
  it('measures each point against the running peak (hand-computed)', () => {
    // peaks: 100, 110, 110, 121, 121, 121; 99/110 - 1 = -0.1, 108.9/121 - 1 = -0.1, 96.8/121 - 1 = -0.2
    const equity = [100, 110, 99, 121, 108.9, 96.8];

    const drawdown = drawdownSeries(equity);

    const expected = [0, 0, -0.1, 0, -0.1, -0.2];
    drawdown.forEach((value, i) => expect(value, `point ${i}`).toBeCloseTo(expected[i], 12));
  });

  it('bottoms out at minus the maximum drawdown depth of core/analytics', () => {
    const equity = [50, 52, 49, 47.5, 51, 53, 40, 45, 60, 58];

    const deepest = Math.min(...drawdownSeries(equity));

    expect(deepest).toBeCloseTo(-maxDrawdown(equity).depth, 12);
  });

  it('rejects a non-positive or non-finite equity value with its index', () => {
    expect(() => drawdownSeries([100, 0])).toThrow('equity[1] must be a finite positive number of dollars, was 0');
    expect(() => drawdownSeries([Number.NaN])).toThrow(expect.objectContaining({ code: 'REPORT_DATA_INVALID' }));
  });
});

describe('chartData', () => {
  it('puts each session day at 00:00 UTC in epoch seconds beside equity and drawdown', () => {
    const data = chartData([
      { day: '2024-01-02', equity: 100 },
      { day: '2024-01-03', equity: 90 },
    ]);

    expect(data.x).toEqual([1704153600, 1704240000]);
    expect(data.drawdown[1]).toBeCloseTo(-0.1, 12);
  });

  it('rejects a day that is not a calendar day, and days out of order', () => {
    expect(() => chartData([{ day: '2024-02-30', equity: 1 }])).toThrow(
      'backtest equity[0].day must be a calendar day YYYY-MM-DD, was "2024-02-30"',
    );
    expect(() =>
      chartData([
        { day: '2024-01-03', equity: 1 },
        { day: '2024-01-02', equity: 1 },
      ]),
    ).toThrow('backtest equity days must increase, equity[1].day "2024-01-02" follows "2024-01-03"');
  });
});
