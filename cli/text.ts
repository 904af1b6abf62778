/** Splits `AAPL,msft` into upper-case tickers; throws on an empty list. */
export function parseTickerList(text: string): string[] {
  const tickers = text
    .split(',')
    .map((ticker) => ticker.trim().toUpperCase())
    .filter((ticker) => ticker.length > 0);
  if (tickers.length === 0) throw new Error(`--tickers must list at least one ticker, was "${text}"`);
  return [...new Set(tickers)];
}

/** Splits a comma-separated list of names (features, targets); undefined stays undefined. */
export function parseNameList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** `1234.5` ms as `1.23 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A percentage option such as `--max-quarantine-pct 5`: a number from 0 to 100 (NaN would disable the limit). */
export function parsePercentOption(option: string, text: string): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!(value >= 0 && value <= 100)) throw new Error(`${option} must be a number from 0 to 100, was "${text}"`);
  return value;
}

/** A count option such as `--limit 50`: a whole number of at least 1. */
export function parseCountOption(option: string, text: string): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} must be a whole number >= 1, was "${text}"`);
  return value;
}
