import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskConfigSchema, type RiskConfig } from '../../config/risk.js';
import { toMicros, type Micros } from '../money/money.js';
import { SizingErrorCode } from './errors.js';
import { targetQuantity, type SizingInput } from './targetQuantity.js';

type Sizing = RiskConfig['sizing'];

const defaults = RiskConfigSchema.parse({}).sizing;

const sizingWith = (
  overrides: Partial<Sizing> = {},
  volatility: Partial<Sizing['volatility_target']> = {},
): Sizing => ({
  ...defaults,
  ...overrides,
  volatility_target: { ...defaults.volatility_target, ...volatility },
});

const input = (overrides: Partial<SizingInput> = {}): SizingInput => ({
  signal: 1,
  confidence: 1,
  price: toMicros(25),
  equity: toMicros(100_000),
  sizing: sizingWith(),
  volatility: null,
  barsPerYear: 10_000,
  ...overrides,
});

describe('targetQuantity', () => {
  it('sizes equity x base_size_pct x |signal| x confidence in whole shares', () => {
    const quantity = targetQuantity(input({ signal: 0.5, confidence: 0.8 }));

    expect(quantity, '100,000 x 0.02 x 0.5 x 0.8 = $800; 800 / 25 = 32 shares').toBe(32);
  });

  it('gives the sign of the signal to the shares', () => {
    const quantity = targetQuantity(input({ signal: -0.5, confidence: 0.8 }));

    expect(quantity, '$800 short at $25 = -32 shares').toBe(-32);
  });

  it('truncates a fraction of a share towards zero', () => {
    const long = targetQuantity(input({ price: toMicros(30), sizing: sizingWith({ base_size_pct: 0.01 }) }));
    const short = targetQuantity(
      input({ signal: -1, price: toMicros(30), sizing: sizingWith({ base_size_pct: 0.01 }) }),
    );

    expect(long, '100,000 x 0.01 = $1,000; 1000 / 30 = 33.3 -> 33').toBe(33);
    expect(short, '-33.3 -> -33, not -34').toBe(-33);
  });

  it('caps the value at max_size_pct of equity', () => {
    const quantity = targetQuantity(input({ price: toMicros(30), sizing: sizingWith({ base_size_pct: 0.1 }) }));

    expect(quantity, '$10,000 capped at 100,000 x 0.05 = $5,000; 5000 / 30 = 166.7 -> 166').toBe(166);
  });

  it('returns zero for a zero signal or zero confidence, never minus zero', () => {
    expect(Object.is(targetQuantity(input({ signal: 0 })), 0), 'signal 0').toBe(true);
    expect(Object.is(targetQuantity(input({ signal: -1, confidence: 0 })), 0), 'short with confidence 0').toBe(true);
  });

  it('returns zero when equity is zero or negative', () => {
    expect(targetQuantity(input({ equity: 0 as Micros }))).toBe(0);
    expect(targetQuantity(input({ equity: toMicros(-5_000) }))).toBe(0);
  });

  it('returns zero when the whole shares are worth less than min_order_value', () => {
    const sizing = sizingWith({ base_size_pct: 0.0015, min_order_value: 130 });

    const below = targetQuantity(input({ price: toMicros(60), sizing }));
    const atMinimum = targetQuantity(input({ price: toMicros(60), sizing: { ...sizing, min_order_value: 120 } }));

    expect(below, '100,000 x 0.0015 = $150 -> 2 shares at $60 = $120 < $130').toBe(0);
    expect(atMinimum, '2 shares = $120, exactly the $120 minimum, is sent').toBe(2);
  });

  it('returns zero when the value does not buy one share', () => {
    const quantity = targetQuantity(input({ price: toMicros(900), sizing: sizingWith({ min_order_value: 0 }) }));

    expect(quantity, '$2,000 / $900 = 2.2 -> 2; at $2,500 a share it would be 0').toBe(2);
    expect(targetQuantity(input({ price: toMicros(2_500), sizing: sizingWith({ min_order_value: 0 }) }))).toBe(0);
  });

  describe('with volatility targeting', () => {
    const sizing = sizingWith({}, { enabled: true, annual_volatility: 0.15 });

    it('scales by annual_volatility / (volatility x sqrt(barsPerYear))', () => {
      const calm = targetQuantity(input({ price: toMicros(10), sizing, volatility: 0.001 }));
      const wild = targetQuantity(input({ price: toMicros(10), sizing, volatility: 0.002 }));

      expect(calm, '0.001 x sqrt(10,000) = 0.10; scale 0.15/0.10 = 1.5; $2,000 x 1.5 = $3,000 = 300 shares').toBe(300);
      expect(wild, '0.002 x 100 = 0.20; scale 0.75; $1,500 = 150 shares').toBe(150);
    });

    it('caps the scaled value at max_size_pct of equity', () => {
      const quantity = targetQuantity(input({ price: toMicros(10), sizing, volatility: 0.0005 }));

      expect(quantity, 'scale 0.15/0.05 = 3; $6,000 capped at $5,000 = 500 shares').toBe(500);
    });

    it('sizes to the cap when volatility is zero', () => {
      expect(targetQuantity(input({ price: toMicros(10), sizing, volatility: 0 }))).toBe(500);
    });

    it('holds nothing while the volatility is unknown', () => {
      expect(targetQuantity(input({ price: toMicros(10), sizing, volatility: null }))).toBe(0);
    });

    it('ignores volatility when targeting is off', () => {
      expect(targetQuantity(input({ price: toMicros(10), volatility: 0.5 })), '$2,000 / $10').toBe(200);
    });
  });

  describe('input checks', () => {
    it.each([
      [{ signal: 1.5 }, 'sizing: signal must be in [-1, 1], was 1.5'],
      [{ signal: Number.NaN }, 'sizing: signal must be in [-1, 1], was NaN'],
      [{ confidence: -0.1 }, 'sizing: confidence must be in [0, 1], was -0.1'],
      [{ confidence: Number.NaN }, 'sizing: confidence must be in [0, 1], was NaN'],
      [{ price: 0 as Micros }, 'sizing: price must be positive and finite, was 0'],
      [{ price: -1 as Micros }, 'sizing: price must be positive and finite, was -1'],
      [{ equity: Number.NaN as Micros }, 'sizing: equity must be finite, was NaN'],
    ])('throws SIZING_INVALID_INPUT for %o', (overrides, message) => {
      expect(() => targetQuantity(input(overrides))).toThrow(
        expect.objectContaining({ code: SizingErrorCode.SIZING_INVALID_INPUT, message }),
      );
    });

    it('checks volatility and barsPerYear only when volatility targeting is on', () => {
      const on = sizingWith({}, { enabled: true });

      expect(() => targetQuantity(input({ sizing: on, volatility: -0.01 }))).toThrow(
        'sizing: volatility must be non-negative and finite, or null, was -0.01',
      );
      expect(() => targetQuantity(input({ sizing: on, volatility: 0.01, barsPerYear: 0 }))).toThrow(
        'sizing: barsPerYear must be positive and finite, was 0',
      );
      expect(targetQuantity(input({ volatility: -0.01, barsPerYear: 0 })), 'off: both ignored').toBe(80);
    });
  });

  describe('properties', () => {
    const sizingArb = fc.record({
      base_size_pct: fc.double({ min: 0, max: 1, noNaN: true }),
      max_size_pct: fc.double({ min: 0, max: 1, noNaN: true }),
      min_order_value: fc.double({ min: 0, max: 10_000, noNaN: true }),
      rebalance_band_pct: fc.double({ min: 0, max: 1, noNaN: true }),
      volatility_target: fc.record({
        enabled: fc.boolean(),
        annual_volatility: fc.double({ min: 0.01, max: 1, noNaN: true }),
        lookback_bars: fc.constant(20),
      }),
    });
    const inputArb = fc.record({
      signal: fc.double({ min: -1, max: 1, noNaN: true }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      price: fc.integer({ min: 10_000, max: 10_000_000_000 }).map((value) => value as Micros),
      equity: fc.integer({ min: -1_000_000_000, max: 10_000_000_000_000 }).map((value) => value as Micros),
      sizing: sizingArb,
      volatility: fc.option(fc.double({ min: 0, max: 0.1, noNaN: true })),
      barsPerYear: fc.double({ min: 1, max: 100_000, noNaN: true }),
    });

    it('never holds more than max_size_pct of equity', () => {
      fc.assert(
        fc.property(inputArb, (sized) => {
          const shares = targetQuantity(sized);

          expect(Number.isInteger(shares)).toBe(true);
          expect(Math.abs(shares * sized.price)).toBeLessThanOrEqual(
            Math.max(0, sized.sizing.max_size_pct * sized.equity),
          );
        }),
        { numRuns: 2_000 },
      );
    });

    it('gives the shares the sign of the signal', () => {
      fc.assert(
        fc.property(inputArb, (sized) => {
          const shares = targetQuantity(sized);

          expect(shares === 0 || Math.sign(shares) === Math.sign(sized.signal)).toBe(true);
        }),
        { numRuns: 2_000 },
      );
    });

    it('is monotone in |signal| and in confidence', () => {
      const pair = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
      fc.assert(
        fc.property(inputArb, pair, pair, fc.boolean(), (sized, [s1, s2], [c1, c2], short) => {
          const sign = short ? -1 : 1;
          const [sLow, sHigh] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const [cLow, cHigh] = c1 <= c2 ? [c1, c2] : [c2, c1];

          const low = Math.abs(targetQuantity({ ...sized, signal: sign * sLow, confidence: cLow }));
          const midSignal = Math.abs(targetQuantity({ ...sized, signal: sign * sHigh, confidence: cLow }));
          const high = Math.abs(targetQuantity({ ...sized, signal: sign * sHigh, confidence: cHigh }));

          expect(low, 'larger |signal|').toBeLessThanOrEqual(midSignal);
          expect(midSignal, 'larger confidence').toBeLessThanOrEqual(high);
        }),
        { numRuns: 2_000 },
      );
    });
  });
});
