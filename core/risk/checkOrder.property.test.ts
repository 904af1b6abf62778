import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Micros } from '../money/money.js';
import { clientOrderId, strategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { checkOrder } from './checkOrder.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskDecision } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

// Random (context, limits, order) triples, judged by an oracle written from the limits' definitions, independent
// of the checks' arithmetic (no floorDiv, no view): plain sums over the book after applying the decided quantity.

const TICKERS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'] as const;
const OPEN = 1_700_000_000_000;
const CLOSE = OPEN + 390 * 60_000;

const shares = (max: number) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fc.integer({ min: -max, max }) });
const book = (max: number) =>
  fc.tuple(...TICKERS.map(() => shares(max))).map((values) => {
    const record: Record<string, number> = {};
    values.forEach((value, i) => {
      if (value !== undefined) record[TICKERS[i]!] = value;
    });
    return record;
  });
const micros = (min: number, max: number) => fc.integer({ min, max }).map((value) => value as Micros);
const price = micros(1_000_000, 300_000_000);
const fraction = (max: number) => fc.double({ min: 0, max, noNaN: true });

const limitsArb: fc.Arbitrary<RiskLimits> = fc.record({
  max_position_pct: fc.double({ min: 0.01, max: 1, noNaN: true }),
  max_positions: fc.integer({ min: 1, max: 10 }),
  max_gross_exposure_pct: fc.double({ min: 0.1, max: 3, noNaN: true }),
  // Mostly tight: the net check comes last, after every gate and limit that can stop an order first.
  max_net_exposure_pct: fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 0.01, max: 0.2, noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ min: 0.05, max: 2, noNaN: true }) },
  ),
  daily_loss_limit_pct: fraction(0.3),
  weekly_loss_limit_pct: fraction(0.3),
  max_drawdown_pct: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
  flatten_on_max_drawdown: fc.boolean(),
  no_new_entries_before_close_min: fc.integer({ min: 0, max: 60 }),
  flatten_before_close_min: fc.integer({ min: 0, max: 30 }),
  max_orders_per_minute: fc.integer({ min: 1, max: 40 }),
  max_price_deviation_pct: fraction(0.1),
  max_order_size_multiple: fc.double({ min: 1, max: 20, noNaN: true }),
  kill_switch: fc.constantFrom(...Array<boolean>(19).fill(false), true),
});

const caseArb = fc
  .record({
    limits: limitsArb,
    // Half the cases in the last 70 minutes, where the entry and flatten windows are.
    ts: fc.oneof(
      fc.integer({ min: OPEN - 30 * 60_000, max: CLOSE + 30 * 60_000 }),
      fc.integer({ min: CLOSE - 70 * 60_000, max: CLOSE + 60_000 }),
    ),
    hasSession: fc.constantFrom(true, true, true, true, true, true, true, false),
    // Equity from $1,000 to $2M (log-uniform), now and then negative; bases within a few percent of it.
    equityExponent: fc.double({ min: 9, max: 12.3, noNaN: true }),
    negativeEquity: fc.constantFrom(...Array<boolean>(19).fill(false), true),
    dayChange: fc.double({ min: -0.06, max: 0.06, noNaN: true }),
    weekChange: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
    peakAbove: fc.double({ min: 0, max: 0.08, noNaN: true }),
    tradingState: fc.constantFrom(...Array<'ACTIVE'>(8).fill('ACTIVE'), 'REDUCING', 'HALTED'),
    killSwitch: fc.constantFrom(...Array<boolean>(11).fill(false), true),
    positions: book(3_000),
    working: book(500),
    marks: fc.tuple(...TICKERS.map(() => fc.option(price, { freq: 12, nil: undefined }))),
    lastPrice: fc.option(price, { freq: 15 }),
    typicalQuantity: fc.option(fc.integer({ min: 1, max: 2_000 }), { freq: 2 }),
    recentOffsets: fc.array(fc.integer({ min: -1_000, max: 120_000 }), { maxLength: 40 }),
    ticker: fc.constantFrom(...TICKERS),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    quantity: fc.integer({ min: 1, max: 6_000 }),
    limitOffset: fc.option(fc.double({ min: -0.15, max: 0.15, noNaN: true }), { freq: 2 }),
  })
  .map((c) => {
    const marks: Record<string, Micros> = {};
    c.marks.forEach((mark, i) => {
      if (mark !== undefined) marks[TICKERS[i]!] = mark;
    });
    const size = Math.round(10 ** c.equityExponent);
    const equity = (c.negativeEquity ? -size / 100 : size) as Micros;
    const dayStartEquity = Math.round(size * (1 + c.dayChange)) as Micros;
    const weekStartEquity = Math.round(size * (1 + c.weekChange)) as Micros;
    const context: RiskContext = {
      ts: c.ts,
      session: c.hasSession ? { openMs: OPEN, closeMs: CLOSE } : null,
      equity,
      dayStartEquity,
      weekStartEquity,
      peakEquity: Math.round(Math.max(size, dayStartEquity, weekStartEquity) * (1 + c.peakAbove)) as Micros,
      tradingState: c.tradingState,
      killSwitch: c.killSwitch,
      positions: c.positions,
      openOrderQuantity: c.working,
      marks,
      lastPrice: c.lastPrice,
      typicalQuantity: c.typicalQuantity,
      recentOrderTs: c.recentOffsets.map((offset) => c.ts - offset),
    };
    const reference = c.lastPrice ?? (50_000_000 as Micros);
    const order: OrderRequest = {
      clientOrderId: clientOrderId('p-1'),
      strategy: strategyId('p'),
      ticker: c.ticker,
      side: c.side,
      quantity: c.quantity,
      type: c.limitOffset === null ? 'MARKET' : 'LIMIT',
      limitPrice: c.limitOffset === null ? null : (Math.max(1, Math.round(reference * (1 + c.limitOffset))) as Micros),
      purpose: 'ENTRY',
      createdTs: c.ts,
    };
    return { context, order, limits: c.limits };
  });

const effective = (context: RiskContext, ticker: string) =>
  (context.positions[ticker] ?? 0) + (context.openOrderQuantity[ticker] ?? 0);

/** The book after `quantity` more shares of the order: effective positions (filled + working) per ticker. */
function effectiveBook(context: RiskContext, ticker: string, signedQuantity: number): Map<string, number> {
  const result = new Map<string, number>();
  for (const name of TICKERS) {
    const value = (context.positions[name] ?? 0) + (context.openOrderQuantity[name] ?? 0);
    result.set(name, value + (name === ticker ? signedQuantity : 0));
  }
  return result;
}

function exposure(context: RiskContext, ticker: string, positions: Map<string, number>) {
  let gross = 0;
  let net = 0;
  let count = 0;
  for (const [name, held] of positions) {
    if (held === 0) continue;
    count += 1;
    const value = held * (name === ticker ? context.lastPrice! : context.marks[name]!);
    gross += Math.abs(value);
    net += value;
  }
  return { gross, net, count };
}

const lossBreached = (base: number, equity: number, fraction: number) =>
  base > 0 && base - equity > 0 && base - equity >= fraction * base;

function assertSafe(context: RiskContext, order: OrderRequest, limits: RiskLimits, decision: RiskDecision): void {
  const q = decision.quantity;
  expect(Number.isInteger(q) && q >= 0 && q <= order.quantity, 'quantity within [0, ordered]').toBe(true);
  expect(
    decision.outcome === 'APPROVE'
      ? q === order.quantity
      : decision.outcome === 'REJECT'
        ? q === 0
        : q > 0 && q < order.quantity,
  ).toBe(true);

  const { lastPrice, equity, ts } = context;
  if (order.type === 'LIMIT' && lastPrice !== null) {
    const off = Math.abs(order.limitPrice! - lastPrice) > limits.max_price_deviation_pct * lastPrice;
    if (off) expect(decision.outcome, 'fat-fingered limit price').toBe('REJECT');
  }

  const sign = order.side === 'BUY' ? 1 : -1;
  const before = effectiveBook(context, order.ticker, 0);
  const held = before.get(order.ticker)!;
  const reducible = sign * held < 0 ? Math.abs(held) : 0;
  if (q <= reducible) return; // Risk-reducing: exempt from everything below.

  // New risk was approved: every gate must have been open.
  expect(context.killSwitch || limits.kill_switch, 'kill switch').toBe(false);
  expect(context.tradingState, 'engine state').toBe('ACTIVE');
  expect(lossBreached(context.peakEquity, equity, limits.max_drawdown_pct), 'drawdown').toBe(false);
  expect(lossBreached(context.dayStartEquity, equity, limits.daily_loss_limit_pct), 'daily loss').toBe(false);
  expect(lossBreached(context.weekStartEquity, equity, limits.weekly_loss_limit_pct), 'weekly loss').toBe(false);
  expect(context.session !== null && ts >= OPEN && ts < CLOSE, 'regular session').toBe(true);
  const windowMinutes = Math.max(limits.no_new_entries_before_close_min, limits.flatten_before_close_min);
  expect(windowMinutes === 0 || ts < CLOSE - windowMinutes * 60_000, 'no-new-entries window').toBe(true);
  const sent = context.recentOrderTs.filter((t) => t > ts - 60_000 && t <= ts).length;
  expect(sent, 'order rate').toBeLessThan(limits.max_orders_per_minute);
  if (context.typicalQuantity !== null) {
    expect(order.quantity, 'fat-fingered size').toBeLessThanOrEqual(
      limits.max_order_size_multiple * context.typicalQuantity,
    );
  }

  const after = effectiveBook(context, order.ticker, sign * q);
  const x = after.get(order.ticker)!;
  expect(lastPrice, 'a last price to value the order').not.toBeNull();
  for (const [name, position] of after) {
    if (name !== order.ticker && position !== 0) expect(context.marks[name], `mark of ${name}`).toBeDefined();
  }
  const was = exposure(context, order.ticker, before);
  const now = exposure(context, order.ticker, after);
  expect(Math.abs(x) * lastPrice!, 'max position').toBeLessThanOrEqual(limits.max_position_pct * equity);
  expect(now.gross, 'max gross exposure').toBeLessThanOrEqual(limits.max_gross_exposure_pct * equity);
  const maxNet = limits.max_net_exposure_pct * equity;
  expect(sign * now.net, 'net exposure on the side the order pushes').toBeLessThanOrEqual(maxNet);
  if (Math.abs(now.net) > maxNet) {
    expect(Math.abs(was.net), 'net was already beyond, on the other side').toBeGreaterThan(maxNet);
  }
  // Above the limit (however it got there) nothing may add risk; within it nothing may take the count past it.
  const adds = Math.abs(x) > Math.abs(held) || (x !== 0 && Math.sign(x) !== Math.sign(held));
  if (now.count > was.count || adds) expect(now.count, 'max positions').toBeLessThanOrEqual(limits.max_positions);
}

describe('checkOrder properties', () => {
  it('never lets new risk past a limit or a closed gate, over 30,000 random cases', () => {
    const seen = new Map<string, number>();

    fc.assert(
      fc.property(caseArb, ({ context, order, limits }) => {
        const decision = checkOrder(order, context, limits);
        seen.set(decision.code, (seen.get(decision.code) ?? 0) + 1);

        assertSafe(context, order, limits, decision);
      }),
      { numRuns: 30_000 },
    );

    const codes = [
      ...['RISK_APPROVED', 'RISK_KILL_SWITCH', 'RISK_TRADING_HALTED', 'RISK_TRADING_REDUCING', 'RISK_MAX_DRAWDOWN'],
      ...['RISK_DAILY_LOSS_LIMIT', 'RISK_WEEKLY_LOSS_LIMIT', 'RISK_OUTSIDE_SESSION', 'RISK_NO_NEW_ENTRIES'],
      ...['RISK_ORDER_RATE', 'RISK_PRICE_DEVIATION', 'RISK_ORDER_SIZE', 'RISK_NO_PRICE', 'RISK_MAX_POSITIONS'],
      ...['RISK_MAX_POSITION', 'RISK_MAX_GROSS_EXPOSURE', 'RISK_MAX_NET_EXPOSURE'],
    ];
    for (const code of codes) {
      expect(seen.get(code) ?? 0, `the generator reaches ${code} often enough to mean something`).toBeGreaterThan(50);
    }
  });

  it('decides the same from precomputed totals and the order ticker alone, over 20,000 random cases', () => {
    const marked = caseArb.filter(({ context }) =>
      TICKERS.every((t) => effective(context, t) === 0 || t in context.marks),
    );

    fc.assert(
      fc.property(marked, ({ context, order, limits }) => {
        const ticker = order.ticker;
        const totals = { gross: 0, net: 0, positions: 0 };
        for (const name of TICKERS) {
          const held = effective(context, name);
          if (held === 0) continue;
          totals.gross += Math.abs(held) * context.marks[name]!;
          totals.net += held * context.marks[name]!;
          totals.positions += 1;
        }
        const only = (book: Readonly<Record<string, number>>) => (ticker in book ? { [ticker]: book[ticker]! } : {});
        const positions = only(context.positions);
        const openOrderQuantity = only(context.openOrderQuantity);

        const decision = checkOrder(order, { ...context, positions, openOrderQuantity, totals }, limits);

        expect(decision).toEqual(checkOrder(order, context, limits));
      }),
      { numRuns: 20_000 },
    );
  });

  it('always approves a risk-reducing MARKET order in full, over 10,000 random cases', () => {
    const reducing = caseArb
      .filter(({ context }) =>
        TICKERS.some((t) => (context.positions[t] ?? 0) + (context.openOrderQuantity[t] ?? 0) !== 0),
      )
      .chain(({ context, limits }) => {
        const held = TICKERS.filter((t) => (context.positions[t] ?? 0) + (context.openOrderQuantity[t] ?? 0) !== 0);
        return fc.constantFrom(...held).chain((ticker) => {
          const position = (context.positions[ticker] ?? 0) + (context.openOrderQuantity[ticker] ?? 0);
          return fc.integer({ min: 1, max: Math.abs(position) }).map((quantity) => ({
            context,
            limits,
            order: {
              clientOrderId: clientOrderId('p-2'),
              strategy: strategyId('p'),
              ticker,
              side: position > 0 ? ('SELL' as const) : ('BUY' as const),
              quantity,
              type: 'MARKET' as const,
              limitPrice: null,
              purpose: 'EXIT' as const,
              createdTs: context.ts,
            },
          }));
        });
      });

    fc.assert(
      fc.property(reducing, ({ context, order, limits }) => {
        const decision = checkOrder(order, context, limits);

        expect(decision).toEqual({ outcome: 'APPROVE', quantity: order.quantity, code: 'RISK_APPROVED', context: {} });
      }),
      { numRuns: 10_000 },
    );
  });
});
