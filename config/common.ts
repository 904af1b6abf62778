import { z } from 'zod';

/** A calendar date written as YYYY-MM-DD. */
export const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD (New York)');

/** A bar size such as 1m, 5m, 1h or 1d. */
export const BarSizeText = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'a bar size such as 1m, 5m, 15m, 1h or 1d')
  .describe('Bar size: a count and a unit (s, m, h, d), e.g. 5m');

/** True when this runtime's Intl knows the zone (the same tables the calendar code converts with). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name; checked here so a typo fails at load, naming the file and key, not at first use. */
export const TimeZoneText = z
  .string()
  .trim()
  .min(1)
  .refine(isTimeZone, 'an IANA time zone such as America/New_York or UTC');

/** An upper-case ticker symbol. */
export const Ticker = z
  .string()
  .regex(/^[A-Z][A-Z0-9.-]{0,14}$/, 'an upper-case ticker symbol such as AAPL or BRK.B')
  .describe('Ticker symbol');

/** A fraction in [0, 1]. */
export const Fraction = z.number().min(0).max(1);

/** A lower-case identifier used as a feature, target or model name. */
export const Identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case name of letters, digits and underscores');
