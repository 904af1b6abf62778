import { describe, expect, it } from 'vitest';
import { checkOrderSize } from './checkOrderSize.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext> = {}) => {
  const context = { typicalQuantity: 100, ...overrides };
  return checkOrderSize(view(order, context), contextWith(context), limitsWith({ max_order_size_multiple: 10 }));
};

describe('checkOrderSize', () => {
  it('lets through an entry of exactly 10 x the typical quantity', () => {
    expect(check({ quantity: 1_000 }), '10 x 100').toBeNull();
  });

  it('rejects an entry one share over', () => {
    expect(check({ quantity: 1_001 })).toEqual({
      outcome: 'REJECT',
      code: RiskCode.ORDER_SIZE,
      context: { quantity: 1_001, typicalQuantity: 100, maxMultiple: 10 },
    });
  });

  it('lets any exit through', () => {
    expect(check({ side: 'SELL', quantity: 5_000 }, { positions: { AAPL: 5_000 } }), 'close 5,000').toBeNull();
  });

  it('rejects the whole of a crossing order that is too large', () => {
    const finding = check({ side: 'SELL', quantity: 1_200 }, { positions: { AAPL: 100 } });

    expect(finding, 'sell 1,200 from long 100: not trimmed to the closing 100').toMatchObject({ outcome: 'REJECT' });
  });

  it('has nothing to say when the typical quantity is unknown', () => {
    expect(check({ quantity: 1_000_000 }, { typicalQuantity: null })).toBeNull();
    expect(check({ quantity: 1_000_000 }, { typicalQuantity: 0 })).toBeNull();
  });
});
