import { describe, expect, it } from 'vitest';

import { SyntheticOptionsError } from './errors.js';
import { generateBars } from './generateBars.js';
import { DEFAULT_SYNTHETIC_SEED, SyntheticSource } from './SyntheticSource.js';

const MINUTE_MS = 60_000;
// 2025-03-10 11:00 to 2025-03-12 10:00 New York time (daylight-saving time, UTC-4).
const REQUEST = {
  tickers: ['SPY', 'AAPL'],
  startMs: Date.UTC(2025, 2, 10, 15),
  endMs: Date.UTC(2025, 2, 12, 14),
  barMs: 5 * MINUTE_MS,
};

describe('SyntheticSource', () => {
  it('returns only bars starting inside the requested range, both ends included', async () => {
    const source = new SyntheticSource();

    const { bars } = await source.fetch(REQUEST);

    for (const batch of bars.batches) {
      expect(batch.ts[0], batch.ticker).toBe(REQUEST.startMs);
      expect(batch.ts[batch.length - 1], batch.ticker).toBe(REQUEST.endMs);
      expect(batch.length, '60 bars on the 10th, 78 on the 11th, 7 on the 12th').toBe(60 + 78 + 7);
    }
  });

  it('returns the generator’s bars for the New York days of the range, labelled synthetic', async () => {
    const source = new SyntheticSource({ seed: 11 });

    const { bars } = await source.fetch(REQUEST);
    const generated = generateBars({
      tickers: REQUEST.tickers,
      startDay: 20250310,
      endDay: 20250312,
      barMs: REQUEST.barMs,
      seed: 11,
    });

    expect(bars.origin.kind).toBe('synthetic');
    expect(bars.origin).toEqual(generated.origin);
    expect(bars.batches.map((batch) => batch.ticker)).toEqual(['AAPL', 'SPY']);
    const offset = 18;
    expect(Array.from(bars.batches[0]!.close)).toEqual(
      Array.from(generated.batches[0]!.close.subarray(offset, offset + 145)),
    );
  });

  it('reports an empty quarantine with every row kept', async () => {
    const source = new SyntheticSource();

    const { bars, quarantine } = await source.fetch(REQUEST);

    expect(quarantine).toEqual({ rowsIn: 2 * 145, rowsOut: 2 * 145, rows: [], counts: {} });
    expect(bars.batches.reduce((sum, batch) => sum + batch.length, 0)).toBe(quarantine.rowsOut);
  });

  it('uses seed 7 by default and another seed when given', async () => {
    const defaultSource = new SyntheticSource();
    const seeded = new SyntheticSource({ seed: 8 });

    const first = await defaultSource.fetch(REQUEST);
    const second = await seeded.fetch(REQUEST);

    expect(defaultSource.seed).toBe(DEFAULT_SYNTHETIC_SEED);
    expect(DEFAULT_SYNTHETIC_SEED).toBe(7);
    expect(first.bars.origin.detail).toContain('seed 7,');
    expect(second.bars.batches[0]!.close).not.toEqual(first.bars.batches[0]!.close);
  });

  it('is always healthy', async () => {
    const status = await new SyntheticSource().healthcheck();

    expect(status).toEqual({ ok: true, detail: 'synthetic generator (seed 7) needs no account, files or network' });
  });

  it('rejects a reversed or non-finite range and an unsupported bar size', async () => {
    const source = new SyntheticSource();

    await expect(source.fetch({ ...REQUEST, startMs: REQUEST.endMs + 1 })).rejects.toThrow(SyntheticOptionsError);
    await expect(source.fetch({ ...REQUEST, endMs: Number.NaN })).rejects.toThrow(
      'synthetic data: fetch range must be finite with startMs <= endMs, was 1741618800000 to NaN',
    );
    await expect(source.fetch({ ...REQUEST, barMs: 60 * MINUTE_MS })).rejects.toMatchObject({
      code: 'SYNTHETIC_INVALID_OPTIONS',
    });
  });

  it('rejects a seed that is not a whole number', () => {
    expect(() => new SyntheticSource({ seed: 0.5 })).toThrow('synthetic data: seed must be a whole number, was 0.5');
  });
});
