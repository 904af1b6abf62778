import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import { checkValuation } from './checkValuation.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>) =>
  checkValuation(view(order, overrides), contextWith(overrides));

describe('checkValuation', () => {
  it('has nothing to say when every held ticker has a price', () => {
    expect(check({}, { positions: { MSFT: 10 }, marks: { MSFT: toMicros(400) } })).toBeNull();
  });

  it('rejects new risk without a last price for the ticker', () => {
    expect(check({}, { lastPrice: null })).toEqual({
      outcome: 'REJECT',
      code: RiskCode.NO_PRICE,
      context: { priceOf: 'last', ticker: 'AAPL' },
    });
  });

  it('rejects new risk when another held or worked ticker has no mark', () => {
    expect(check({}, { positions: { MSFT: 10 } })).toMatchObject({ context: { priceOf: 'mark', ticker: 'MSFT' } });
    expect(check({}, { openOrderQuantity: { IBM: -5 } })).toMatchObject({ context: { ticker: 'IBM' } });
    expect(check({}, { positions: { MSFT: 0 } }), 'a flat ticker needs no mark').toBeNull();
  });

  it('rejects new risk when equity or a position is not a number', () => {
    expect(check({}, { equity: Number.NaN as Micros })).toMatchObject({
      code: RiskCode.INVALID_CONTEXT,
      context: { field: 'equity' },
    });
    expect(check({}, { positions: { MSFT: Number.NaN } })).toMatchObject({
      code: RiskCode.INVALID_CONTEXT,
      context: { field: 'position', ticker: 'MSFT' },
    });
  });

  it('lets an exit through without prices and trims a crossing order', () => {
    const unpriced = { lastPrice: null, positions: { AAPL: 40 } };

    expect(check({ side: 'SELL', quantity: 40 }, unpriced)).toBeNull();
    expect(check({ side: 'SELL', quantity: 41 }, unpriced)).toMatchObject({ outcome: 'RESIZE', quantity: 40 });
  });
});
