import { describe, expect, it } from 'vitest';
import { IB_PACING_RULES, PacingScheduler, type PacingRules } from './PacingScheduler.js';

const EXACT: PacingRules = { ...IB_PACING_RULES, marginMs: 0 };

describe('PacingScheduler', () => {
  it('lets 60 requests start at once, then holds the 61st until the first leaves the 10-minute window', () => {
    const scheduler = new PacingScheduler({ ...EXACT, maxOpen: 100 });

    for (let i = 0; i < 60; i++) scheduler.start({ key: `r${i}`, contractKey: `c${i}` }, 0);

    expect(scheduler.earliestStart({ key: 'r60', contractKey: 'c60' }, 0)).toBe(600_001);
  });

  it('counts a BID_ASK request (weight 2) twice against the 10-minute window', () => {
    const scheduler = new PacingScheduler({ ...EXACT, maxOpen: 100 });
    for (let i = 0; i < 59; i++) scheduler.start({ key: `r${i}`, contractKey: `c${i}` }, i * 1_000);

    const heavy = scheduler.earliestStart({ key: 'bidask', contractKey: 'x', weight: 2 }, 59_000);
    const light = scheduler.earliestStart({ key: 'trades', contractKey: 'x' }, 59_000);

    expect(heavy).toBe(600_001);
    expect(light).toBe(59_000);
  });

  it('spaces an identical request more than 15 s after the previous one', () => {
    const scheduler = new PacingScheduler(EXACT);
    scheduler.start({ key: 'AAPL|5 mins|20250108', contractKey: 'AAPL' }, 10_000);
    scheduler.finish();

    expect(scheduler.earliestStart({ key: 'AAPL|5 mins|20250108', contractKey: 'AAPL' }, 12_000)).toBe(25_001);
    expect(scheduler.earliestStart({ key: 'AAPL|5 mins|20250115', contractKey: 'AAPL' }, 12_000)).toBe(12_000);
  });

  it('allows 5 requests per contract in 2 s and holds the 6th, while another contract goes at once', () => {
    const scheduler = new PacingScheduler(EXACT);
    for (let i = 0; i < 5; i++) scheduler.start({ key: `a${i}`, contractKey: 'AAPL' }, 100 * i);

    expect(scheduler.earliestStart({ key: 'a5', contractKey: 'AAPL' }, 400)).toBe(2_001);
    expect(scheduler.earliestStart({ key: 'm0', contractKey: 'MSFT' }, 400)).toBe(400);
  });

  it('waits for a finish when 50 requests are open', () => {
    const scheduler = new PacingScheduler(EXACT);
    for (let i = 0; i < 50; i++) scheduler.start({ key: `r${i}`, contractKey: `c${i}` }, 0);

    expect(scheduler.earliestStart({ key: 'r50', contractKey: 'c50' }, 5_000)).toBe(Infinity);
    scheduler.finish();
    expect(scheduler.open).toBe(49);
    expect(scheduler.earliestStart({ key: 'r50', contractKey: 'c50' }, 5_000)).toBe(5_000);
  });

  it('adds the margin to every time rule', () => {
    const scheduler = new PacingScheduler({ ...EXACT, marginMs: 500 });
    scheduler.start({ key: 'k', contractKey: 'c' }, 0);

    expect(scheduler.earliestStart({ key: 'k', contractKey: 'c' }, 0)).toBe(15_501);
  });

  it('holds every start during a pause', () => {
    const scheduler = new PacingScheduler(EXACT);

    scheduler.pauseUntil(90_000);

    expect(scheduler.earliestStart({ key: 'k', contractKey: 'c' }, 1_000)).toBe(90_000);
  });

  it('refuses a start the rules forbid and a clock that goes backwards', () => {
    const scheduler = new PacingScheduler(EXACT);
    scheduler.start({ key: 'k', contractKey: 'c' }, 1_000);

    expect(() => scheduler.start({ key: 'k', contractKey: 'c' }, 2_000)).toThrow(
      expect.objectContaining({ code: 'IBKR_PACING_BROKEN', message: expect.stringContaining('16001') }),
    );
    expect(() => scheduler.earliestStart({ key: 'x', contractKey: 'c' }, 500)).toThrow(/time must not go backwards/);
    expect(() => scheduler.earliestStart({ key: 'x', contractKey: 'c', weight: 0 }, 3_000)).toThrow(/weight/);
  });

  it('paces 150 requests over 3 contracts within 10 s of the 1200 s the 60-per-10-minutes rule forces', () => {
    const scheduler = new PacingScheduler(EXACT);
    let now = 0;
    let last = 0;

    for (let i = 0; i < 150; i++) {
      const request = { key: `r${i}`, contractKey: `c${i % 3}` };
      now = scheduler.earliestStart(request, now);
      scheduler.start(request, now);
      scheduler.finish();
      last = now;
    }

    expect(last).toBeGreaterThan(1_200_000);
    expect(last).toBeLessThan(1_210_000);
  });
});

describe('PacingScheduler history', () => {
  it('hands its recent starts to a new scheduler, which then keeps counting them', () => {
    const before = new PacingScheduler({ ...EXACT, maxOpen: 100 });
    for (let i = 0; i < 60; i++) before.start({ key: `r${i}`, contractKey: `c${i}` }, 1_000);

    const after = new PacingScheduler({ ...EXACT, maxOpen: 100 });
    after.restore(JSON.parse(JSON.stringify(before.history())));

    expect(after.open).toBe(0);
    expect(after.earliestStart({ key: 'new', contractKey: 'x' }, 2_000)).toBe(601_001);
    expect(after.earliestStart({ key: 'r3', contractKey: 'y' }, 700_000)).toBe(700_000);
  });
});
