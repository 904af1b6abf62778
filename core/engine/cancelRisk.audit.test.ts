import { describe, expect, it } from 'vitest';
import { openPositionCount } from '../portfolio/index.js';
import type { EngineCommand, LogRecord } from '../trading/commands.js';
import { strategyId } from '../trading/ids.js';
import { AT, orderOf, scenario, scenarioRisk } from './engineTestKit.js';

// Audit: the risk checks count working orders as if filled, so a working exit frees its ticker's share of every
// limit before it fills. Cancelling that exit puts the position back, and the engine cancelled without asking the
// risk manager: with `max_positions: 2`, holding AAA and BBB, an exit of AAA let CCC in as the second position;
// cancelling the exit then left three positions open, a limit no order ever checked.

/** $100,000 account, every ticker at $100; a signal of 1 targets 10% of equity = 100 shares; at most 2 positions. */
function engineHoldingTwo() {
  const run = scenario(scenarioRisk({ max_positions: 2 }));
  for (const ticker of ['AAA', 'BBB', 'CCC']) run.bar(AT, ticker);
  run.fill(orderOf(run.signal(AT, 'AAA', 1)), AT + 1_000);
  run.fill(orderOf(run.signal(AT, 'BBB', 1)), AT + 1_000);
  const exit = orderOf(run.signal(AT + 60_000, 'AAA', 0));
  return Object.assign(run, { exit });
}

const cancels = (commands: readonly EngineCommand[]) => commands.filter((command) => command.type === 'CancelOrder');

describe('cancelling a working exit', () => {
  it('is held when the position it would put back breaks a limit', () => {
    const { engine, signal, fill, exit } = engineHoldingTwo();
    const entry = orderOf(signal(AT + 60_000, 'CCC', 1));
    fill(entry, AT + 61_000);

    const out = signal(AT + 120_000, 'AAA', 1);

    expect(exit, 'the exit of AAA').toMatchObject({ side: 'SELL', quantity: 100 });
    expect(entry, 'CCC came in while AAA was on its way out').toMatchObject({ side: 'BUY', quantity: 100 });
    expect(openPositionCount(engine.portfolio), 'AAA, BBB and CCC held until the exit fills').toBe(3);
    expect(cancels(out), 'cancelling would keep three positions with max_positions 2').toEqual([]);
    expect(
      out.find((command): command is LogRecord => command.type === 'LogRecord'),
      'the refusal is logged with the risk code',
    ).toMatchObject({
      level: 'warn',
      code: 'RISK_MAX_POSITIONS',
      context: { outcome: 'REJECT', clientOrderId: exit.clientOrderId, side: 'BUY', requestedQuantity: 100 },
    });
    expect(engine.orders.orders.get(exit.clientOrderId)!.status, 'the exit keeps working').toBe('PENDING_SUBMIT');
  });

  it('goes out when the position it puts back fits every limit', () => {
    const { signal, exit } = engineHoldingTwo();

    const out = signal(AT + 120_000, 'AAA', 1);

    expect(cancels(out), 'back to AAA and BBB: two positions').toEqual([
      { type: 'CancelOrder', ts: AT + 120_000, clientOrderId: exit.clientOrderId },
    ]);
  });
});

describe('cancelling one strategy’s entry that another strategy’s exit was netted against', () => {
  it('is held when the other strategy’s order would then stand alone beyond a limit', () => {
    // Gross exposure limit 10% of $100,000 = $10,000 = 100 shares at $100. Trend's working buy of 100 AAA fills
    // the limit; reversion's sell of 100 AAA nets against it (a reduction of the effective position, exempt);
    // trend then buys 100 BBB, which fits while AAA nets to zero. Cancelling trend's AAA buy would leave
    // reversion's sell alone: short 100 AAA plus long 100 BBB, $20,000 gross.
    const TREND = strategyId('trend');
    const REVERSION = strategyId('reversion');
    const run = scenario(scenarioRisk({ max_gross_exposure_pct: 0.1 }), [TREND, REVERSION]);
    for (const ticker of ['AAA', 'BBB']) run.bar(AT, ticker);
    const orders = [
      run.signal(AT, 'AAA', 1, TREND),
      run.signal(AT, 'AAA', -1, REVERSION),
      run.signal(AT, 'BBB', 1, TREND),
    ].map(orderOf);

    const out = run.signal(AT, 'AAA', 0, TREND);

    expect(orders, 'all three orders went out at full size').toMatchObject([
      { strategy: 'trend', side: 'BUY', quantity: 100 },
      { strategy: 'reversion', side: 'SELL', quantity: 100 },
      { strategy: 'trend', ticker: 'BBB', side: 'BUY', quantity: 100 },
    ]);
    expect(cancels(out), 'the cancel would leave $20,000 gross against a $10,000 limit').toEqual([]);
    expect(out.find((command): command is LogRecord => command.type === 'LogRecord')).toMatchObject({
      code: 'RISK_MAX_GROSS_EXPOSURE',
      context: { outcome: 'REJECT', strategy: 'trend', ticker: 'AAA', side: 'SELL', requestedQuantity: 100 },
    });
  });
});
