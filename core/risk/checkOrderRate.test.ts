import { describe, expect, it } from 'vitest';
import { checkOrderRate } from './checkOrderRate.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, MID_SESSION, view } from './testFixtures.js';

const limits = limitsWith({ max_orders_per_minute: 3 });
const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>) =>
  checkOrderRate(view(order, overrides), contextWith(overrides), limits);
const ts = MID_SESSION;

describe('checkOrderRate', () => {
  it('lets the order through that makes the count equal the limit', () => {
    expect(check({}, { recentOrderTs: [ts - 59_999, ts - 30_000] }), '2 sent + this one = 3').toBeNull();
  });

  it('rejects an entry when the limit was reached in the last 60 s', () => {
    const finding = check({}, { recentOrderTs: [ts - 59_999, ts - 30_000, ts] });

    expect(finding).toEqual({
      outcome: 'REJECT',
      code: RiskCode.ORDER_RATE,
      context: { ordersInLastMinute: 3, maxOrdersPerMinute: 3 },
    });
  });

  it('does not count an order sent exactly 60 s ago', () => {
    expect(check({}, { recentOrderTs: [ts - 60_000, ts - 10_000, ts - 5_000] })).toBeNull();
  });

  it('counts orders stamped after ts: a late signal cannot slip past orders already sent', () => {
    expect(check({}, { recentOrderTs: [ts - 10_000, ts + 1, ts + 30_000] })).toMatchObject({
      outcome: 'REJECT',
      context: { ordersInLastMinute: 3 },
    });
  });

  it('lets an exit through at the limit so a flatten always goes out', () => {
    const busy = { recentOrderTs: [ts - 3, ts - 2, ts - 1], positions: { AAPL: 10 } };

    expect(check({ side: 'SELL', quantity: 10 }, busy)).toBeNull();
    expect(check({ side: 'SELL', quantity: 15 }, busy), 'sell 15 = close 10 + short 5').toMatchObject({
      outcome: 'RESIZE',
      quantity: 10,
    });
  });
});
