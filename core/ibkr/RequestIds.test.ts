import { describe, expect, it } from 'vitest';
import { FIRST_REQUEST_ID, RequestIds, isRequestId } from './RequestIds.js';

describe('RequestIds', () => {
  it('starts at one billion, counts up and wraps before 2^31 - 1', () => {
    const ids = new RequestIds();
    const near = new RequestIds(2_147_483_645);

    expect([ids.next(), ids.next()]).toEqual([1_000_000_000, 1_000_000_001]);
    expect([near.next(), near.next(), near.next()]).toEqual([2_147_483_645, 2_147_483_646, FIRST_REQUEST_ID]);
  });

  it('keeps order ids and request ids apart', () => {
    expect(isRequestId(1)).toBe(false);
    expect(isRequestId(999_999_999)).toBe(false);
    expect(isRequestId(1_000_000_000)).toBe(true);
    expect(isRequestId(2_147_483_647)).toBe(false);
    expect(() => new RequestIds(5)).toThrow(RangeError);
  });
});
