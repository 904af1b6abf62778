import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { checkNetExposure } from './checkNetExposure.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

// Limit $100,000 x 0.5 = $50,000. Others: MSFT +1,000 x $60 = +60,000, IBM -500 x $40 = -20,000: net +$40,000.
const book = { positions: { MSFT: 1_000, IBM: -500 }, marks: { MSFT: toMicros(60), IBM: toMicros(40) } };
const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext> = {}) => {
  const context = { ...book, ...overrides };
  return checkNetExposure(view(order, context), contextWith(context), limitsWith({ max_net_exposure_pct: 0.5 }));
};

describe('checkNetExposure', () => {
  it('lets a buy through that takes net exposure exactly to the limit', () => {
    expect(check({ quantity: 200 }), '40,000 + 200 x 50 = 50,000').toBeNull();
  });

  it('resizes a buy one share over down to the limit', () => {
    expect(check({ quantity: 201 })).toEqual({
      outcome: 'RESIZE',
      quantity: 200,
      code: RiskCode.MAX_NET_EXPOSURE,
      context: {
        otherNet: 40_000,
        maxNet: 50_000,
        effectivePosition: 0,
        maxShares: 200,
        price: 50,
        quantityChecked: 201,
      },
    });
  });

  it('lets a sell go to the limit on the short side', () => {
    expect(check({ side: 'SELL', quantity: 1_800 }), '40,000 - 1,800 x 50 = -50,000').toBeNull();
    expect(check({ side: 'SELL', quantity: 1_801 })).toMatchObject({ outcome: 'RESIZE', quantity: 1_800 });
  });

  it('lets a buy through that brings a net short back toward the range', () => {
    const netShort = { positions: { MSFT: -1_000, IBM: -500 } };

    expect(check({ quantity: 100 }, netShort), '-80,000 + 5,000 = -75,000: still over, but better').toBeNull();
    expect(check({ quantity: 2_600 }, netShort), '-80,000 + 2,600 x 50 = +50,000').toBeNull();
    expect(check({ quantity: 2_601 }, netShort)).toMatchObject({ quantity: 2_600 });
  });

  it('lets a reducing order through even when it raises net exposure past the limit', () => {
    const hedged = { positions: { MSFT: 1_000, AAPL: -1_000 } };

    expect(
      check({ quantity: 1_000 }, hedged),
      'cover AAPL: net 60,000 - 50,000 = 10,000 becomes 60,000 > 50,000',
    ).toBeNull();
  });

  it('rejects a sell that deepens a net short beyond the limit, but keeps the closing part', () => {
    const netShort = { positions: { MSFT: -1_000, IBM: -500 } };

    expect(check({ side: 'SELL', quantity: 1 }, netShort), 'net -80,000').toMatchObject({ outcome: 'REJECT' });
    expect(
      check({ side: 'SELL', quantity: 300 }, { positions: { ...netShort.positions, AAPL: 100 } }),
      'sell 300 from long 100: only the closing 100 passes',
    ).toMatchObject({ outcome: 'RESIZE', quantity: 100 });
  });
});
