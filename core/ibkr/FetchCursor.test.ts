import { describe, expect, it } from 'vitest';
import { emptyCursor, isCovered, parseCursor, withCovered, withPending } from './FetchCursor.js';

describe('FetchCursor', () => {
  it('merges overlapping and touching spans and keeps gaps apart', () => {
    let cursor = emptyCursor('ibkr-5m', 'AAPL', '5m', true);

    cursor = withCovered(cursor, 100, 200);
    cursor = withCovered(cursor, 300, 400);
    cursor = withCovered(cursor, 200, 250);
    cursor = withCovered(cursor, 390, 500);

    expect(cursor.covered).toEqual([
      [100, 250],
      [300, 500],
    ]);
    expect(isCovered(cursor, 120, 250)).toBe(true);
    expect(isCovered(cursor, 240, 310)).toBe(false);

    cursor = withCovered(cursor, 250, 300);
    expect(cursor.covered).toEqual([[100, 500]]);
  });

  it('ignores empty spans and round-trips through JSON', () => {
    const cursor = withPending(withCovered(emptyCursor('d', 'MSFT', '5m', false), 5, 5), {
      fromMs: 10,
      toMs: 20,
      bars: 3,
    });

    const back = parseCursor(JSON.parse(JSON.stringify(cursor)), 'cursor.json');

    expect(back).toEqual({
      version: 1,
      dataset: 'd',
      ticker: 'MSFT',
      bar: '5m',
      rth: false,
      covered: [],
      pending: { fromMs: 10, toMs: 20, bars: 3 },
    });
  });

  it('names the file and the broken key', () => {
    const good = emptyCursor('d', 'AAPL', '5m', true);
    const cases: readonly [unknown, string][] = [
      [null, 'expected a JSON object'],
      [{ ...good, version: 2 }, 'version must be 1, was 2'],
      [{ ...good, ticker: 7 }, 'ticker must be a string, was 7'],
      [{ ...good, rth: 'yes' }, 'rth must be true or false, was "yes"'],
      [{ ...good, covered: [[5, 1]] }, 'covered must be a list'],
      [{ ...good, pending: [1, 2] }, 'pending must be null'],
      [{ ...good, pending: { fromMs: 1, toMs: 2, bars: 0 } }, 'pending must be null'],
    ];
    for (const [value, message] of cases) {
      expect(() => parseCursor(value, '/x/AAPL-5m.json')).toThrow(
        expect.objectContaining({
          code: 'IBKR_INVALID_CURSOR',
          message: expect.stringContaining(`/x/AAPL-5m.json: ${message}`),
        }),
      );
    }
  });
});
