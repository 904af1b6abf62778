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
    expect(check({}, { positions: { MSFT: 10, IBM: 1 }, openOrderQuantity: { AAPL: 50 } })).toBeNull();
  });
});
