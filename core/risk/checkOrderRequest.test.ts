import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import type { OrderRequest } from '../trading/types.js';
import { checkOrderRequest } from './checkOrderRequest.js';
import { RiskCode } from './RiskCode.js';
import { orderWith } from './testFixtures.js';

describe('checkOrderRequest', () => {
  it('accepts a MARKET and a LIMIT order', () => {
    expect(checkOrderRequest(orderWith())).toBeNull();
    expect(checkOrderRequest(orderWith({ type: 'LIMIT', limitPrice: toMicros(50.25) }))).toBeNull();
  });

  it.each([
    [{ quantity: 0 }, 'quantity', 0],
    [{ quantity: -5 }, 'quantity', -5],
    [{ quantity: 1.5 }, 'quantity', 1.5],
    [{ quantity: Number.NaN }, 'quantity', Number.NaN],
    [{ side: 'HOLD' }, 'side', 'HOLD'],
    [{ type: 'STOP' }, 'type', 'STOP'],
    [{ type: 'LIMIT', limitPrice: null }, 'limitPrice', null],
    [{ type: 'LIMIT', limitPrice: 0 }, 'limitPrice', 0],
    [{ type: 'LIMIT', limitPrice: 50.5 }, 'limitPrice', 50.5],
    [{ ticker: '' }, 'ticker', ''],
  ])('rejects %o as RISK_INVALID_ORDER', (overrides, field, value) => {
    const finding = checkOrderRequest(orderWith(overrides as Partial<OrderRequest>));

    expect(finding).toEqual({ outcome: 'REJECT', code: RiskCode.INVALID_ORDER, context: { field, value } });
  });

  it('ignores the limit price of a MARKET order', () => {
    expect(checkOrderRequest(orderWith({ limitPrice: -1 as Micros }))).toBeNull();
  });
});
