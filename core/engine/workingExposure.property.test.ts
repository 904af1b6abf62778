import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { openQuantity, workingOrders } from '../orders/index.js';
import type { EffectiveTotals } from '../risk/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId, type ExecutionId } from '../trading/ids.js';
import type { Execution } from '../trading/types.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import type { EngineState } from './EngineState.js';
import { handleEvent } from './handleEvent.js';
import { effectiveTotals } from './workingExposure.js';

// The engine keeps what working orders add to the portfolio's exposure incrementally (`workingExposure.ts`). Here
// random event sequences (bars that move marks, signals, partial, duplicate and corrected fills, busts, rejections,
// cancels, the kill switch with and without flatten, and serialize/restore in the middle) check after every event
// that the totals the risk checks get equal a sum over every ticker from scratch, and that building them changes
// nothing the state serializes.

const TICKERS = ['AAA', 'BBB', 'CCC', 'DDD'];
const MODEL = strategyId('model');
const MINUTE = 60_000;
/** 2025-06-02 10:00 New York (EDT): mid-session on a Monday, so the session rules leave the orders alone. */
const START = Date.UTC(2025, 5, 2, 14, 0);
const risk = RiskConfigSchema.parse({
  sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0, rebalance_band_pct: 0 },
  limits: { max_position_pct: 0.2, max_positions: 3, max_gross_exposure_pct: 0.5, max_net_exposure_pct: 0.3 },
});

type Step =
  | { kind: 'bar'; ticker: number; move: number }
  | { kind: 'bars'; tickers: readonly number[]; move: number }
  | { kind: 'signal'; ticker: number; signal: number }
  | { kind: 'fill'; pick: number; fraction: number; duplicate: boolean }
  | { kind: 'correct'; pick: number; fraction: number }
  | { kind: 'end'; pick: number; status: 'CANCELLED' | 'REJECTED' | 'SUBMITTED' }
  | { kind: 'kill'; engaged: boolean; flatten: boolean }
  | { kind: 'restore' };

const ticker = fc.nat({ max: TICKERS.length - 1 });
const fraction = fc.integer({ min: 0, max: 10 }).map((x) => x / 10);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('bar' as const), ticker, move: fc.integer({ min: -50, max: 50 }) }),
  },
  {
    // Several tickers closing at one time, in any order (BarsClosed remembers the ticker at each position).
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bars' as const),
      tickers: fc.shuffledSubarray([...TICKERS.keys()], { minLength: 1 }),
      move: fc.integer({ min: -50, max: 50 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('signal' as const),
      ticker,
      signal: fc.integer({ min: -10, max: 10 }).map((x) => x / 10),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('fill' as const), pick: fc.nat(), fraction, duplicate: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('end' as const),
      pick: fc.nat(),
      status: fc.constantFrom('CANCELLED' as const, 'REJECTED' as const, 'SUBMITTED' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('kill' as const), engaged: fc.boolean(), flatten: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

/** The effective totals summed over every ticker from the raw state: positions plus every working order's rest. */
function fromScratch(engine: EngineState): EffectiveTotals | undefined {
  const portfolio = engine.portfolio;
  const names = new Set([
    ...Object.keys(portfolio.positions),
    ...workingOrders(engine.orders).map((o) => o.request.ticker),
  ]);
  let gross = 0;
  let net = 0;
  let positions = 0;
  for (const name of names) {
    const working = openQuantity(engine.orders, name);
    const mark = portfolio.marks[name];
    if (working !== 0 && mark === undefined) return undefined;
    const shares = (portfolio.positions[name]?.quantity ?? 0) + working;
    if (shares === 0) continue;
    gross += Math.abs(shares) * mark!;
    net += shares * mark!;
    positions += 1;
  }
  return { gross, net, positions };
}

/** What the sequences reached, so the property cannot pass on sequences that never work an order. */
const seen = { checks: 0, worked: 0, corrections: 0, restores: 0 };

function runSequence(steps: readonly Step[]): void {
  let engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: 5 * MINUTE });
  const prices = TICKERS.map(() => 50);
  const fills: Execution[] = [];
  let now = START;
  const send = (event: EngineEvent): void => {
    const out: EngineCommand[] = [];
    handleEvent(engine, event, out);
    const before = serializeEngine(engine);
    const totals = effectiveTotals(engine);
    expect(totals, `after ${event.type}: incremental totals equal the sum from scratch`).toEqual(fromScratch(engine));
    expect(serializeEngine(engine), 'reading the totals changes nothing in the state').toBe(before);
    seen.checks++;
    if (engine.orders.workedTickers.length > 0) seen.worked++;
  };
  const pick = (index: number): ReturnType<typeof workingOrders>[number] | null => {
    const working = workingOrders(engine.orders);
    return working.length === 0 ? null : working[index % working.length]!;
  };
  for (const s of steps) {
    switch (s.kind) {
      case 'bar': {
        now += 5 * MINUTE;
        const close = (prices[s.ticker] = Math.max(1, prices[s.ticker]! + s.move / 10));
        const name = TICKERS[s.ticker]!;
        const bar = { open: close, high: close, low: close, close, volume: 1000 };
        send({ type: 'BarClosed', ts: now, ticker: name, barStart: now - 5 * MINUTE, ...bar });
        break;
      }
      case 'bars': {
        now += 5 * MINUTE;
        const bars = s.tickers.map((t) => {
          const close = (prices[t] = Math.max(1, prices[t]! + s.move / 10));
          const bar = { open: close, high: close, low: close, close, volume: 1000 };
          return { type: 'BarClosed' as const, ts: now, ticker: TICKERS[t]!, barStart: now - 5 * MINUTE, ...bar };
        });
        send({ type: 'BarsClosed', ts: now, bars });
        break;
      }
      case 'signal': {
        const output = { signal: s.signal, confidence: 1, metadata: {} };
        send({ type: 'SignalReceived', ts: now, strategy: MODEL, ticker: TICKERS[s.ticker]!, output });
        break;
      }
      case 'fill': {
        const record = pick(s.pick);
        if (record === null) break;
        const rest = record.quantity - record.filledQuantity;
        const quantity = Math.max(1, Math.floor(rest * s.fraction));
        const price = toMicros(prices[TICKERS.indexOf(record.request.ticker)]!);
        const execution: Execution = {
          executionId: executionId(`E${fills.length + 1}`),
          clientOrderId: record.request.clientOrderId,
          ticker: record.request.ticker,
          side: record.request.side,
          quantity,
          price,
          commission: toMicros(1),
          ts: now,
          correctsExecutionId: null,
        };
        fills.push(execution);
        send({ type: 'ExecutionReported', ts: now, execution });
        if (s.duplicate) send({ type: 'ExecutionReported', ts: now, execution });
        break;
      }
      case 'correct': {
        // A correction (or, at fraction 0, a bust) of an earlier fill: the portfolio reverses it and applies this.
        const earlier = fills[s.pick % Math.max(1, fills.length)];
        if (earlier === undefined) break;
        seen.corrections++;
        const execution: Execution = {
          ...earlier,
          executionId: executionId(`E${fills.length + 1}`),
          quantity: Math.floor(earlier.quantity * s.fraction),
          correctsExecutionId: earlier.executionId as ExecutionId,
        };
        fills.push(execution);
        send({ type: 'ExecutionReported', ts: now, execution });
        break;
      }
      case 'end': {
        const record = pick(s.pick);
        if (record === null) break;
        const { clientOrderId } = record.request;
        send({
          type: 'OrderStatusReported',
          ts: now,
          clientOrderId,
          brokerOrderId: null,
          status: s.status,
          reason: 'test',
        });
        break;
      }
      case 'kill':
        send({ type: 'KillSwitchSet', ts: now, engaged: s.engaged, reason: 'test', flatten: s.flatten });
        break;
      case 'restore': {
        // The live process's recovery: a restored state sums its working exposure afresh and must agree.
        seen.restores++;
        engine = restoreEngine(serializeEngine(engine));
        expect(effectiveTotals(engine), 'totals of a restored state').toEqual(fromScratch(engine));
        break;
      }
    }
  }
}

describe('working exposure', () => {
  it('equals a sum over every ticker from scratch after every event of random sequences', () => {
    const runs = Math.max(2_000, Number(process.env['PROP_RUNS'] ?? 0));
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => runSequence(steps)),
      { numRuns: runs, ...(process.env['PROP_SEED'] ? { seed: Number(process.env['PROP_SEED']) } : {}) },
    );
    expect(seen.worked, 'events met working orders').toBeGreaterThan(0.3 * seen.checks);
    expect(seen.corrections, 'corrections were applied').toBeGreaterThan(0.25 * runs);
    expect(seen.restores, 'states were restored mid-sequence').toBeGreaterThan(0.5 * runs);
  });
});
