import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { checkMaxPosition } from './checkMaxPosition.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

// $100,000 x 0.05 = $5,000 per ticker; at $50 that is 5,000 / 50 = 100 shares.
const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext> = {}) =>
  checkMaxPosition(view(order, overrides), contextWith(overrides), limitsWith({ max_position_pct: 0.05 }));

describe('checkMaxPosition', () => {
  it('lets a position of exactly max_position_pct of equity through', () => {
    expect(check({ quantity: 100 }), '100 x $50 = $5,000').toBeNull();
  });

  it('resizes one share over down to the limit', () => {
    expect(check({ quantity: 101 })).toEqual({
      outcome: 'RESIZE',
      quantity: 100,
      code: RiskCode.MAX_POSITION,
      context: { effectivePosition: 0, maxShares: 100, price: 50, maxPositionValue: 5_000, quantityChecked: 101 },
    });
  });

  it('counts working orders as filled and rejects when nothing fits', () => {
    const finding = check({ quantity: 1 }, { positions: { AAPL: 60 }, openOrderQuantity: { AAPL: 40 } });

    expect(finding, '60 held + 40 working = 100 already').toMatchObject({
      outcome: 'REJECT',
      code: RiskCode.MAX_POSITION,
    });
  });

  it('applies to shorts the same way', () => {
    expect(check({ side: 'SELL', quantity: 100 }), 'short 100 = $5,000').toBeNull();
    expect(check({ side: 'SELL', quantity: 120 })).toMatchObject({ outcome: 'RESIZE', quantity: 100 });
  });

  it('lets a reversal through up to the limit on the other side', () => {
    const short = { positions: { AAPL: -100 } };

    expect(check({ quantity: 200 }, short), 'short 100 -> long 100').toBeNull();
    expect(check({ quantity: 201 }, short), 'short 100 -> long 101').toMatchObject({
      outcome: 'RESIZE',
      quantity: 200,
    });
  });

  it('lets an oversized position be reduced, and a reversal reach the limit on the other side', () => {
    const oversized = { positions: { AAPL: 150 } };

    expect(check({ side: 'SELL', quantity: 50 }, oversized), '150 -> 100').toBeNull();
    expect(check({ side: 'SELL', quantity: 10 }, oversized), '150 -> 140, still over but smaller').toBeNull();
    expect(check({ side: 'SELL', quantity: 300 }, oversized), '150 -> -150 resized to 150 -> -100').toMatchObject({
      outcome: 'RESIZE',
      quantity: 250,
    });
  });

  it('rounds the share count down at an awkward price', () => {
    expect(check({ quantity: 100 }, { lastPrice: toMicros(50.01) }), '5,000 / 50.01 = 99.98 -> 99').toMatchObject({
      quantity: 99,
    });
  });

  it('rejects any entry when equity is zero or negative', () => {
    expect(check({ quantity: 1 }, { equity: toMicros(-1_000) })).toMatchObject({ outcome: 'REJECT' });
  });
});
