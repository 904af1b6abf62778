import { describe, expect, it } from 'vitest';
import { classConfidence, classSignal, mapClassRows, mapRegressionRows, regressionSignal } from './mapSignals.js';

// Expected values are worked out by hand from the formulas in README.md:
// signal = P(long) - P(short); confidence = (p_max - 1/k) / (1 - 1/k); regression signal = clip(x / scale, -1, 1).
const layout = { k: 3, short: 0, long: 2 };

describe('classification mapping', () => {
  it('gives P(long) - P(short) and the rescaled winning probability', () => {
    const rows = new Float32Array([0.2, 0.3, 0.5, 0.7, 0.2, 0.1, 1 / 3, 1 / 3, 1 / 3, 0, 0, 1]);
    const signal = new Float64Array(4);
    const confidence = new Float64Array(4);

    mapClassRows(rows, 4, layout, signal, confidence);

    expect(signal[0]).toBeCloseTo(0.3, 6);
    expect(confidence[0], '(0.5 - 1/3) / (2/3)').toBeCloseTo(0.25, 6);
    expect(signal[1]).toBeCloseTo(-0.6, 6);
    expect(confidence[1], '(0.7 - 1/3) / (2/3)').toBeCloseTo(0.55, 6);
    expect(signal[2], 'a uniform guess has no direction').toBeCloseTo(0, 6);
    expect(confidence[2], 'a uniform guess has no confidence').toBeCloseTo(0, 6);
    expect(signal[3]).toBe(1);
    expect(confidence[3]).toBe(1);
  });

  it('reads the long and short columns where the layout puts them', () => {
    expect(classSignal([0.6, 0.1, 0.3], 0, { k: 3, long: 0, short: 2 })).toBeCloseTo(0.3, 12);
    expect(classSignal([9, 9, 0.6, 0.1, 0.3], 2, { k: 3, long: 0, short: 2 })).toBeCloseTo(0.3, 12);
  });

  it('maps a binary model: p_max 0.75 of two classes is confidence 0.5', () => {
    expect(classConfidence([0.25, 0.75], 0, 2)).toBeCloseTo(0.5, 12);
    expect(classSignal([0.25, 0.75], 0, { k: 2, short: 0, long: 1 })).toBeCloseTo(0.5, 12);
  });

  it('keeps results in range when float32 probabilities sum a little above one', () => {
    const probabilities = new Float32Array([0, 0, 1.0000001]);

    expect(classConfidence(probabilities, 0, 3)).toBe(1);
    expect(classSignal([-1e-9, 0, 1.0000001], 0, layout)).toBe(1);
  });

  it('writes into the output starting at the given row', () => {
    const signal = new Float64Array(3).fill(7);
    const confidence = new Float64Array(3).fill(7);

    mapClassRows([0.1, 0.1, 0.8], 1, layout, signal, confidence, 2);

    expect([...signal.subarray(0, 2)], 'rows before the offset are untouched').toEqual([7, 7]);
    expect(signal[2]).toBeCloseTo(0.7, 12);
    expect(confidence[2]).toBeCloseTo(0.7, 12);
  });

  it('lets NaN through instead of hiding a broken output', () => {
    expect(classSignal([Number.NaN, 0.5, 0.5], 0, layout)).toBeNaN();
  });
});

describe('regression mapping', () => {
  it('divides by the scale, clips to [-1, 1] and uses |signal| as confidence', () => {
    const signal = new Float64Array(4);
    const confidence = new Float64Array(4);

    mapRegressionRows(new Float32Array([0.002, -0.001, 0.01, -0.5]), 4, 0.004, signal, confidence);

    expect(signal[0]).toBeCloseTo(0.5, 6);
    expect(signal[1]).toBeCloseTo(-0.25, 6);
    expect(confidence[1]).toBeCloseTo(0.25, 6);
    expect(signal[2], 'clipped at +1').toBe(1);
    expect(signal[3], 'clipped at -1').toBe(-1);
    expect(confidence[3]).toBe(1);
  });

  it('gives zero for a zero prediction', () => {
    expect(regressionSignal(0, 0.003)).toBe(0);
  });
});
