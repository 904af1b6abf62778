import { describe, expect, it } from 'vitest';
import { positionQuantity } from '../portfolio/index.js';
import { AT, BAR_MS, logCodes, orderOf, scenario, scenarioRisk, submitted } from './engineTestKit.js';

// The drawdown stop with `flatten_on_max_drawdown` must end flat even when its first flatten has to cancel a working
// order (nothing new is sent until the broker confirms) and equity recovers above the stop before the next bar.

/**
 * A 5% drawdown stop; a signal of 1 targets the whole equity in AAA at $100: 1,000 shares, of which 400 fill and
 * 600 are still working when the price falls to $80 (equity $92,000, 8% below the peak).
 */
function haltedWithWorkingRest() {
  const run = scenario(
    scenarioRisk(
      {
        max_position_pct: 1,
        max_gross_exposure_pct: 2,
        max_net_exposure_pct: 2,
        daily_loss_limit_pct: 0.5,
        weekly_loss_limit_pct: 0.5,
        max_drawdown_pct: 0.05,
        flatten_on_max_drawdown: true,
      },
      { base_size_pct: 1, max_size_pct: 1 },
    ),
  );
  run.bar(AT);
  const entry = orderOf(run.signal(AT, 'AAA', 1));
  run.fill(entry, AT + 1_000, 400);
  const onStop = run.bar(AT + BAR_MS, 'AAA', 80);
  run.cancelled(entry, AT + BAR_MS + 1_000);
  return Object.assign(run, { entry, onStop });
}

describe('drawdown stop with flatten', () => {
  it('closes a partly filled position after its cancel, although equity has recovered above the stop', () => {
    const run = haltedWithWorkingRest();
    expect(run.entry).toMatchObject({ side: 'BUY', quantity: 1_000 });
    expect(run.engine.tradingState).toBe('HALTED');
    expect(
      run.onStop.filter((command) => command.type === 'CancelOrder'),
      'the 600 working shares point the wrong way: cancelled first',
    ).toHaveLength(1);
    expect(submitted(run.onStop), 'nothing new until the broker confirms the cancel').toEqual([]);

    run.restore(); // the standing flatten survives a restart from the saved state
    // $99: equity $99,600, 0.4% below the peak: the drawdown is no longer breached, the stop still holds
    const next = run.bar(AT + 2 * BAR_MS, 'AAA', 99);

    expect(positionQuantity(run.engine.portfolio, 'AAA')).toBe(400);
    expect(submitted(next), 'the stop sells the 400 filled shares').toMatchObject([
      { side: 'SELL', quantity: 400, purpose: 'FLATTEN' },
    ]);
    expect(logCodes(next)).toContain('RISK_MAX_DRAWDOWN');
  });

  it('is called off when an operator resumes trading (a state no longer HALTED)', () => {
    const run = haltedWithWorkingRest();
    run.restore((saved) => {
      saved['tradingState'] = 'ACTIVE';
    });
    // the drawdown (0.4%) is under the stop: the state stays ACTIVE
    const next = run.bar(AT + 2 * BAR_MS, 'AAA', 99);

    expect(run.engine.tradingState).toBe('ACTIVE');
    expect(submitted(next), 'no flatten: the 400 shares are the strategy’s again').toEqual([]);
    expect(run.engine.drawdownFlatten).toBe(false);
  });
});
