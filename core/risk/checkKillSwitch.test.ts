import { describe, expect, it } from 'vitest';
import { checkKillSwitch } from './checkKillSwitch.js';
import { RiskCode } from './RiskCode.js';
import { contextWith, limitsWith, view } from './testFixtures.js';

const engaged = contextWith({ killSwitch: true });

describe('checkKillSwitch', () => {
  it('has nothing to say while the switch is off', () => {
    expect(checkKillSwitch(view({ quantity: 500 }), contextWith(), limitsWith())).toBeNull();
  });

  it('rejects an entry while the operator switch is engaged', () => {
    const finding = checkKillSwitch(view({}, engaged), engaged, limitsWith());

    expect(finding).toEqual({ outcome: 'REJECT', code: RiskCode.KILL_SWITCH, context: { source: 'operator' } });
  });

  it('rejects an entry when kill_switch is set in the config', () => {
    const finding = checkKillSwitch(view(), contextWith(), limitsWith({ kill_switch: true }));

    expect(finding).toMatchObject({ outcome: 'REJECT', context: { source: 'config' } });
  });

  it('lets an exit of all or part of the position through', () => {
    const long = contextWith({ killSwitch: true, positions: { AAPL: 100 } });
    const short = contextWith({ killSwitch: true, positions: { AAPL: -50 } });

    expect(checkKillSwitch(view({ side: 'SELL', quantity: 100 }, long), long, limitsWith()), 'close 100').toBeNull();
    expect(
      checkKillSwitch(view({ side: 'SELL', quantity: 40 }, long), long, limitsWith()),
      'sell 40 of 100',
    ).toBeNull();
    expect(checkKillSwitch(view({ side: 'BUY', quantity: 50 }, short), short, limitsWith()), 'cover 50').toBeNull();
  });

  it('resizes an order that crosses through zero to the part that closes the position', () => {
    const long = contextWith({ killSwitch: true, positions: { AAPL: 100 } });

    const finding = checkKillSwitch(view({ side: 'SELL', quantity: 150 }, long), long, limitsWith());

    expect(finding, 'long 100, sell 150: the 50 beyond zero is a new short').toEqual({
      outcome: 'RESIZE',
      quantity: 100,
      code: RiskCode.KILL_SWITCH,
      context: { source: 'operator', reducingQuantity: 100 },
    });
  });

  it('counts working orders: a sell beyond what is already being sold is new risk', () => {
    const context = contextWith({ killSwitch: true, positions: { AAPL: 100 }, openOrderQuantity: { AAPL: -100 } });

    const finding = checkKillSwitch(view({ side: 'SELL', quantity: 10 }, context), context, limitsWith());

    expect(finding, 'long 100 with a working sell of 100 is flat in effect').toMatchObject({ outcome: 'REJECT' });
  });

  it('rejects adding to a position', () => {
    const long = contextWith({ killSwitch: true, positions: { AAPL: 100 } });

    expect(checkKillSwitch(view({ side: 'BUY', quantity: 1 }, long), long, limitsWith())).toMatchObject({
      outcome: 'REJECT',
    });
  });
});
