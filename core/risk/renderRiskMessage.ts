import type { RiskDetails } from './RiskDecision.js';

/** Renders a code and its details as `CODE: key=value, key=value` (text with spaces, commas or `=` is quoted). */
export function renderRiskMessage(code: string, details: Readonly<RiskDetails>): string {
  let text = code;
  let separator = ': ';
  for (const key in details) {
    text += `${separator}${key}=${renderValue(details[key]!)}`;
    separator = ', ';
  }
  return text;
}

function renderValue(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return value === '' || /[\s,=]/.test(value) ? JSON.stringify(value) : value;
}
