import { describe, expect, it } from 'vitest';
import { sessionsBetween } from '../calendar/nyseCalendar.js';
import { formatIbUtc, planChunks } from './planChunks.js';

const utc = (text: string): number => Date.parse(text);
const FIVE_MIN = 300_000;

describe('planChunks', () => {
  it('groups five sessions per 5-minute request and skips the 2025-01-09 closure', () => {
    const chunks = planChunks({ startDay: 20250102, endDay: 20250110, barMs: FIVE_MIN, rth: true });

    expect(chunks).toEqual([
      {
        fromMs: utc('2025-01-02T14:30:00Z'),
        toMs: utc('2025-01-08T21:00:00Z'),
        endDateTime: '20250108-21:00:00',
        duration: '5 D',
        barSetting: '5 mins',
        firstDay: 20250102,
        lastDay: 20250108,
      },
      {
        fromMs: utc('2025-01-10T14:30:00Z'),
        toMs: utc('2025-01-10T21:00:00Z'),
        endDateTime: '20250110-21:00:00',
        duration: '1 D',
        barSetting: '5 mins',
        firstDay: 20250110,
        lastDay: 20250110,
      },
    ]);
  });

  it('includes the end day: a one-day range ending 2025-12-31 asks for that session', () => {
    const chunks = planChunks({ startDay: 20251231, endDay: 20251231, barMs: FIVE_MIN, rth: true });

    expect(chunks.map((c) => [c.endDateTime, c.duration])).toEqual([['20251231-21:00:00', '1 D']]);
  });

  it('ends a chunk at 13:00 New York time on an early close and counts sessions around Christmas', () => {
    const early = planChunks({ startDay: 20251224, endDay: 20251224, barMs: FIVE_MIN, rth: true });
    const week = planChunks({ startDay: 20251222, endDay: 20251228, barMs: FIVE_MIN, rth: true });

    expect(early[0]!.endDateTime).toBe('20251224-18:00:00');
    expect(week.map((c) => [c.duration, c.endDateTime])).toEqual([['4 D', '20251226-21:00:00']]);
  });

  it('follows daylight saving time: Friday closes at 21:00 UTC, the Monday after at 20:00 UTC', () => {
    const chunks = planChunks({ startDay: 20250307, endDay: 20250310, barMs: FIVE_MIN, rth: true });

    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.fromMs).toBe(utc('2025-03-07T14:30:00Z'));
    expect(chunks[0]!.toMs).toBe(utc('2025-03-10T20:00:00Z'));
    expect(chunks[0]!.duration).toBe('2 D');
  });

  it('covers 04:00-20:00 New York time outside regular hours', () => {
    const [chunk] = planChunks({ startDay: 20250102, endDay: 20250103, barMs: FIVE_MIN, rth: false });

    expect(chunk!.fromMs).toBe(utc('2025-01-02T09:00:00Z'));
    expect(chunk!.toMs).toBe(utc('2025-01-04T01:00:00Z'));
    expect(chunk!.endDateTime).toBe('20250104-01:00:00');
  });

  it('asks for one session per 1-minute request and slices second bars inside a session', () => {
    const minute = planChunks({ startDay: 20250102, endDay: 20250103, barMs: 60_000, rth: true });
    const oneSecond = planChunks({ startDay: 20250102, endDay: 20250102, barMs: 1_000, rth: true });
    const fiveSeconds = planChunks({ startDay: 20250102, endDay: 20250102, barMs: 5_000, rth: true });
    const thirty = planChunks({ startDay: 20250102, endDay: 20250102, barMs: 30_000, rth: true });

    expect(minute.map((c) => c.duration)).toEqual(['1 D', '1 D']);
    expect(oneSecond).toHaveLength(13); // 6.5 h = 23,400 s in slices of 1,800 s
    expect(new Set(oneSecond.map((c) => c.duration))).toEqual(new Set(['1800 S']));
    expect(fiveSeconds.map((c) => c.duration)).toEqual([
      '3600 S',
      '3600 S',
      '3600 S',
      '3600 S',
      '3600 S',
      '3600 S',
      '1800 S',
    ]);
    expect(fiveSeconds[6]!.endDateTime).toBe('20250102-21:00:00');
    expect(thirty.map((c) => c.duration)).toEqual(['23400 S']);
  });

  it('plans the 250 sessions of 2025 as 50 five-day requests that tile every session exactly once', () => {
    const chunks = planChunks({ startDay: 20250101, endDay: 20251231, barMs: FIVE_MIN, rth: true });
    const sessions = sessionsBetween(20250101, 20251231);

    expect(sessions).toHaveLength(250);
    expect(chunks).toHaveLength(50);
    for (const session of sessions) {
      const holders = chunks.filter((c) => c.fromMs <= session.openMs && session.closeMs <= c.toMs);
      expect(holders, `session ${session.day}`).toHaveLength(1);
    }
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.fromMs).toBeGreaterThan(chunks[i - 1]!.toMs);
  });

  it('plans nothing for a weekend and refuses a reversed range or a bar size IB does not serve', () => {
    expect(planChunks({ startDay: 20250104, endDay: 20250105, barMs: FIVE_MIN, rth: true })).toEqual([]);
    expect(() => planChunks({ startDay: 20250110, endDay: 20250102, barMs: FIVE_MIN, rth: true })).toThrow(
      expect.objectContaining({ code: 'IBKR_INVALID_RANGE' }),
    );
    expect(() => planChunks({ startDay: 20250102, endDay: 20250102, barMs: 420_000, rth: true })).toThrow(
      expect.objectContaining({ code: 'IBKR_UNSUPPORTED_BAR_SIZE', message: expect.stringContaining('was 420 s') }),
    );
  });

  it('formats IB UTC times with a dash', () => {
    expect(formatIbUtc(utc('2026-01-02T21:00:05Z'))).toBe('20260102-21:00:05');
  });
});
