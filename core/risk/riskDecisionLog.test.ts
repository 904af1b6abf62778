import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { checkOrder } from './checkOrder.js';
import { renderRiskMessage } from './renderRiskMessage.js';
import { riskDecisionLog } from './riskDecisionLog.js';
import { contextWith, limitsWith, MID_SESSION, orderWith } from './testFixtures.js';

describe('riskDecisionLog', () => {
  it('logs an approval at info with the order identity', () => {
    const order = orderWith({ quantity: 20 });

    const record = riskDecisionLog(checkOrder(order, contextWith(), limitsWith()), order, MID_SESSION);

    expect(record).toEqual({
      type: 'LogRecord',
      ts: MID_SESSION,
      level: 'info',
      code: 'RISK_APPROVED',
      message:
        'RISK_APPROVED: outcome=APPROVE, clientOrderId=momentum-1, strategy=momentum, ticker=AAPL, side=BUY, ' +
        'type=MARKET, purpose=ENTRY, limitPrice=null, requestedQuantity=20, quantity=20',
      context: {
        outcome: 'APPROVE',
        clientOrderId: 'momentum-1',
        strategy: 'momentum',
        ticker: 'AAPL',
        side: 'BUY',
        type: 'MARKET',
        purpose: 'ENTRY',
        limitPrice: null,
        requestedQuantity: 20,
        quantity: 20,
      },
    });
  });

  it('logs a resize at warn with the deciding check details after the order', () => {
    const order = orderWith({ quantity: 101, type: 'LIMIT', limitPrice: toMicros(50.5) });

    const record = riskDecisionLog(checkOrder(order, contextWith(), limitsWith()), order, MID_SESSION + 1);

    expect(record.level).toBe('warn');
    expect(record.code).toBe('RISK_MAX_POSITION');
    expect(record.message).toBe(
      'RISK_MAX_POSITION: outcome=RESIZE, clientOrderId=momentum-1, strategy=momentum, ticker=AAPL, side=BUY, ' +
        'type=LIMIT, purpose=ENTRY, limitPrice=50.5, requestedQuantity=101, quantity=100, effectivePosition=0, ' +
        'maxShares=100, price=50, maxPositionValue=5000, quantityChecked=101',
    );
  });

  it('logs a rejection at warn with quantity 0', () => {
    const order = orderWith();

    const record = riskDecisionLog(checkOrder(order, contextWith({ killSwitch: true }), limitsWith()), order, 1);

    expect(record).toMatchObject({
      level: 'warn',
      code: 'RISK_KILL_SWITCH',
      context: { quantity: 0, source: 'operator' },
    });
  });

  it('lets a detail that repeats an order field overwrite it in place, in the context and the message alike', () => {
    // The size check reports the quantity it judged under the key `quantity`, which replaces the decided 0.
    const order = orderWith({ quantity: 500 });

    const record = riskDecisionLog(
      checkOrder(order, contextWith({ typicalQuantity: 10 }), limitsWith({ max_order_size_multiple: 10 })),
      order,
      1,
    );

    expect(record.code).toBe('RISK_ORDER_SIZE');
    expect(Object.keys(record.context).slice(8)).toEqual([
      'requestedQuantity',
      'quantity',
      'typicalQuantity',
      'maxMultiple',
    ]);
    expect(record.message).toBe(
      'RISK_ORDER_SIZE: outcome=REJECT, clientOrderId=momentum-1, strategy=momentum, ticker=AAPL, side=BUY, ' +
        'type=MARKET, purpose=ENTRY, limitPrice=null, requestedQuantity=500, quantity=500, typicalQuantity=10, ' +
        'maxMultiple=10',
    );
    expect(record.message).toBe(renderRiskMessage(record.code, record.context));
  });

  it('quotes text that needs it in the order fields as the generic rendering does', () => {
    const order = orderWith({ quantity: 20, strategy: 'mean reversion' as never, ticker: 'BRK,B' });

    const record = riskDecisionLog(checkOrder(order, contextWith(), limitsWith()), order, 1);

    expect(record.message).toContain('strategy="mean reversion", ticker="BRK,B"');
    expect(record.message).toBe(renderRiskMessage(record.code, record.context));
  });
});
