import { describe, expect, it } from 'vitest';
import { checkMaxPositions } from './checkMaxPositions.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>) =>
  checkMaxPositions(view(order, overrides), contextWith(overrides), limitsWith({ max_positions: 2 }));

describe('checkMaxPositions', () => {
  it('lets the position through that makes the count equal the limit', () => {
    expect(check({}, { positions: { MSFT: 10 } }), 'MSFT + AAPL = 2').toBeNull();
  });

  it('rejects a third position', () => {
    expect(check({}, { positions: { MSFT: 10, IBM: -5 } })).toEqual({
      outcome: 'REJECT',
      code: RiskCode.MAX_POSITIONS,
      context: { openPositions: 2, maxPositions: 2 },
    });
  });

  it('counts a ticker with only a working order as a position', () => {
    expect(check({}, { positions: { MSFT: 10 }, openOrderQuantity: { IBM: 3 } })).toMatchObject({
      outcome: 'REJECT',
    });
  });

  it('does not count a flat ticker or one whose working order closes it', () => {
    const context = { positions: { MSFT: 10, IBM: 0, ORCL: 7 }, openOrderQuantity: { ORCL: -7 } };

    expect(check({}, context), 'only MSFT is held in effect').toBeNull();
  });

  it('lets adding to, reducing and reversing a held position through at the limit', () => {
    const full = { positions: { MSFT: 10, AAPL: 10 } };

    expect(check({ side: 'BUY' }, full)).toBeNull();
    expect(check({ side: 'SELL', quantity: 30 }, full)).toBeNull();
  });

  it('treats a pending entry in the ticker as its position', () => {
    const pending = { positions: { MSFT: 10 }, openOrderQuantity: { AAPL: 50 } };
    expect(check({}, pending), 'adding to it keeps the count at 2').toBeNull();
    const full = { positions: { MSFT: 10, IBM: 1 }, openOrderQuantity: { AAPL: 50 } };
    expect(check({ side: 'SELL', quantity: 50 }, full), 'selling against it reduces, even above the limit').toBeNull();
    expect(check({}, full), 'three positions against two: no adding').toMatchObject({
      outcome: 'REJECT',
      context: { openPositions: 3 },
    });
  });

  describe('above the limit (a broker cancelled or rejected an exit, or the limit was lowered)', () => {
    // AAPL (the order's ticker) long 10, MSFT and IBM held too: three positions against a limit of two.
    const over = { positions: { AAPL: 10, MSFT: 10, IBM: -5 } };

    it('rejects adding to a held position', () => {
      expect(check({ side: 'BUY', quantity: 5 }, over)).toEqual({
        outcome: 'REJECT',
        code: RiskCode.MAX_POSITIONS,
        context: { openPositions: 3, maxPositions: 2 },
      });
    });

    it('lets a reduction through', () => {
      expect(check({ side: 'SELL', quantity: 10 }, over)).toBeNull();
      expect(check({ side: 'SELL', quantity: 4 }, over)).toBeNull();
    });

    it('resizes a reversal to the part that closes the position', () => {
      expect(check({ side: 'SELL', quantity: 25 }, over)).toEqual({
        outcome: 'RESIZE',
        quantity: 10,
        code: RiskCode.MAX_POSITIONS,
        context: { openPositions: 3, maxPositions: 2, reducingQuantity: 10 },
      });
    });

    it('counts a working exit as done: with it, the same account is within the limit', () => {
      expect(check({ side: 'BUY', quantity: 5 }, { ...over, openOrderQuantity: { IBM: 5 } })).toBeNull();
    });
  });
});
