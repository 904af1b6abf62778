import { describe, expect, test } from 'vitest';
import { isConnectionError, translateWriteError } from './translateError.js';

describe('isConnectionError', () => {
  test('recognises a lost connection by SQLSTATE class 08, 57P01-57P03, socket codes and pg messages', () => {
    const lost = [
      { code: '08006' },
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: 'ECONNRESET' },
      { message: 'Connection terminated unexpectedly' },
    ];

    expect(lost.map(isConnectionError)).toEqual([true, true, true, true]);
  });

  test('does not treat statement errors as connection errors', () => {
    const statement = [{ code: '23505', message: 'duplicate key' }, { code: '22P02' }, new Error('boom'), null];

    expect(statement.map(isConnectionError)).toEqual([false, false, false, false]);
  });
});

describe('translateWriteError', () => {
  test("passes errors that are not the database's through unchanged", () => {
    const error = new Error('not a driver error');

    expect(translateWriteError(error, 'fills', 3, 'somewhere')).toBe(error);
  });
});
