/** A parsed timestamp: epoch ms, and whether it is a naive wall-clock time still to be placed in a time zone. */
export interface ParsedTimestamp {
  /** UTC epoch ms when `isWall` is false; `Date.UTC` of the wall-clock fields when true. */
  readonly ms: number;
  readonly isWall: boolean;
}

// ISO-like: 2025-06-02, 2025-06-02 09:30, 2025-06-02T09:30:00.123, each optionally followed by Z, UTC or an offset.
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
// Compact: 20140605, 20140605 04:15, 20250602 09:30:00 (LEAN, Interactive Brokers).
const COMPACT =
  /^(\d{4})(\d{2})(\d{2})(?:[ T-]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH = /^-?\d{9,14}(?:\.\d+)?$/;

function offsetMs(text: string): number {
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `Date.UTC` of the fields, or NaN when any field is out of range (February 30, 25:00, ...). */
export function wallFieldsToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function fromMatch(match: RegExpExecArray): ParsedTimestamp | null {
  const wall = wallFieldsToMs(
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0),
  );
  if (Number.isNaN(wall)) return null;
  const fraction = match[7] === undefined ? 0 : Math.round(Number(`0.${match[7]}`) * 1000);
  const zone = match[8];
  if (zone === undefined) return { ms: wall + fraction, isWall: true };
  const offset = offsetMs(zone);
  if (Number.isNaN(offset)) return null;
  return { ms: wall + fraction - offset, isWall: false };
}

/**
 * Parses a timestamp text. Accepted: ISO-8601 dates and date-times (`2025-06-02 09:30:00`, `...T09:30:00.000Z`,
 * `...+02:00`), compact `20250602 09:30:00`, and epoch numbers (9-11 digits: seconds, 12-14 digits: ms; UTC).
 * Texts with Z, UTC or an offset are UTC instants; others are naive wall-clock times. Returns null when unparseable.
 */
export function parseTimestamp(text: string): ParsedTimestamp | null {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) {
    const value = Number(trimmed);
    const digits = trimmed.replace('-', '').split('.')[0]!.length;
    return { ms: digits >= 12 ? value : Math.round(value * 1000), isWall: false };
  }
  const match = ISO.exec(trimmed) ?? COMPACT.exec(trimmed);
  return match ? fromMatch(match) : null;
}
