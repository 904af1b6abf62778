import { describe, expect, it } from 'vitest';

import {
  holidayOn,
  holidaysOf,
  isEarlyClose,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  sessionContaining,
  sessionOn,
  sessionsBetween,
} from './nyseCalendar.js';
import { weekdayOf } from './timezone.js';

const HOUR_MS = 3_600_000;

// Full-day closures as published by NYSE (nyse.com/markets/hours-calendars), including the national day of
// mourning for President Carter on 2025-01-09.
const PUBLISHED_HOLIDAYS: Readonly<Record<number, readonly number[]>> = {
  2021: [20210101, 20210118, 20210215, 20210402, 20210531, 20210705, 20210906, 20211125, 20211224],
  2022: [20220117, 20220221, 20220415, 20220530, 20220620, 20220704, 20220905, 20221124, 20221226],
  2023: [20230102, 20230116, 20230220, 20230407, 20230529, 20230619, 20230704, 20230904, 20231123, 20231225],
  2024: [20240101, 20240115, 20240219, 20240329, 20240527, 20240619, 20240704, 20240902, 20241128, 20241225],
  2025: [20250101, 20250109, 20250120, 20250217, 20250418, 20250526, 20250619, 20250704, 20250901, 20251127, 20251225],
  2026: [20260101, 20260119, 20260216, 20260403, 20260525, 20260619, 20260703, 20260907, 20261126, 20261225],
  2027: [20270101, 20270118, 20270215, 20270326, 20270531, 20270618, 20270705, 20270906, 20271125, 20271224],
};

// Published 13:00 early closes.
const PUBLISHED_EARLY_CLOSES: Readonly<Record<number, readonly number[]>> = {
  2023: [20230703, 20231124],
  2024: [20240703, 20241129, 20241224],
  2025: [20250703, 20251128, 20251224],
  2026: [20261127, 20261224],
};

function earlyClosesOf(year: number): number[] {
  return sessionsBetween(year * 10_000 + 101, year * 10_000 + 1231)
    .filter((session) => session.earlyClose)
    .map((session) => session.day);
}

describe('holidaysOf', () => {
  for (const [year, expected] of Object.entries(PUBLISHED_HOLIDAYS)) {
    it(`matches the published NYSE holidays of ${year}`, () => {
      const holidays = [...holidaysOf(Number(year)).keys()].sort((a, b) => a - b);

      expect(holidays).toEqual(expected);
    });
  }

  it('falls only on weekdays from 2000 to 2040', () => {
    const weekendHolidays: number[] = [];

    for (let year = 2000; year <= 2040; year++) {
      for (const day of holidaysOf(year).keys()) if (weekdayOf(day) > 4) weekendHolidays.push(day);
    }

    expect(weekendHolidays).toEqual([]);
  });

  it('does not observe New Year on the Friday before when January 1 is a Saturday', () => {
    expect(isTradingDay(20211231), '2022-01-01 was a Saturday and 2021-12-31 a normal session').toBe(true);
    expect(isTradingDay(20271231), '2028-01-01 is a Saturday and 2027-12-31 a normal session').toBe(true);
    expect(holidaysOf(2022).has(20220103), 'no Monday substitute either').toBe(false);
  });

  it('observes New Year on the Monday after when January 1 is a Sunday', () => {
    expect(holidayOn(20230102)).toBe("New Year's Day");
  });

  it('names the special closures', () => {
    expect(holidayOn(20250109)).toBe('Day of mourning for Jimmy Carter');
    expect(holidayOn(20121029)).toBe('Hurricane Sandy');
    expect(holidayOn(20010911)).toBe('September 11 attacks');
  });

  it('gives null for an ordinary day and for a weekend', () => {
    expect(holidayOn(20250110)).toBeNull();
    expect(holidayOn(20250111)).toBeNull();
  });
});

describe('early closes', () => {
  for (const [year, expected] of Object.entries(PUBLISHED_EARLY_CLOSES)) {
    it(`matches the published 13:00 closes of ${year}`, () => {
      expect(earlyClosesOf(Number(year))).toEqual(expected);
    });
  }

  it('keeps 2026-07-02 a full day when Independence Day is observed on Friday July 3', () => {
    const session = sessionOn(20260702);

    expect(session?.earlyClose).toBe(false);
    expect(isEarlyClose(20260702)).toBe(false);
    expect(session?.closeMs).toBe(Date.UTC(2026, 6, 2, 20));
  });

  it('closes at 13:00 New York time, in summer and in winter', () => {
    const july = sessionOn(20250703);
    const november = sessionOn(20251128);

    expect(july?.closeMs).toBe(Date.UTC(2025, 6, 3, 17));
    expect(november?.closeMs).toBe(Date.UTC(2025, 10, 28, 18));
  });

  it('is never reported for a holiday or a weekend', () => {
    expect(isEarlyClose(20260703)).toBe(false);
    expect(isEarlyClose(20211224)).toBe(false);
    expect(isEarlyClose(20231224)).toBe(false);
  });
});

describe('sessionOn', () => {
  it('gives null on weekends and holidays', () => {
    expect(sessionOn(20250111)).toBeNull();
    expect(sessionOn(20250112)).toBeNull();
    expect(sessionOn(20250109)).toBeNull();
    expect(sessionOn(20251225)).toBeNull();
  });

  it('opens at 09:30 New York time across the March daylight-saving change', () => {
    const friday = sessionOn(20250307);
    const monday = sessionOn(20250310);

    expect(friday?.openMs).toBe(Date.UTC(2025, 2, 7, 14, 30));
    expect(friday?.closeMs).toBe(Date.UTC(2025, 2, 7, 21));
    expect(monday?.openMs).toBe(Date.UTC(2025, 2, 10, 13, 30));
    expect(monday?.closeMs).toBe(Date.UTC(2025, 2, 10, 20));
  });

  it('opens at 09:30 New York time across the November daylight-saving change', () => {
    const friday = sessionOn(20251031);
    const monday = sessionOn(20251103);

    expect(friday?.openMs).toBe(Date.UTC(2025, 9, 31, 13, 30));
    expect(monday?.openMs).toBe(Date.UTC(2025, 10, 3, 14, 30));
  });

  it('lasts 6.5 hours on a normal day and 3.5 hours on an early close, every day from 2000 to 2030', () => {
    const wrong = sessionsBetween(20000101, 20301231).filter(
      (session) => session.closeMs - session.openMs !== (session.earlyClose ? 3.5 : 6.5) * HOUR_MS,
    );

    expect(wrong).toEqual([]);
  });
});

describe('sessionsBetween', () => {
  it('counts 250 sessions in 2023, 252 in 2024, 250 in 2025 and 251 in 2026', () => {
    expect(sessionsBetween(20230101, 20231231)).toHaveLength(250);
    expect(sessionsBetween(20240101, 20241231)).toHaveLength(252);
    expect(sessionsBetween(20250101, 20251231)).toHaveLength(250);
    expect(sessionsBetween(20260101, 20261231)).toHaveLength(251);
  });

  it('includes both ends and returns days in order', () => {
    const days = sessionsBetween(20250102, 20250110).map((session) => session.day);

    expect(days).toEqual([20250102, 20250103, 20250106, 20250107, 20250108, 20250110]);
  });

  it('is empty when the end comes before the start', () => {
    expect(sessionsBetween(20250110, 20250102)).toEqual([]);
  });
});

describe('sessionContaining', () => {
  it('includes the open and excludes the close', () => {
    const session = sessionOn(20250310);

    expect(sessionContaining(Date.UTC(2025, 2, 10, 13, 30))).toBe(session);
    expect(sessionContaining(Date.UTC(2025, 2, 10, 19, 59, 59))).toBe(session);
    expect(sessionContaining(Date.UTC(2025, 2, 10, 20))).toBeNull();
    expect(sessionContaining(Date.UTC(2025, 2, 10, 13, 29, 59))).toBeNull();
  });

  it('ends an early-close session at 13:00', () => {
    expect(sessionContaining(Date.UTC(2025, 11, 24, 17, 59))).not.toBeNull();
    expect(sessionContaining(Date.UTC(2025, 11, 24, 18))).toBeNull();
  });

  it('gives null during a holiday and a weekend', () => {
    expect(sessionContaining(Date.UTC(2025, 0, 9, 15))).toBeNull();
    expect(sessionContaining(Date.UTC(2025, 0, 11, 15))).toBeNull();
  });
});

describe('nextTradingDay and previousTradingDay', () => {
  it('skip weekends, holidays and the Carter closure', () => {
    expect(nextTradingDay(20250703)).toBe(20250707);
    expect(nextTradingDay(20241231)).toBe(20250102);
    expect(nextTradingDay(20250417)).toBe(20250421);
    expect(previousTradingDay(20250110)).toBe(20250108);
    expect(previousTradingDay(20250102)).toBe(20241231);
  });

  it('move strictly, even from a trading day', () => {
    expect(nextTradingDay(20250107)).toBe(20250108);
    expect(previousTradingDay(20250108)).toBe(20250107);
  });
});
