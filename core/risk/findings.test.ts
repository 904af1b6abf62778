import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capAt, floorDiv, reduceOnly } from './findings.js';
import { RiskCode } from './RiskCode.js';
import { view } from './testFixtures.js';

describe('floorDiv', () => {
  it('rounds toward minus infinity', () => {
    expect([floorDiv(7, 2), floorDiv(-7, 2), floorDiv(6, 3), floorDiv(-6, 3), floorDiv(0, 5)]).toEqual([
      3, -4, 2, -2, 0,
    ]);
  });

  it('equals exact integer floor division for numerators up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        (numerator, denominator) => {
          const n = BigInt(numerator);
          const d = BigInt(denominator);
          const exact = n >= 0n || n % d === 0n ? n / d : n / d - 1n;

          expect(floorDiv(numerator, denominator)).toBe(Number(exact));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('reduceOnly', () => {
  it('passes a reducing order, trims a crossing one, rejects new risk', () => {
    const long = { positions: { AAPL: 10 } };

    expect(reduceOnly(view({ side: 'SELL', quantity: 10 }, long), RiskCode.KILL_SWITCH, {})).toBeNull();
    expect(reduceOnly(view({ side: 'SELL', quantity: 11 }, long), RiskCode.KILL_SWITCH, {})).toMatchObject({
      outcome: 'RESIZE',
      quantity: 10,
    });
    expect(reduceOnly(view({ side: 'BUY', quantity: 1 }, long), RiskCode.KILL_SWITCH, {})).toMatchObject({
      outcome: 'REJECT',
    });
  });
});

describe('capAt', () => {
  it('never caps below the reducing part', () => {
    const finding = capAt(
      view({ side: 'SELL', quantity: 30 }, { positions: { AAPL: 20 } }),
      -5,
      RiskCode.MAX_POSITION,
      {},
    );

    expect(finding, 'allowed -5, but the 20 that close the long always pass').toMatchObject({ quantity: 20 });
  });
});
