import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { workingOrders } from '../orders/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { EngineEvent, TickerSignal } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import { restoreEngine, serializeEngine } from './createEngine.js';
import { AT, BAR_MS, logCodes, MODEL, scenario, scenarioRisk } from './engineTestKit.js';
import { handleEvent } from './handleEvent.js';

// A SignalsReceived batch is defined as one SignalReceived per entry, in order. Checked on random engine states:
// positions held or not, working and partly filled orders, the kill switch, a drawdown stop that trips or not; and
// random batches with invalid signals, tickers without a price and an unknown strategy. Both ways must leave the
// same state, byte for byte, and the same commands (but for the clock, which an empty batch moves on too).

const TICKERS = ['AAA', 'BBB', 'CCC', 'DDD']; // DDD never gets a bar
type Step =
  | { kind: 'bar'; ticker: number; move: number }
  | { kind: 'signal'; ticker: number; signal: number }
  | { kind: 'fill'; fraction: number }
  | { kind: 'kill'; engaged: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('bar' as const),
    ticker: fc.integer({ min: 0, max: 2 }),
    move: fc.integer({ min: -300, max: 300 }).map((x) => x / 10_000),
  }),
  fc.record({
    kind: fc.constant('signal' as const),
    ticker: fc.integer({ min: 0, max: 2 }),
    signal: fc.integer({ min: -10, max: 10 }).map((x) => x / 10),
  }),
  fc.record({ kind: fc.constant('fill' as const), fraction: fc.integer({ min: 1, max: 10 }).map((x) => x / 10) }),
  fc.record({ kind: fc.constant('kill' as const), engaged: fc.boolean() }),
);
const entry: fc.Arbitrary<{ ticker: number; signal: number; confidence: number }> = fc.record({
  ticker: fc.integer({ min: 0, max: 3 }),
  signal: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: -10, max: 10 }).map((x) => x / 10) },
    { weight: 1, arbitrary: fc.constantFrom(1.5, Number.NaN) },
  ),
  confidence: fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
});

const risk = scenarioRisk({ max_drawdown_pct: 0.004, max_positions: 2 }, { base_size_pct: 0.2, max_size_pct: 0.2 });

/** Plays the steps into a fresh engine, with every order acknowledged and fills as the steps say. */
function engineAfter(steps: readonly Step[]) {
  const world = scenario(risk);
  const prices = [100, 50, 20];
  let ts = AT;
  let executions = 0;
  const acknowledge = (commands: readonly EngineCommand[]): void => {
    for (const command of commands) {
      if (command.type !== 'SubmitOrder') continue;
      const id = command.order.clientOrderId;
      world.send({
        type: 'OrderStatusReported',
        ts,
        clientOrderId: id,
        brokerOrderId: null,
        status: 'SUBMITTED',
        reason: null,
      });
    }
  };
  for (const s of steps) {
    if (s.kind === 'bar') {
      ts += BAR_MS;
      prices[s.ticker] = Math.round(prices[s.ticker]! * (1 + s.move) * 100) / 100;
      acknowledge(world.bar(ts, TICKERS[s.ticker], prices[s.ticker]));
    } else if (s.kind === 'signal') {
      acknowledge(world.signal(ts, TICKERS[s.ticker]!, s.signal));
    } else if (s.kind === 'kill') {
      acknowledge(world.send({ type: 'KillSwitchSet', ts, engaged: s.engaged, reason: 'test', flatten: false }));
    } else {
      for (const order of workingOrders(world.engine.orders)) {
        const rest = order.quantity - order.filledQuantity;
        const quantity = Math.max(1, Math.floor(rest * s.fraction));
        const request = order.request;
        acknowledge(
          world.send({
            type: 'ExecutionReported',
            ts,
            execution: {
              executionId: executionId(`E${(executions += 1)}`),
              clientOrderId: request.clientOrderId,
              ticker: request.ticker,
              side: request.side,
              quantity,
              price: toMicros(prices[TICKERS.indexOf(request.ticker)]!),
              commission: toMicros(1),
              ts,
              correctsExecutionId: null,
            },
          }),
        );
      }
    }
  }
  return { engine: world.engine, ts };
}

function send(state: ReturnType<typeof restoreEngine>, events: readonly EngineEvent[]): EngineCommand[] {
  const out: EngineCommand[] = [];
  for (const event of events) handleEvent(state, event, out);
  return out;
}

describe('SignalsReceived', () => {
  it('is one SignalReceived per entry, in order: same commands and same state', () => {
    const seen = { halted: 0, orders: 0, invalid: 0, noPrice: 0, unknown: 0 };
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.array(entry, { maxLength: 6 }),
        fc.integer({ min: 0, max: 9 }),
        (steps, entries, strategyPick) => {
          const { engine, ts } = engineAfter(steps);
          const strategy = strategyPick === 0 ? strategyId('other') : MODEL;
          const signals: TickerSignal[] = entries.map((e) => ({
            ticker: TICKERS[e.ticker]!,
            output: { signal: e.signal, confidence: e.confidence, metadata: {} },
          }));
          const saved = serializeEngine(engine);
          const batched = restoreEngine(saved);
          const single = restoreEngine(saved);
          const fromBatch = send(batched, [{ type: 'SignalsReceived', ts, strategy, signals }]);
          const fromSingles = send(
            single,
            signals.map((s) => ({ type: 'SignalReceived', ts, strategy, ticker: s.ticker, output: s.output })),
          );
          expect(fromBatch).toEqual(fromSingles);
          // The batch is an event of its own: even an empty one moves the engine's clock to its time.
          if (signals.length === 0) single.now = Math.max(single.now, ts);
          expect(serializeEngine(batched)).toBe(serializeEngine(single));
          if (engine.tradingState !== 'ACTIVE' || engine.killSwitch) seen.halted++;
          if (fromBatch.some((command) => command.type === 'SubmitOrder')) seen.orders++;
          const codes = logCodes(fromBatch);
          if (codes.includes('SIGNAL_INVALID')) seen.invalid++;
          if (codes.includes('SIGNAL_NO_PRICE')) seen.noPrice++;
          if (codes.includes('SIGNAL_UNKNOWN_STRATEGY')) seen.unknown++;
        },
      ),
      { numRuns: 3_000 },
    );
    // The runs reached every path, so the equality above was not checked on empty batches only.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(20);
  });

  it('while nothing is held or worked and only reducing is allowed, still logs invalid signals and nothing else', () => {
    const world = scenario(scenarioRisk({ kill_switch: true }));
    world.bar(AT);
    const signals: TickerSignal[] = [
      { ticker: 'AAA', output: { signal: 1, confidence: 1, metadata: {} } },
      { ticker: 'AAA', output: { signal: 2, confidence: 1, metadata: {} } },
      // No bar yet: with nothing to reduce the price is not needed, so no SIGNAL_NO_PRICE either.
      { ticker: 'ZZZ', output: { signal: -1, confidence: 1, metadata: {} } },
    ];
    const commands = world.send({ type: 'SignalsReceived', ts: AT, strategy: MODEL, signals });
    expect(logCodes(commands)).toEqual(['SIGNAL_INVALID']);
    expect(commands).toHaveLength(1);
  });
});
