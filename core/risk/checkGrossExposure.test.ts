import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { checkGrossExposure } from './checkGrossExposure.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

// Limit $100,000 x 1.0 = $100,000. Others: MSFT 1,000 x $60 = $60,000 long, IBM 500 x $40 = $20,000 short,
// gross $80,000; $20,000 left for AAPL at $50 = 400 shares.
const book = {
  positions: { MSFT: 1_000, IBM: -500 },
  marks: { MSFT: toMicros(60), IBM: toMicros(40), ORCL: toMicros(20) },
};
const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext> = {}) => {
  const context = { ...book, ...overrides };
  return checkGrossExposure(view(order, context), contextWith(context), limitsWith({ max_gross_exposure_pct: 1 }));
};

describe('checkGrossExposure', () => {
  it('lets an order through that fills the gross limit exactly', () => {
    expect(check({ quantity: 400 }), '80,000 + 400 x 50 = 100,000').toBeNull();
    expect(check({ side: 'SELL', quantity: 400 }), 'a short counts the same').toBeNull();
  });

  it('resizes one share over down to the limit', () => {
    expect(check({ quantity: 401 })).toEqual({
      outcome: 'RESIZE',
      quantity: 400,
      code: RiskCode.MAX_GROSS_EXPOSURE,
      context: {
        otherGross: 80_000,
        maxGross: 100_000,
        effectivePosition: 0,
        maxShares: 400,
        price: 50,
        quantityChecked: 401,
      },
    });
  });

  it('counts working orders in other tickers as filled', () => {
    const finding = check({ quantity: 400 }, { openOrderQuantity: { ORCL: 100 } });

    expect(finding, 'ORCL 100 x $20 = $2,000 more: 18,000 / 50 = 360').toMatchObject({ quantity: 360 });
  });

  it('lets a short be covered and reversed up to the limit', () => {
    const short = { positions: { ...book.positions, AAPL: -100 } };

    expect(check({ quantity: 500 }, short), '-100 -> +400: |400| x 50 + 80,000 = 100,000').toBeNull();
    expect(check({ quantity: 501 }, short)).toMatchObject({ outcome: 'RESIZE', quantity: 500 });
  });

  it('rejects an entry and trims a crossing order to its closing part when already over the limit', () => {
    const over = { positions: { MSFT: 1_000, IBM: -1_250 } };

    expect(check({ quantity: 1 }, over), '60,000 + 50,000 = 110,000 > 100,000').toMatchObject({ outcome: 'REJECT' });
    expect(
      check({ quantity: 150 }, { positions: { ...over.positions, AAPL: -100 } }),
      'cover 100 of AAPL, the 50 beyond zero does not fit',
    ).toMatchObject({ outcome: 'RESIZE', quantity: 100 });
  });
});
