// long-file-ok: one property over 10,000 random event sequences needs its generator, broker stand-in and invariant checks together
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { localDayOf, nextTradingDay, sessionOn } from '../calendar/index.js';
import { toMicros, type Micros } from '../money/money.js';
import { openQuantity, workingOrders } from '../orders/index.js';
import { equity, positionQuantity } from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { BarClosed, EngineEvent } from '../trading/events.js';
import { executionId, strategyId, type ClientOrderId } from '../trading/ids.js';
import { Side, type OrderRequest } from '../trading/types.js';
import { sessionAt } from './calendarKeys.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

// The engine driven by random event sequences (bars with gaps, bars and signals alone and in batches, partial and
// duplicate fills, rejections, cancels, the kill switch), with a broker played by the test. After every event: positions equal the sum of the
// distinct fills, and every order the engine sent respected the hard limits at the time it was sent, unless it
// reduced risk; no new risk went out while halted, reducing, killed, or in the no-new-entries window.

const TICKERS = ['AAA', 'BBB', 'CCC'];
const START_PRICES = [100, 50, 20];
const STRATEGY = strategyId('model');
const risk = RiskConfigSchema.parse({
  sizing: { base_size_pct: 0.2, max_size_pct: 0.08, min_order_value: 100 },
  limits: {
    max_position_pct: 0.05,
    max_positions: 2,
    max_gross_exposure_pct: 0.09,
    max_net_exposure_pct: 0.06,
    daily_loss_limit_pct: 0.001,
    weekly_loss_limit_pct: 0.002,
    max_drawdown_pct: 0.003,
    max_orders_per_minute: 6,
    max_order_size_multiple: 50,
  },
});
const limits = risk.limits;
const MINUTE = 60_000;
/** 2025-06-02 09:35 New York (EDT): the first bar close of a Monday session. */
const START = Date.UTC(2025, 5, 2, 13, 35);

type Step =
  | { kind: 'bar'; ticker: number; move: number; minutes: number }
  | { kind: 'bars'; moves: readonly number[]; minutes: number }
  | { kind: 'signal'; ticker: number; signal: number; confidence: number }
  | { kind: 'batch'; entries: readonly { ticker: number; signal: number; confidence: number }[] }
  | { kind: 'fill'; pick: number; fraction: number; duplicate: boolean }
  | { kind: 'reject'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'kill'; engaged: boolean; flatten: boolean };

const ticker = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('bar' as const),
      ticker,
      move: fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10_000),
      minutes: fc.constantFrom(5, 5, 5, 5, 30, 600),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bars' as const),
      moves: fc.array(
        fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10_000),
        { minLength: 3, maxLength: 3 },
      ),
      minutes: fc.constantFrom(5, 5, 5, 30, 600),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('signal' as const),
      ticker,
      signal: fc.integer({ min: -100, max: 100 }).map((x) => x / 100),
      confidence: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      entries: fc.array(
        fc.record({
          ticker,
          signal: fc.integer({ min: -100, max: 100 }).map((x) => x / 100),
          confidence: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        }),
        { maxLength: 4 },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('fill' as const),
      pick: fc.nat(),
      fraction: fc.integer({ min: 1, max: 10 }).map((x) => x / 10),
      duplicate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('kill' as const), engaged: fc.boolean(), flatten: fc.boolean() }),
  },
);

// At least 10,000 sequences per run (more with PROP_RUNS); PROP_SEED replays a reported failure.
const RUNS = Math.max(10_000, Number(process.env['PROP_RUNS'] ?? 0));
const codes: Record<string, number> = {};
/** What the runs exercised, so the property cannot pass on trivial sequences. */
const seen = { newRisk: 0, reducing: 0, fills: 0, duplicates: 0, halted: 0, killed: 0 };

const signed = (order: OrderRequest): number => (order.side === Side.BUY ? order.quantity : -order.quantity);

/** Checks one order the engine just sent against the limits, given the state right after it was registered. */
function checkSubmitted(engine: ReturnType<typeof createEngine>, order: OrderRequest, ts: number): void {
  const exposureOf = (name: string): number =>
    positionQuantity(engine.portfolio, name) + openQuantity(engine.orders, name);
  const after = exposureOf(order.ticker);
  const before = after - signed(order);
  const reducing = Math.abs(after) <= Math.abs(before) && Math.sign(after) !== -Math.sign(before);
  if (engine.tradingState !== 'ACTIVE') seen.halted++;
  if (engine.killSwitch) seen.killed++;
  if (reducing) {
    seen.reducing++;
    return;
  }
  seen.newRisk++;
  const where = `order ${order.clientOrderId} ${order.side} ${order.quantity} ${order.ticker} at ${new Date(ts).toISOString()}`;
  expect(engine.killSwitch, `${where}: new risk with the kill switch on`).toBe(false);
  expect(engine.tradingState, `${where}: new risk while not ACTIVE`).toBe('ACTIVE');
  const session = sessionAt(ts);
  expect(session, `${where}: new risk outside the session`).not.toBeNull();
  const window = Math.max(limits.no_new_entries_before_close_min, limits.flatten_before_close_min) * MINUTE;
  expect(session!.closeMs - ts > window, `${where}: new risk in the last minutes`).toBe(true);
  const value = equity(engine.portfolio);
  const marks = engine.portfolio.marks;
  let gross = 0;
  let net = 0;
  let count = 0;
  for (const name of TICKERS) {
    const quantity = exposureOf(name);
    const mark = (marks[name] ?? 0) as number;
    if (quantity !== 0) count++;
    gross += Math.abs(quantity) * mark;
    net += quantity * mark;
  }
  expect(Math.abs(after) * (marks[order.ticker] as number), `${where}: position limit`).toBeLessThanOrEqual(
    limits.max_position_pct * value,
  );
  expect(count, `${where}: position count`).toBeLessThanOrEqual(limits.max_positions);
  expect(gross, `${where}: gross exposure`).toBeLessThanOrEqual(limits.max_gross_exposure_pct * value + 1);
  const netBefore = net - signed(order) * (marks[order.ticker] as number);
  const netOk = Math.abs(net) <= limits.max_net_exposure_pct * value + 1 || Math.abs(net) < Math.abs(netBefore);
  expect(netOk, `${where}: net exposure ${net} over ${limits.max_net_exposure_pct * value}`).toBe(true);
}

/** A 5-minute bar of `ticker` closing at `ts`, every price at `close`. */
function closeAt(ts: number, ticker: string, close: number): BarClosed {
  return {
    type: 'BarClosed',
    ts,
    ticker,
    barStart: ts - 5 * MINUTE,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1000,
  };
}

/** Moves time on by `minutes`; past a session's close it continues 5 minutes after the next session's open. */
function advance(now: number, minutes: number): number {
  const next = now + minutes * MINUTE;
  const session = sessionOn(localDayOf(now - 1))!;
  if (next <= session.closeMs) return next;
  return sessionOn(nextTradingDay(session.day))!.openMs + 5 * MINUTE;
}

function runSequence(steps: readonly Step[]): void {
  const engine = createEngine({ risk, strategies: [STRATEGY], initialCash: toMicros(100_000), barMs: 5 * MINUTE });
  const prices = [...START_PRICES];
  const fills = new Map<string, number>(TICKERS.map((name) => [name, 0]));
  let now = START;
  let executions = 0;
  const out: EngineCommand[] = [];
  const send = (event: EngineEvent): void => {
    out.length = 0;
    handleEvent(engine, event, out);
    const commands = [...out];
    for (const command of commands) {
      if (command.type === 'LogRecord') codes[command.code] = (codes[command.code] ?? 0) + 1;
    }
    for (const command of commands) {
      if (command.type !== 'SubmitOrder') continue;
      checkSubmitted(engine, command.order, command.ts);
      send({
        type: 'OrderStatusReported',
        ts: now,
        clientOrderId: command.order.clientOrderId,
        brokerOrderId: null,
        status: 'SUBMITTED',
        reason: null,
      });
    }
    for (const name of TICKERS) {
      expect(positionQuantity(engine.portfolio, name), `position of ${name} equals the sum of distinct fills`).toBe(
        fills.get(name),
      );
    }
  };
  const pick = (index: number): { id: ClientOrderId; order: OrderRequest; rest: number; filled: number } | null => {
    const working = workingOrders(engine.orders);
    if (working.length === 0) return null;
    const record = working[index % working.length]!;
    return {
      id: record.request.clientOrderId,
      order: record.request,
      rest: record.quantity - record.filledQuantity,
      filled: record.filledQuantity,
    };
  };
  for (const s of steps) {
    switch (s.kind) {
      case 'bar': {
        now = advance(now, s.minutes);
        prices[s.ticker] = Math.max(1, Math.round(prices[s.ticker]! * (1 + s.move) * 100) / 100);
        send(closeAt(now, TICKERS[s.ticker]!, prices[s.ticker]!));
        break;
      }
      case 'bars': {
        now = advance(now, s.minutes);
        const bars = TICKERS.map((name, t) => {
          prices[t] = Math.max(1, Math.round(prices[t]! * (1 + s.moves[t]!) * 100) / 100);
          return closeAt(now, name, prices[t]!);
        });
        send({ type: 'BarsClosed', ts: now, bars });
        break;
      }
      case 'signal':
        send({
          type: 'SignalReceived',
          ts: now,
          strategy: STRATEGY,
          ticker: TICKERS[s.ticker]!,
          output: { signal: s.signal, confidence: s.confidence, metadata: {} },
        });
        break;
      case 'batch':
        send({
          type: 'SignalsReceived',
          ts: now,
          strategy: STRATEGY,
          signals: s.entries.map((e) => ({
            ticker: TICKERS[e.ticker]!,
            output: { signal: e.signal, confidence: e.confidence, metadata: {} },
          })),
        });
        break;
      case 'fill': {
        const target = pick(s.pick);
        if (!target || target.rest <= 0) break;
        const quantity = Math.max(1, Math.floor(target.rest * s.fraction));
        const price = toMicros(prices[TICKERS.indexOf(target.order.ticker)]!) as Micros;
        const event: EngineEvent = {
          type: 'ExecutionReported',
          ts: now,
          execution: {
            executionId: executionId(`E${++executions}`),
            clientOrderId: target.id,
            ticker: target.order.ticker,
            side: target.order.side,
            quantity,
            price,
            commission: toMicros(1),
            ts: now,
            correctsExecutionId: null,
          },
        };
        fills.set(
          target.order.ticker,
          fills.get(target.order.ticker)! + (target.order.side === Side.BUY ? quantity : -quantity),
        );
        seen.fills++;
        send(event);
        if (s.duplicate) {
          seen.duplicates++;
          send(event);
        }
        send({
          type: 'OrderStatusReported',
          ts: now,
          clientOrderId: target.id,
          brokerOrderId: null,
          status: quantity === target.rest ? 'FILLED' : 'PARTIALLY_FILLED',
          reason: null,
        });
        break;
      }
      case 'reject': {
        const target = pick(s.pick);
        if (target && target.filled === 0) {
          send({
            type: 'OrderStatusReported',
            ts: now,
            clientOrderId: target.id,
            brokerOrderId: null,
            status: 'REJECTED',
            reason: 'test',
          });
        }
        break;
      }
      case 'cancel': {
        const target = pick(s.pick);
        if (target) {
          send({
            type: 'OrderStatusReported',
            ts: now,
            clientOrderId: target.id,
            brokerOrderId: null,
            status: 'CANCELLED',
            reason: 'test',
          });
        }
        break;
      }
      case 'kill':
        send({ type: 'KillSwitchSet', ts: now, engaged: s.engaged, reason: 'test', flatten: s.flatten });
        break;
    }
  }
}

describe('engine under random event sequences', () => {
  it('never lets an order exceed a hard limit, never adds risk while halted or killed, and keeps positions equal to fills', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => runSequence(steps)),
      { numRuns: RUNS, ...(process.env['PROP_SEED'] ? { seed: Number(process.env['PROP_SEED']) } : {}) },
    );

    expect(seen.newRisk, 'orders adding risk were checked').toBeGreaterThan(0.4 * RUNS);
    expect(seen.reducing, 'risk-reducing orders were sent').toBeGreaterThan(0.01 * RUNS);
    expect(seen.fills, 'fills were applied').toBeGreaterThan(0.3 * RUNS);
    expect(seen.duplicates, 'duplicate executions were sent').toBeGreaterThan(0.1 * RUNS);
    expect(seen.killed, 'orders went out with the kill switch on (risk-reducing only)').toBeGreaterThan(0.005 * RUNS);
    expect(seen.halted, 'orders went out while a loss limit held (risk-reducing only)').toBeGreaterThan(0.001 * RUNS);
    for (const code of [
      // At max positions the single strategy's entries into flat tickers are skipped before the risk manager
      // (entriesPaused.ts): the limit binding shows as the pause; the count itself is checked after every event.
      'ENTRIES_PAUSED_MAX_POSITIONS',
      'KILL_SWITCH_ENGAGED',
      'RISK_DAILY_LOSS_LIMIT',
      'ORDER_DUPLICATE_EXECUTION',
    ]) {
      expect(codes[code] ?? 0, `${code} was exercised`).toBeGreaterThan(0);
    }
  });
});
