import { describe, expect, it } from 'vitest';
import { sessionOn } from '../calendar/index.js';
import { checkEntryWindow } from './checkEntryWindow.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskLimits } from './RiskLimits.js';
import { contextWith, limitsWith, MINUTE, SESSION, view } from './testFixtures.js';

const check = (order: Parameters<typeof view>[0], overrides: Partial<RiskContext>, limits: Partial<RiskLimits> = {}) =>
  checkEntryWindow(view(order, overrides), contextWith(overrides), limitsWith(limits));

describe('checkEntryWindow', () => {
  const close = SESSION.closeMs;

  it('rejects an entry from 15 minutes before the close', () => {
    const finding = check({}, { ts: close - 15 * MINUTE });

    expect(finding, '15:45 New York with no_new_entries_before_close_min: 15').toEqual({
      outcome: 'REJECT',
      code: RiskCode.NO_NEW_ENTRIES,
      context: { minutesToClose: 15, windowMinutes: 15 },
    });
  });

  it('lets an entry through one millisecond before the window', () => {
    expect(check({}, { ts: close - 15 * MINUTE - 1 })).toBeNull();
  });

  it('uses the flatten window when it is longer', () => {
    const limits = { no_new_entries_before_close_min: 5, flatten_before_close_min: 10 };

    expect(
      check({}, { ts: close - 10 * MINUTE }, limits),
      'an entry at 15:50 would outlive the 15:50 flatten',
    ).toMatchObject({
      outcome: 'REJECT',
      context: { windowMinutes: 10 },
    });
    expect(check({}, { ts: close - 10 * MINUTE - 1 }, limits)).toBeNull();
  });

  it('has no window when both settings are 0', () => {
    const limits = { no_new_entries_before_close_min: 0, flatten_before_close_min: 0 };

    expect(check({}, { ts: close - 1 }, limits)).toBeNull();
  });

  it('follows an early close', () => {
    const blackFriday = sessionOn(20241129)!;
    const session = { openMs: blackFriday.openMs, closeMs: blackFriday.closeMs };

    expect(blackFriday.closeMs, '13:00 New York on standard time = 18:00 UTC').toBe(Date.UTC(2024, 10, 29, 18, 0));
    expect(check({}, { session, ts: Date.UTC(2024, 10, 29, 17, 45) }), '12:45 New York').toMatchObject({
      outcome: 'REJECT',
    });
    expect(check({}, { session, ts: Date.UTC(2024, 10, 29, 17, 44) }), '12:44 New York').toBeNull();
  });

  it('lets an exit through inside the window and trims a crossing order', () => {
    const late = { ts: close - MINUTE, positions: { AAPL: -20 } };

    expect(check({ side: 'BUY', quantity: 20 }, late)).toBeNull();
    expect(check({ side: 'BUY', quantity: 25 }, late)).toMatchObject({ outcome: 'RESIZE', quantity: 20 });
  });

  it('leaves orders without a session to checkSessionHours', () => {
    expect(check({}, { session: null })).toBeNull();
  });
});
