import { describe, expect, it } from 'vitest';
import { formatDollars, formatMetric, formatNumber, formatPercent, formatUtc } from './format.js';

describe('report number formatting', () => {
  it('groups dollars by thousands with cents and a leading minus, whatever the machine locale', () => {
    expect(formatDollars(1234567.891)).toBe('$1,234,567.89');
    expect(formatDollars(-1234.5)).toBe('-$1,234.50');
    expect(formatDollars(999.999)).toBe('$1,000.00');
    expect(formatDollars(-0.001), 'a negative amount that rounds to zero has no minus').toBe('$0.00');
  });

  it('writes n/a for undefined numbers and a sign for infinities', () => {
    expect(formatNumber(null)).toBe('n/a');
    expect(formatPercent(Number.NaN)).toBe('n/a');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatPercent(-0.12345)).toBe('-12.35%');
  });

  it('labels known metrics and shows unknown ones by key with 4 decimals', () => {
    expect(formatMetric('max_drawdown', 0.1868)).toEqual({ label: 'Max drawdown', text: '18.68%' });
    expect(formatMetric('new_metric', 1 / 3)).toEqual({ label: 'new_metric', text: '0.3333' });
  });

  it('shortens ISO UTC times to minutes and leaves other text as it is', () => {
    expect(formatUtc('2024-01-02T14:30:00.000Z')).toBe('2024-01-02 14:30');
    expect(formatUtc('2024-01-02T14:30Z')).toBe('2024-01-02 14:30');
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});
