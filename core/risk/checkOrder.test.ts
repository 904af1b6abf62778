import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import type { OrderRequest } from '../trading/types.js';
import { checkEntryWindow } from './checkEntryWindow.js';
import { checkGrossExposure } from './checkGrossExposure.js';
import { checkKillSwitch } from './checkKillSwitch.js';
import { checkMaxPosition } from './checkMaxPosition.js';
import { checkMaxPositions } from './checkMaxPositions.js';
import { checkNetExposure } from './checkNetExposure.js';
import { checkOrder, RISK_CHECKS } from './checkOrder.js';
import { checkOrderRate } from './checkOrderRate.js';
import { checkOrderSize } from './checkOrderSize.js';
import { checkPriceDeviation } from './checkPriceDeviation.js';
import { checkSessionHours } from './checkSessionHours.js';
import { checkTradingState } from './checkTradingState.js';
import { checkValuation } from './checkValuation.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskLimits } from './RiskLimits.js';
import { contextWith, limitsWith, MID_SESSION, orderWith, SESSION } from './testFixtures.js';

const decide = (order: Partial<OrderRequest>, context: Partial<RiskContext> = {}, limits: Partial<RiskLimits> = {}) =>
  checkOrder(orderWith(order), contextWith(context), limitsWith(limits));

/** Everything closed to new risk at once: kill switch, HALTED, no session, rate spent, no prices, NaN equity. */
const hostile: Partial<RiskContext> = {
  killSwitch: true,
  tradingState: 'HALTED',
  session: null,
  recentOrderTs: Array.from({ length: 100 }, () => MID_SESSION),
  lastPrice: null,
  equity: Number.NaN as Micros,
  typicalQuantity: 1,
};

describe('checkOrder', () => {
  it('runs the checks in the documented order', () => {
    expect(RISK_CHECKS).toEqual([
      checkKillSwitch,
      checkTradingState,
      checkSessionHours,
      checkEntryWindow,
      checkOrderRate,
      checkPriceDeviation,
      checkOrderSize,
      checkValuation,
      checkMaxPositions,
      checkMaxPosition,
      checkGrossExposure,
      checkNetExposure,
    ]);
  });

  it('approves an order within every limit at its full quantity', () => {
    expect(decide({ quantity: 100 })).toEqual({
      outcome: 'APPROVE',
      quantity: 100,
      code: RiskCode.APPROVED,
      context: {},
    });
  });

  it('reports a malformed order before anything else', () => {
    expect(decide({ quantity: 0 }, hostile)).toMatchObject({
      outcome: 'REJECT',
      quantity: 0,
      code: RiskCode.INVALID_ORDER,
    });
  });

  it('lets the first rejecting check give the code', () => {
    expect(decide({}, hostile).code, 'kill switch first').toBe(RiskCode.KILL_SWITCH);
    expect(decide({}, { ...hostile, killSwitch: false, equity: toMicros(100_000) }).code, 'then the state').toBe(
      RiskCode.TRADING_HALTED,
    );
    expect(decide({}, { ...hostile, killSwitch: false }).code, 'NaN equity halts').toBe(RiskCode.INVALID_CONTEXT);
    expect(decide({}, { session: null, recentOrderTs: hostile.recentOrderTs }).code, 'session before rate').toBe(
      RiskCode.OUTSIDE_SESSION,
    );
    expect(decide({ quantity: 5_000 }, { typicalQuantity: 10 }).code, 'fat finger before position').toBe(
      RiskCode.ORDER_SIZE,
    );
  });

  it('chains resizes: each check sees the quantity the previous one left', () => {
    // Position: 5,000 / 50 = 100 shares. Gross: 100,000 - 96,000 (MSFT 1,600 x $60) = 4,000 = 80 shares.
    const context = { positions: { MSFT: 1_600 }, marks: { MSFT: toMicros(60) } };

    const decision = decide({ quantity: 150 }, context, { max_net_exposure_pct: 2 });

    expect(decision).toEqual({
      outcome: 'RESIZE',
      quantity: 80,
      code: RiskCode.MAX_GROSS_EXPOSURE,
      context: {
        otherGross: 96_000,
        maxGross: 100_000,
        effectivePosition: 0,
        maxShares: 80,
        price: 50,
        quantityChecked: 100,
        requestedQuantity: 150,
      },
    });
  });

  it('rejects after a resize when a later check leaves nothing', () => {
    // Position resizes 150 to 100; net: MSFT +50,000 already at the 0.5 x 100,000 limit, so no buy fits.
    const context = { positions: { MSFT: 1_000 }, marks: { MSFT: toMicros(50) } };

    expect(decide({ quantity: 150 }, context)).toEqual({
      outcome: 'REJECT',
      quantity: 0,
      code: RiskCode.MAX_NET_EXPOSURE,
      context: expect.objectContaining({ quantityChecked: 100, maxShares: 0 }),
    });
  });

  it('lets a crossing order keep its closing part and skips the later checks for it', () => {
    const decision = decide(
      { side: 'SELL', quantity: 300 },
      { killSwitch: true, positions: { AAPL: 120 }, typicalQuantity: 1 },
    );

    expect(decision, 'trimmed to 120 by the kill switch; the 120 close is not a fat finger').toMatchObject({
      outcome: 'RESIZE',
      quantity: 120,
      code: RiskCode.KILL_SWITCH,
    });
  });

  it('always approves a MARKET order that closes all or part of a position, whatever the context', () => {
    const long = { ...hostile, positions: { AAPL: 500 }, openOrderQuantity: { AAPL: -100 } };
    const short = { ...hostile, positions: { AAPL: -500 } };

    expect(decide({ side: 'SELL', quantity: 400, purpose: 'FLATTEN' }, long), 'the 400 not already being sold').toEqual(
      {
        outcome: 'APPROVE',
        quantity: 400,
        code: RiskCode.APPROVED,
        context: {},
      },
    );
    expect(decide({ side: 'SELL', quantity: 1, purpose: 'EXIT' }, long).outcome).toBe('APPROVE');
    expect(decide({ side: 'BUY', quantity: 500, purpose: 'FLATTEN' }, short).outcome).toBe('APPROVE');
  });

  it('judges risk by the position, not by the purpose label', () => {
    const decision = decide({ side: 'BUY', purpose: 'FLATTEN' }, { killSwitch: true, positions: { AAPL: 100 } });

    expect(decision, 'a buy labelled FLATTEN on a long adds risk').toMatchObject({
      outcome: 'REJECT',
      code: RiskCode.KILL_SWITCH,
    });
  });

  it('still rejects a fat-fingered limit price on an exit', () => {
    const decision = decide(
      { side: 'SELL', quantity: 100, type: 'LIMIT', limitPrice: toMicros(5) },
      { positions: { AAPL: 100 } },
    );

    expect(decision, '$5 against a last price of $50').toMatchObject({
      outcome: 'REJECT',
      code: RiskCode.PRICE_DEVIATION,
    });
  });

  it('blocks entries in the last 15 minutes but not the flatten', () => {
    const late = { ts: SESSION.closeMs - 5 * 60_000, positions: { AAPL: 100 } };

    expect(decide({ ticker: 'MSFT' }, { ...late, marks: { AAPL: toMicros(50) } }).code).toBe(RiskCode.NO_NEW_ENTRIES);
    expect(decide({ side: 'SELL', quantity: 100, purpose: 'FLATTEN' }, late).outcome).toBe('APPROVE');
  });
});
