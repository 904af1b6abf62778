import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parseTimestamp.js';

const wall = (text: string): string | null => {
  const parsed = parseTimestamp(text);
  return parsed ? `${new Date(parsed.ms).toISOString()}${parsed.isWall ? ' wall' : ''}` : null;
};

describe('parseTimestamp', () => {
  it.each([
    ['2025-06-02 09:30:00', '2025-06-02T09:30:00.000Z wall'],
    ['2025-06-02T09:30', '2025-06-02T09:30:00.000Z wall'],
    ['2025-06-02', '2025-06-02T00:00:00.000Z wall'],
    ['2025-06-02 09:30:00.250', '2025-06-02T09:30:00.250Z wall'],
    ['20140605 04:15', '2014-06-05T04:15:00.000Z wall'],
    ['20250602 09:30:00', '2025-06-02T09:30:00.000Z wall'],
    ['2025-06-02T13:30:00.000Z', '2025-06-02T13:30:00.000Z'],
    ['2025-06-02T09:30:00-04:00', '2025-06-02T13:30:00.000Z'],
    ['2025-06-02 09:30:00+0530', '2025-06-02T04:00:00.000Z'],
    ['1748871000', '2025-06-02T13:30:00.000Z'],
    ['1748871000000', '2025-06-02T13:30:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(wall(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2025-13-01 09:30',
    '2025-02-30',
    '2025-06-02 24:00',
    '2025-06-02 09:60',
    '06/02/2025 09:30',
  ])('refuses %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});
