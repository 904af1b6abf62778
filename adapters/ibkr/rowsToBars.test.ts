import { describe, expect, it } from 'vitest';
import { rowsToBars } from './rowsToBars.js';

const row = (time: string, open: number, high: number, low: number, close: number, volume: number) => ({
  time,
  open,
  high,
  low,
  close,
  volume,
});
const FROM = Date.parse('2025-01-02T14:30:00Z');
const TO = Date.parse('2025-01-02T21:00:00Z');

describe('rowsToBars', () => {
  it('reads formatDate 2 epoch seconds as the bar start in UTC ms and sorts', () => {
    const result = rowsToBars(
      'AAPL',
      [row('1735828500', 10, 11, 9, 10.5, 1200), row('1735828200', 10, 10.2, 9.8, 10, -1)],
      FROM,
      TO,
    );

    expect(result.bars).toEqual([
      { ticker: 'AAPL', ts: Date.parse('2025-01-02T14:30:00Z'), open: 10, high: 10.2, low: 9.8, close: 10, volume: -1 },
      { ticker: 'AAPL', ts: Date.parse('2025-01-02T14:35:00Z'), open: 10, high: 11, low: 9, close: 10.5, volume: 1200 },
    ]);
    expect(result.quarantined).toEqual([]);
    expect(result.outside).toBe(0);
  });

  it('sets aside bad rows with a reason, counts rows outside the chunk, keeps the first of a repeated start', () => {
    const result = rowsToBars(
      'AAPL',
      [
        row('20250102 09:30:00', 10, 11, 9, 10, 5),
        row('1735828200', 10, 9, 11, 10, 5),
        row('1735828200', 10, 11, 9, 10, 5),
        row('1735828200', 10, 12, 9, 10, 7),
        row('1735851600', 10, 11, 9, 10, 5),
        row('1735828140', 10, 11, 9, 10, 5),
      ],
      FROM,
      TO,
    );

    expect(result.quarantined.map((r) => r.reason)).toEqual(['BAD_TIMESTAMP', 'HIGH_BELOW_LOW', 'DUPLICATE_TIMESTAMP']);
    expect(result.quarantined[0]!.raw).toBe('20250102 09:30:00,10,11,9,10,5');
    expect(result.bars.map((bar) => bar.high)).toEqual([11]);
    expect(result.outside).toBe(2);
  });
});
