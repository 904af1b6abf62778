import { describe, expect, it } from 'vitest';
import { checkSessionHours } from './checkSessionHours.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, SESSION, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>) =>
  checkSessionHours(view(order, overrides), contextWith(overrides));

describe('checkSessionHours', () => {
  it('uses the calendar session 13:30-20:00 UTC for 2024-03-15', () => {
    expect([SESSION.openMs, SESSION.closeMs], '09:30 and 16:00 New York on daylight time').toEqual([
      Date.UTC(2024, 2, 15, 13, 30),
      Date.UTC(2024, 2, 15, 20, 0),
    ]);
  });

  it('lets an entry through from the open to just before the close', () => {
    expect(check({}, { ts: SESSION.openMs }), 'at the open').toBeNull();
    expect(check({}, { ts: SESSION.closeMs - 1 }), 'one ms before the close').toBeNull();
  });

  it('rejects an entry before the open, at the close and without a session', () => {
    expect(check({}, { ts: SESSION.openMs - 1 })).toEqual({
      outcome: 'REJECT',
      code: RiskCode.OUTSIDE_SESSION,
      context: { ts: SESSION.openMs - 1, openMs: SESSION.openMs, closeMs: SESSION.closeMs },
    });
    expect(check({}, { ts: SESSION.closeMs }), 'the session ends at closeMs').toMatchObject({ outcome: 'REJECT' });
    expect(check({}, { session: null }), 'no session').toMatchObject({
      outcome: 'REJECT',
      context: { openMs: null, closeMs: null },
    });
  });

  it('lets an exit through outside the session and trims a crossing order', () => {
    const overnight = { session: null, positions: { AAPL: 70 } };

    expect(check({ side: 'SELL', quantity: 70 }, overnight)).toBeNull();
    expect(check({ side: 'SELL', quantity: 100 }, overnight)).toMatchObject({ outcome: 'RESIZE', quantity: 70 });
  });
});
