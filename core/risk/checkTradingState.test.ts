import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { checkTradingState } from './checkTradingState.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>) =>
  checkTradingState(view(order, overrides), contextWith(overrides), limitsWith());

describe('checkTradingState', () => {
  it('has nothing to say while ACTIVE with no limit breached', () => {
    expect(check({ quantity: 100 }, {})).toBeNull();
  });

  it('rejects an entry while REDUCING', () => {
    const finding = check({}, { tradingState: 'REDUCING' });

    expect(finding).toEqual({
      outcome: 'REJECT',
      code: RiskCode.TRADING_REDUCING,
      context: {
        tradingState: 'REDUCING',
        equity: 100_000,
        dayStartEquity: 100_000,
        weekStartEquity: 100_000,
        peakEquity: 100_000,
      },
    });
  });

  it('rejects an entry while HALTED', () => {
    expect(check({}, { tradingState: 'HALTED' })).toMatchObject({ outcome: 'REJECT', code: RiskCode.TRADING_HALTED });
  });

  it('applies a loss limit breached since the engine last evaluated the state', () => {
    const finding = check({}, { tradingState: 'ACTIVE', equity: toMicros(97_500) });

    expect(finding, 'down 2.5% on the day with the state still ACTIVE').toMatchObject({
      outcome: 'REJECT',
      code: RiskCode.DAILY_LOSS_LIMIT,
    });
  });

  it('keeps the engine state when it is stricter than the evaluated one', () => {
    const finding = check({}, { tradingState: 'HALTED', equity: toMicros(97_500) });

    expect(finding, 'HALTED beats the REDUCING a daily loss calls for').toMatchObject({
      code: RiskCode.TRADING_HALTED,
      context: { tradingState: 'HALTED' },
    });
  });

  it('lets exits through and resizes a crossing order to its closing part while HALTED', () => {
    const halted = { tradingState: 'HALTED' as const, positions: { AAPL: -30 } };

    expect(check({ side: 'BUY', quantity: 30 }, halted), 'cover the 30 short').toBeNull();
    expect(check({ side: 'BUY', quantity: 80 }, halted), 'buy 80 = cover 30 + new long 50').toMatchObject({
      outcome: 'RESIZE',
      quantity: 30,
    });
  });

  it('reports the equity as null when it is not a number', () => {
    const finding = check({}, { equity: Number.NaN as never });

    expect(finding).toMatchObject({
      code: RiskCode.INVALID_CONTEXT,
      context: { tradingState: 'HALTED', equity: null },
    });
  });
});
