import { parseTimestamp, wallFieldsToMs } from '../../core/data/parseTimestamp.js';

// Byte-level parsers for the CSV scanner. Each has a fast path for the common shape and falls back to the exact,
// general parser on anything else, so results never depend on which path ran.

const decoder = new TextDecoder();
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];
const SPACE = 0x20;
const TAB = 0x09;

/** Decodes bytes `[start, end)` as UTF-8, trimmed, without surrounding double quotes. */
export function fieldText(bytes: Uint8Array, start: number, end: number): string {
  const text = decoder.decode(bytes.subarray(start, end)).trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
}

/** Parses a decimal number text exactly like `Number`, or NaN; the empty text is NaN too. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  const value = Number(trimmed);
  // Number accepts hexadecimal and binary literals; a CSV cell with them is not a price.
  if (/^[+-]?0[xXbBoO]/.test(trimmed)) return Number.NaN;
  return value;
}

/**
 * Parses bytes `[start, end)` as a decimal number. With at most 15 significant digits and no exponent the value is
 * mantissa / 10^k, and both are exact doubles, so the one rounding of the division gives the same double as
 * `Number`; anything else goes through `Number` itself. Returns NaN for empty or unparseable text.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  let stop = end;
  while (stop > i && (bytes[stop - 1] === SPACE || bytes[stop - 1] === TAB)) stop--;
  if (i === stop) return Number.NaN;
  let negative = false;
  if (bytes[i] === 0x2d) {
    negative = true;
    i++;
  } else if (bytes[i] === 0x2b) {
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  const first = i;
  for (; i < stop; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      if (mantissa > 0 || fraction >= 0) digits++;
      if (fraction >= 0) fraction++;
    } else if (byte === 0x2e && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
  }
  const plain = i === stop && i > first && !(i === first + 1 && fraction === 0) && digits <= 15;
  if (!plain) return parseNumberText(decoder.decode(bytes.subarray(start, end)));
  const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  return negative ? -value : value;
}

const digit = (bytes: Uint8Array, at: number): number => {
  const value = bytes[at]! - 0x30;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};
const two = (bytes: Uint8Array, at: number): number => digit(bytes, at) * 10 + digit(bytes, at + 1);

/** Result slot of `parseTimeBytes`: written instead of returned to avoid an allocation per row. */
export interface TimeSlot {
  ms: number;
  isWall: boolean;
}

/**
 * Parses a timestamp field into `slot`. Fast path for `YYYY-MM-DD HH:MM[:SS]` (naive) and
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (our own output); anything else goes through `parseTimestamp`. NaN when unparseable.
 */
export function parseTimeBytes(bytes: Uint8Array, start: number, end: number, slot: TimeSlot): void {
  const length = end - start;
  if ((length === 19 || length === 16 || length === 24) && bytes[start + 4] === 0x2d && bytes[start + 13] === 0x3a) {
    const separator = bytes[start + 10];
    const zulu = length === 24 && bytes[start + 23] === 0x5a && bytes[start + 19] === 0x2e;
    if ((separator === SPACE || separator === 0x54) && bytes[start + 7] === 0x2d && (length !== 24 || zulu)) {
      const year = two(bytes, start) * 100 + two(bytes, start + 2);
      const seconds = length === 16 ? 0 : two(bytes, start + 17);
      const wall = wallFieldsToMs(
        year,
        two(bytes, start + 5),
        two(bytes, start + 8),
        two(bytes, start + 11),
        two(bytes, start + 14),
        seconds,
      );
      const millis = zulu ? digit(bytes, start + 20) * 100 + two(bytes, start + 21) : 0;
      if (!Number.isNaN(wall + millis)) {
        slot.ms = wall + millis;
        slot.isWall = !zulu;
        return;
      }
    }
  }
  const result = parseTimestamp(fieldText(bytes, start, end));
  slot.ms = result ? result.ms : Number.NaN;
  slot.isWall = result ? result.isWall : false;
}
