import { describe, expect, it } from 'vitest';
import { positionQuantity } from '../portfolio/index.js';
import { AT, BAR_MS, orderOf, scenario, submitted } from './engineTestKit.js';

// Audit: a kill switch engaged with `flatten` must close the positions even when a working order of the other
// direction has to be cancelled first (the engine sends nothing new until the broker confirms a cancel).

/** $100,000 account, AAA at $100; a signal of 1 targets 10% of equity = 100 shares, of which 40 fill. */
function engineWithPartialEntry() {
  const run = scenario();
  run.bar(AT);
  const entry = orderOf(run.signal(AT, 'AAA', 1));
  // 40 of the 100 shares fill; 60 are still working when the operator pulls the switch.
  run.fill(entry, AT + 1_000, 40);
  return Object.assign(run, { entry });
}

const kill = (flatten: boolean, engaged = true) =>
  ({ type: 'KillSwitchSet', ts: AT + 2_000, engaged, reason: 'operator', flatten }) as const;

describe('kill switch with flatten', () => {
  it('closes a partly filled position once the cancel of its working rest is confirmed', () => {
    const run = engineWithPartialEntry();
    expect(run.entry, 'the entry: buy 100 shares of AAA').toMatchObject({ side: 'BUY', quantity: 100 });

    const onKill = run.send(kill(true));
    run.cancelled(run.entry, AT + 3_000);
    run.restore();
    const nextBar = run.bar(AT + BAR_MS);

    expect(
      onKill.filter((command) => command.type === 'CancelOrder'),
      'the 60 working shares point the wrong way: cancelled first',
    ).toHaveLength(1);
    expect(submitted(onKill), 'nothing new until the broker confirms the cancel').toEqual([]);
    expect(positionQuantity(run.engine.portfolio, 'AAA'), '40 filled shares still held').toBe(40);
    expect(submitted(nextBar), 'the standing flatten sells the 40 shares at the next bar').toMatchObject([
      { side: 'SELL', quantity: 40, purpose: 'FLATTEN' },
    ]);
  });

  it('stops flattening once the kill switch is released', () => {
    const run = engineWithPartialEntry();
    run.send(kill(true));
    run.cancelled(run.entry, AT + 3_000);

    run.send({ ...kill(false, false), ts: AT + 4_000 });
    const nextBar = run.bar(AT + BAR_MS);

    expect(submitted(nextBar), 'released: the 40 shares are the strategy’s again').toEqual([]);
  });

  it('does not flatten on later bars when the switch was engaged without flatten', () => {
    const run = engineWithPartialEntry();
    run.send(kill(false));
    run.cancelled(run.entry, AT + 3_000);

    const nextBar = run.bar(AT + BAR_MS);

    expect(submitted(nextBar), 'no flatten asked: the 40 shares are held').toEqual([]);
  });
});
