import { describe, expect, it } from 'vitest';
import type { TripleBarrierParams } from '../../config/targets.js';
import { BarrierLabel } from './labelClasses.js';
import { sessionSegments } from './sessionSegments.js';
import { barsAt, pathBatch } from './testBars.js';
import { tripleBarrier } from './tripleBarrier.js';

// Entry 100 with profit_take 0.25 and stop_loss 0.125: take at 100*1.25 = 125, stop at 100*0.875 = 87.5,
// both exact in binary so a bar can touch a level exactly.
const params: TripleBarrierParams = { bars_ahead: 3, profit_take: 0.25, stop_loss: 0.125, entry: 'close' };

/** Label of bar 0 (close 100) followed by bars given as [high, low], closes at the midpoint. */
function labelOf(path: readonly (readonly [number, number])[], p: TripleBarrierParams = params): number {
  const closes = [100, ...path.map(([high, low]) => (high + low) / 2)];
  const batch = pathBatch(closes, {
    high: [100, ...path.map(([high]) => high)],
    low: [100, ...path.map(([, low]) => low)],
  });
  return tripleBarrier(batch, p, null)[0]!;
}

describe('tripleBarrier', () => {
  it('gives take when the high reaches 125 before any low reaches 87.5', () => {
    expect(
      labelOf([
        [110, 95],
        [126, 100],
        [110, 80],
      ]),
      'bar 2 high 126 >= 125; the stop in bar 3 comes later',
    ).toBe(BarrierLabel.take);
  });

  it('gives stop when the low reaches 87.5 first', () => {
    expect(
      labelOf([
        [105, 87],
        [130, 100],
        [110, 95],
      ]),
      'bar 1 low 87 <= 87.5; the take in bar 2 comes later',
    ).toBe(BarrierLabel.stop);
  });

  it('counts a bar touching both barriers as the stop', () => {
    expect(
      labelOf([
        [110, 95],
        [130, 80],
        [110, 95],
      ]),
      'bar 2 spans 80..130, both levels: pessimistic stop',
    ).toBe(BarrierLabel.stop);
  });

  it('gives the time limit when neither barrier is hit by bar t+3', () => {
    expect(
      labelOf([
        [124, 88],
        [124.99, 87.51],
        [120, 90],
        [200, 50],
      ]),
      'bar 4 is past the horizon',
    ).toBe(BarrierLabel.timeLimit);
  });

  it('counts a touch exactly at the level as a hit', () => {
    expect(
      labelOf([
        [110, 95],
        [125, 100],
        [110, 95],
      ]),
      'high 125 = 100*(1+0.25)',
    ).toBe(BarrierLabel.take);
    expect(
      labelOf([
        [110, 95],
        [110, 87.5],
        [110, 95],
      ]),
      'low 87.5 = 100*(1-0.125)',
    ).toBe(BarrierLabel.stop);
  });

  it('applies the 0.5% / 0.3% barriers of triple_barrier_5', () => {
    const p: TripleBarrierParams = { bars_ahead: 5, profit_take: 0.005, stop_loss: 0.003, entry: 'close' };
    const flat: [number, number] = [100.1, 99.9];

    expect(labelOf([flat, flat, [100.51, 99.8], flat, flat], p), '100.51 >= 100*1.005 = 100.5').toBe(BarrierLabel.take);
    expect(labelOf([flat, [100.2, 99.69], flat, flat, flat], p), '99.69 <= 100*0.997 = 99.7').toBe(BarrierLabel.stop);
    expect(labelOf([flat, flat, flat, flat, flat], p), 'stays within 99.7..100.5').toBe(BarrierLabel.timeLimit);
  });

  it('sets the barriers around open[t+1] with entry next_open', () => {
    // Entry = open[1] = 80: take at 80*1.25 = 100, stop at 80*0.875 = 70.
    const batch = pathBatch([100, 90, 95], { open: [100, 80, 90], high: [100, 99, 100], low: [100, 75, 90] });

    const out = tripleBarrier(batch, { ...params, bars_ahead: 2, entry: 'next_open' }, null);

    expect(out[0], 'bar 2 high 100 reaches the take of 100 measured from open 80').toBe(BarrierLabel.take);
  });

  it('leaves the last bars NaN because the window does not fit in the data', () => {
    const batch = pathBatch([100, 130, 100, 100], { high: [100, 130, 100, 100] });

    const out = tripleBarrier(batch, params, null);

    expect(out[0], 'bar 1 high 130 >= 125').toBe(BarrierLabel.take);
    expect(Array.from(out.subarray(1)), 'bars 1..3 lack bars up to t+3, even when a barrier would be hit').toEqual([
      NaN,
      NaN,
      NaN,
    ]);
  });

  it('gives NaN when the horizon crosses the close, even if a barrier is hit before it', () => {
    const batch = barsAt([
      ['2025-06-02 15:50', 100, 100, 100, 100],
      ['2025-06-02 15:55', 100, 130, 99, 120],
      ['2025-06-03 09:30', 120, 121, 119, 120],
    ]);
    const p: TripleBarrierParams = { ...params, bars_ahead: 2 };

    const inSession = tripleBarrier(batch, p, sessionSegments(batch.ts));
    const crossing = tripleBarrier(batch, p, null);

    expect(inSession[0], 'the window 15:55..next 09:30 leaves the session: NaN although 15:55 hits 125').toBeNaN();
    expect(crossing[0], 'cross_session: the 15:55 high 130 >= 125').toBe(BarrierLabel.take);
  });

  it('gives NaN when a price on the path is NaN', () => {
    expect(
      labelOf([
        [110, 95],
        [NaN, NaN],
        [130, 95],
      ]),
    ).toBeNaN();
  });
});
