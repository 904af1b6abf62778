import { describe, expect, it } from 'vitest';
import { checkOrder } from '../risk/index.js';
import { clientOrderId } from '../trading/ids.js';
import { OrderPurpose, OrderType, Side, type OrderRequest } from '../trading/types.js';
import { AT, logCodes, MODEL, orderOf, scenario, scenarioRisk, submitted } from './engineTestKit.js';
import { buildRiskContext } from './riskContext.js';

/** At most 2 positions: AAA and BBB are bought (100 shares at $100) and filled. */
function holdingTwo() {
  const run = scenario(scenarioRisk({ max_positions: 2 }));
  const signal = run.signal;
  // each signal after a bar of its ticker, so the engine knows its price
  const barThenSignal = (ts: number, ticker: string, value: number) => {
    run.bar(ts, ticker);
    return signal(ts, ticker, value);
  };
  run.fill(orderOf(barThenSignal(AT, 'AAA', 1)), AT + 1_000);
  run.fill(orderOf(barThenSignal(AT, 'BBB', 1)), AT + 1_000);
  return Object.assign(run, { signal: barThenSignal });
}

describe('entries at max positions', () => {
  it('are skipped without a refusal per signal; the pause and its end are logged once each', () => {
    const { signal, fill } = holdingTwo();

    const first = signal(AT + 60_000, 'CCC', 1);
    const second = signal(AT + 120_000, 'DDD', -1);
    const exit = signal(AT + 180_000, 'BBB', 0);
    fill(orderOf(exit), AT + 181_000);
    const resumed = signal(AT + 240_000, 'CCC', 1);

    expect(submitted(first), 'a third position is not even asked for').toEqual([]);
    expect(logCodes(first)).toEqual(['ENTRIES_PAUSED_MAX_POSITIONS']);
    expect(submitted(second)).toEqual([]);
    expect(logCodes(second), 'no refusal per signal while paused').toEqual([]);
    expect(submitted(exit), 'exits are not entries').toMatchObject([{ ticker: 'BBB', side: 'SELL', quantity: 100 }]);
    expect(logCodes(resumed)).toEqual(['ENTRIES_RESUMED', 'RISK_APPROVED']);
    expect(submitted(resumed)).toMatchObject([{ ticker: 'CCC', side: 'BUY', quantity: 100 }]);
  });

  it('counts a working entry as a position, as the risk manager does', () => {
    const { signal } = holdingTwo();
    // Sell BBB, not yet filled: the exit counts as done, so one slot is free and CCC may enter (working, unfilled).
    signal(AT + 60_000, 'BBB', 0);
    const ccc = signal(AT + 120_000, 'CCC', 1);
    const ddd = signal(AT + 180_000, 'DDD', 1);

    expect(submitted(ccc)).toHaveLength(1);
    expect(submitted(ddd), 'AAA held and CCC working: two').toEqual([]);
    expect(logCodes(ddd)).toEqual(['ENTRIES_PAUSED_MAX_POSITIONS']);
  });

  it('skips only what the risk manager would refuse: the same entry asked for is rejected at max positions', () => {
    const { engine, signal } = holdingTwo();
    signal(AT + 60_000, 'CCC', 1);
    const entry = (ticker: string): OrderRequest => ({
      clientOrderId: clientOrderId('model-99'),
      strategy: MODEL,
      ticker,
      side: Side.BUY,
      quantity: 1,
      type: OrderType.MARKET,
      limitPrice: null,
      purpose: OrderPurpose.ENTRY,
      createdTs: AT + 60_000,
    });

    expect(engine.entriesPaused).toBe(true);
    expect(checkOrder(entry('CCC'), buildRiskContext(engine, 'CCC', AT + 60_000), engine.risk.limits)).toMatchObject({
      outcome: 'REJECT',
      code: 'RISK_MAX_POSITIONS',
    });
    expect(
      checkOrder(entry('AAA'), buildRiskContext(engine, 'AAA', AT + 60_000), engine.risk.limits).outcome,
      'adding to a held ticker is no entry: not paused, and passes',
    ).toBe('APPROVE');
  });
});
