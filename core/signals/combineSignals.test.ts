import { describe, expect, it } from 'vitest';
import { combineSignals } from './combineSignals.js';
import { SignalErrorCode } from './errors.js';
import type { SignalOutput } from './SignalOutput.js';

const output = (signal: number, confidence: number, model?: string): SignalOutput => ({
  signal,
  confidence,
  metadata: model === undefined ? {} : { model },
});

describe('combineSignals', () => {
  it('takes the weighted mean of signal and of confidence', () => {
    const combined = combineSignals([
      { output: output(0.8, 0.5), weight: 3 },
      { output: output(-0.4, 1), weight: 1 },
    ]);

    expect(combined.signal, '(3 x 0.8 + 1 x -0.4) / 4 = 2.0 / 4').toBeCloseTo(0.5, 12);
    expect(combined.confidence, '(3 x 0.5 + 1 x 1) / 4 = 2.5 / 4').toBeCloseTo(0.625, 12);
  });

  it('returns a single member unchanged in value', () => {
    const combined = combineSignals([{ output: output(-0.3, 0.7), weight: 2 }]);

    expect([combined.signal, combined.confidence]).toEqual([-0.3, 0.7]);
  });

  it('ignores members of weight zero in the mean but lists them', () => {
    const combined = combineSignals([
      { output: output(1, 1), weight: 0, name: 'muted' },
      { output: output(-0.2, 0.4), weight: 5, name: 'live' },
    ]);

    expect([combined.signal, combined.confidence]).toEqual([-0.2, 0.4]);
    expect(combined.metadata).toMatchObject({ member_count: 2, member_0_name: 'muted', member_0_weight: 0 });
  });

  it('clamps a sum that rounding pushes past the range', () => {
    const combined = combineSignals([
      { output: output(1, 1), weight: 0.1 },
      { output: output(1, 1), weight: 0.6 },
      { output: output(1, 1), weight: 0.2 },
    ]);

    expect(combined.signal, '0.1/0.9 + 0.6/0.9 + 0.2/0.9 sums to 1.0000000000000002 in doubles').toBe(1);
    expect(combined.confidence).toBe(1);
  });

  it('lists every member in the metadata', () => {
    const combined = combineSignals([
      { output: output(0.5, 0.9, 'lightgbm_v3'), weight: 2 },
      { output: output(-1, 0.2), weight: 1 },
      { output: output(0, 0.5, 'ignored_model_name'), weight: 1, name: 'rule_sma' },
    ]);

    expect(combined.metadata).toEqual({
      method: 'weighted_mean',
      member_count: 3,
      member_0_name: 'lightgbm_v3',
      member_0_weight: 2,
      member_0_signal: 0.5,
      member_0_confidence: 0.9,
      member_1_name: 'member_1',
      member_1_weight: 1,
      member_1_signal: -1,
      member_1_confidence: 0.2,
      member_2_name: 'rule_sma',
      member_2_weight: 1,
      member_2_signal: 0,
      member_2_confidence: 0.5,
    });
  });

  it.each([
    [[], 'ensemble: needs at least one member, was empty'],
    [[{ output: output(0.5, 0.5), weight: -1 }], 'ensemble: weight of member_0 must be finite and >= 0, was -1'],
    [[{ output: output(0.5, 0.5, 'm'), weight: Number.NaN }], 'ensemble: weight of m must be finite and >= 0, was NaN'],
    [
      [{ output: output(0.5, 0.5), weight: Number.POSITIVE_INFINITY }],
      'ensemble: weight of member_0 must be finite and >= 0, was Infinity',
    ],
    [
      [
        { output: output(0.5, 0.5), weight: 0 },
        { output: output(0.1, 0.5), weight: 0 },
      ],
      'ensemble: at least one weight must be > 0, all 2 were 0',
    ],
  ])('throws SIGNAL_INVALID_ENSEMBLE for bad weights (%#)', (members, message) => {
    expect(() => combineSignals(members)).toThrow(
      expect.objectContaining({ code: SignalErrorCode.SIGNAL_INVALID_ENSEMBLE, message }),
    );
  });

  it('throws SIGNAL_INVALID_OUTPUT for a member with a NaN signal', () => {
    const members = [
      { output: output(0.5, 0.5), weight: 1 },
      { output: output(Number.NaN, 0.5), weight: 1 },
    ];

    expect(() => combineSignals(members)).toThrow(
      expect.objectContaining({ code: SignalErrorCode.SIGNAL_INVALID_OUTPUT }),
    );
  });
});
