import { RedisInputError, RedisValueTooLargeError } from './errors.js';

/**
 * Largest value (one hash field, one string, one stream entry's fields together) this system writes, in UTF-8
 * bytes. Redis accepts 512 MB, but hot state is small by design and one huge value would stall every other
 * client of the server while it is copied, so anything above 1 MiB is a bug and is refused before it is sent.
 */
export const MAX_VALUE_BYTES = 1024 * 1024;

/** Ticker, book, model, stream, group and consumer names: no spaces or colons, so keys parse unambiguously. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;

/** Throws REDIS_BAD_INPUT unless `name` is a usable name part of a key. */
export function checkName(what: string, name: string): string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new RedisInputError(what, '1-128 letters, digits or . _ / - (starting with a letter or digit)', name);
  }
  return name;
}

/** Throws REDIS_VALUE_TOO_LARGE when the UTF-8 size of `values` together exceeds MAX_VALUE_BYTES. */
export function checkSize(what: string, values: readonly string[]): void {
  let bytes = 0;
  for (const value of values) bytes += Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) throw new RedisValueTooLargeError(what, bytes, MAX_VALUE_BYTES);
}

/** Throws REDIS_BAD_INPUT unless `ms` is a whole, finite number of milliseconds (a time passed in by the caller). */
export function checkTime(what: string, ms: number): number {
  if (!Number.isSafeInteger(ms)) throw new RedisInputError(what, 'whole UTC epoch milliseconds', ms);
  return ms;
}
