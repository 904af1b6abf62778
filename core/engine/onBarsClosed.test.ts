import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import type { EngineCommand } from '../trading/commands.js';
import type { BarClosed, EngineEvent } from '../trading/events.js';
import { executionId } from '../trading/ids.js';
import { Side } from '../trading/types.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import type { EngineState } from './EngineState.js';
import { AT, BAR_MS, logCodes, MODEL, orderOf, scenario, scenarioRisk } from './engineTestKit.js';
import { handleEvent } from './handleEvent.js';

const closeOf = (ticker: string, ts: number, close: number): BarClosed => ({
  type: 'BarClosed',
  ts,
  ticker,
  barStart: ts - BAR_MS,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1e6,
});

function send(state: EngineState, events: readonly EngineEvent[]): EngineCommand[] {
  const out: EngineCommand[] = [];
  for (const event of events) handleEvent(state, event, out);
  return out;
}

describe('BarsClosed', () => {
  it('with one bar is exactly that BarClosed', () => {
    const world = scenario(scenarioRisk({ max_drawdown_pct: 0.01 }));
    world.bar(AT, 'AAA', 100);
    world.fill(orderOf(world.signal(AT, 'AAA', 1)), AT);
    const saved = serializeEngine(world.engine);
    // A fall of 20% on 10% of equity in AAA: a 2% loss, past the 1% drawdown stop, which flattens.
    const bar = closeOf('AAA', AT + BAR_MS, 80);
    const one = restoreEngine(saved);
    const batch = restoreEngine(saved);
    const fromOne = send(one, [bar]);
    const fromBatch = send(batch, [{ type: 'BarsClosed', ts: bar.ts, bars: [bar] }]);
    expect(logCodes(fromOne)).toContain('RISK_MAX_DRAWDOWN');
    expect(fromBatch).toEqual(fromOne);
    expect(serializeEngine(batch)).toBe(serializeEngine(one));
  });

  it('applies the loss limits once, to the equity with every price of the time', () => {
    // Long 100 AAA and 100 BBB at $100 with a 1% drawdown stop. At the next close AAA falls to $85 and BBB rises
    // to $115: equity is unchanged. Bar by bar, the equity after AAA's close alone is $1,500 (1.5%) down and trips
    // the stop; as one time it does not.
    const world = scenario(scenarioRisk({ max_drawdown_pct: 0.01 }));
    world.bar(AT, 'AAA', 100);
    world.bar(AT, 'BBB', 100);
    world.fill(orderOf(world.signal(AT, 'AAA', 1)), AT);
    world.fill(orderOf(world.signal(AT, 'BBB', 1)), AT);
    const saved = serializeEngine(world.engine);
    const ts = AT + BAR_MS;
    const bars = [closeOf('AAA', ts, 85), closeOf('BBB', ts, 115)];

    const oneByOne = restoreEngine(saved);
    expect(logCodes(send(oneByOne, bars))).toContain('RISK_MAX_DRAWDOWN');
    expect(oneByOne.tradingState).toBe('HALTED');

    const together = restoreEngine(saved);
    const commands = send(together, [{ type: 'BarsClosed', ts, bars }]);
    expect(commands).toEqual([]);
    expect(together.tradingState).toBe('ACTIVE');
    expect(together.portfolio.marks).toEqual({ AAA: toMicros(85), BBB: toMicros(115) });
    expect(together.peakEquity).toBe(toMicros(100_000));
  });

  it('refuses a bar that closes at another time than its batch, and logs it', () => {
    const world = scenario();
    world.bar(AT, 'AAA', 100);
    const ts = AT + BAR_MS;
    const commands = world.send({
      type: 'BarsClosed',
      ts,
      bars: [closeOf('AAA', ts + BAR_MS, 120), closeOf('BBB', ts, 50)],
    });
    expect(logCodes(commands)).toEqual(['BAR_TIME_MISMATCH']);
    expect(world.engine.portfolio.marks).toEqual({ AAA: toMicros(100), BBB: toMicros(50) });
  });

  it('marks every ticker as bar by bar would, whatever the order of the tickers from one time to the next', () => {
    // The engine remembers which ticker sat at each position of the last batch; shuffled orders, new tickers and
    // positions opened between batches must never mark a bar on another ticker's position or memory.
    const TICKERS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
    const batches = fc.array(
      fc.record({
        tickers: fc.shuffledSubarray(TICKERS, { minLength: 1 }),
        moves: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 5, maxLength: 5 }),
        buy: fc.option(fc.constantFrom(...TICKERS), { nil: null }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    let opened = 0;
    fc.assert(
      fc.property(batches, (steps) => {
        const risk = scenarioRisk({ max_drawdown_pct: 1, daily_loss_limit_pct: 1, weekly_loss_limit_pct: 1 });
        const make = () => createEngine({ risk, strategies: [MODEL], initialCash: toMicros(1e6), barMs: BAR_MS });
        const batched = make();
        const single = make();
        const prices = new Map(TICKERS.map((ticker) => [ticker, 100]));
        let ts = AT;
        let fills = 0;
        for (const step of steps) {
          ts += BAR_MS;
          const bars = step.tickers.map((ticker) => {
            const price = Math.max(1, prices.get(ticker)! + step.moves[TICKERS.indexOf(ticker)]! / 10);
            prices.set(ticker, price);
            return closeOf(ticker, ts, price);
          });
          send(batched, [{ type: 'BarsClosed', ts, bars }]);
          send(single, bars);
          if (step.buy !== null && single.portfolio.marks[step.buy] !== undefined) {
            // A position opened between batches, as a fill would (the order itself is not what is tested here).
            for (const state of [batched, single]) {
              const out: EngineCommand[] = [];
              handleEvent(
                state,
                {
                  type: 'SignalReceived',
                  ts,
                  strategy: MODEL,
                  ticker: step.buy,
                  output: { signal: 1, confidence: 1, metadata: {} },
                },
                out,
              );
              for (const command of out) {
                if (command.type !== 'SubmitOrder') continue;
                handleEvent(
                  state,
                  {
                    type: 'ExecutionReported',
                    ts,
                    execution: {
                      executionId: executionId(`E${fills}`),
                      clientOrderId: command.order.clientOrderId,
                      ticker: command.order.ticker,
                      side: Side.BUY,
                      quantity: command.order.quantity,
                      price: toMicros(prices.get(command.order.ticker)!),
                      commission: toMicros(0),
                      ts,
                      correctsExecutionId: null,
                    },
                  },
                  [],
                );
              }
            }
            fills++;
            if (single.portfolio.openPositions > 0) opened++;
          }
          expect(batched.portfolio.marks).toEqual(single.portfolio.marks);
          expect(batched.portfolio.marketValue).toBe(single.portfolio.marketValue);
          expect(batched.portfolio.grossExposure).toBe(single.portfolio.grossExposure);
          expect(batched.tickers).toEqual(single.tickers);
        }
      }),
      { numRuns: 500 },
    );
    expect(opened, 'positions were open while batches marked them').toBeGreaterThan(200);
  });
});
