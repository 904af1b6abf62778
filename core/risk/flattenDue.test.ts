import { describe, expect, it } from 'vitest';
import { flattenDue } from './flattenDue.js';
import { limitsWith, MINUTE, SESSION } from './testFixtures.js';

describe('flattenDue', () => {
  const limits = limitsWith({ flatten_before_close_min: 5 });

  it('is due from 5 minutes before the close', () => {
    expect(flattenDue(SESSION.closeMs - 5 * MINUTE, SESSION, limits), '15:55 New York').toBe(true);
    expect(flattenDue(SESSION.closeMs - 5 * MINUTE - 1, SESSION, limits), '15:54:59.999').toBe(false);
  });

  it('stays due after the close for a session passed explicitly', () => {
    expect(flattenDue(SESSION.closeMs + 60 * MINUTE, SESSION, limits)).toBe(true);
  });

  it('is never due without a session or with the setting at 0', () => {
    expect(flattenDue(SESSION.closeMs - MINUTE, null, limits)).toBe(false);
    expect(flattenDue(SESSION.closeMs - MINUTE, SESSION, limitsWith({ flatten_before_close_min: 0 }))).toBe(false);
  });
});
