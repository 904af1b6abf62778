import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import { checkPriceDeviation } from './checkPriceDeviation.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

const at100 = { lastPrice: toMicros(100) };
const check = (limitPrice: Micros | null, overrides: Partial<RiskContext> = at100, side: 'BUY' | 'SELL' = 'BUY') =>
  checkPriceDeviation(
    view({ type: limitPrice === null ? 'MARKET' : 'LIMIT', limitPrice, side }, overrides),
    contextWith(overrides),
    limitsWith({ max_price_deviation_pct: 0.05 }),
  );

describe('checkPriceDeviation', () => {
  it('lets limit prices through up to 5% either side of the last price', () => {
    expect(check(toMicros(105)), '|105 - 100| = 5 = 0.05 x 100').toBeNull();
    expect(check(toMicros(95)), '|95 - 100| = 5').toBeNull();
  });

  it('rejects a limit price one micro-dollar beyond 5%', () => {
    const finding = check(toMicros(105.000001));

    expect(finding).toEqual({
      outcome: 'REJECT',
      code: RiskCode.PRICE_DEVIATION,
      context: { limitPrice: 105.000001, lastPrice: 100, deviationPct: 0.05000001, maxDeviationPct: 0.05 },
    });
    expect(check(toMicros(94.999999))).toMatchObject({ outcome: 'REJECT' });
  });

  it('rejects a price typed in cents for an exit too', () => {
    const long = { ...at100, positions: { AAPL: 100 } };

    expect(check(toMicros(10_000), long, 'SELL'), '$10,000 instead of $100.00').toMatchObject({ outcome: 'REJECT' });
  });

  it('has nothing to say about MARKET orders or without a last price', () => {
    expect(check(null)).toBeNull();
    expect(check(toMicros(1_000), { lastPrice: null })).toBeNull();
  });
});
