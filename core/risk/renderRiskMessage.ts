import type { RiskDetails } from './RiskDecision.js';

/** Renders a code and its details as `CODE: key=value, key=value` (text with spaces, commas or `=` is quoted). */
export function renderRiskMessage(code: string, details: Readonly<RiskDetails>): string {
  let text = code;
  let separator = ': ';
  for (const key in details) {
    text += separator + key + '=' + renderValue(details[key]!);
    separator = ', ';
  }
  return text;
}

// Characters beyond ASCII that `\s` matches; ASCII ones are tested by code below.
const WIDE_SPACE = /\s/;

/** One value as the message shows it: text quoted when it needs to be (see `needsQuotes`), anything else as `String`. */
export function renderValue(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

/**
 * True for empty text and text holding whitespace (as `\s`), a comma or `=`. A loop over char codes: every risk
 * decision is rendered, and a regular expression call per value cost more than the rest of the rendering.
 */
function needsQuotes(value: string): boolean {
  if (value.length === 0) return true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20 || code === 0x2c || code === 0x3d || (code >= 0x09 && code <= 0x0d)) return true;
    if (code > 0x7f && WIDE_SPACE.test(value.charAt(i))) return true;
  }
  return false;
}
