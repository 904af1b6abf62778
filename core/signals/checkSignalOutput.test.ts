import { describe, expect, it } from 'vitest';
import { checkSignalOutput } from './checkSignalOutput.js';
import { SignalErrorCode } from './errors.js';
import type { SignalOutput } from './SignalOutput.js';

const output = (signal: number, confidence: number): SignalOutput => ({ signal, confidence, metadata: {} });

describe('checkSignalOutput', () => {
  it('returns an output whose values sit on the edges of their ranges', () => {
    const edges = [output(-1, 0), output(1, 1), output(0, 0.5)];

    const checked = edges.map(checkSignalOutput);

    expect(checked).toEqual(edges);
  });

  it.each([
    [output(1.0001, 0.5), 'signal output: signal must be a number in [-1, 1], was 1.0001'],
    [output(-1.5, 0.5), 'signal output: signal must be a number in [-1, 1], was -1.5'],
    [output(Number.NaN, 0.5), 'signal output: signal must be a number in [-1, 1], was NaN'],
    [output(0.2, -0.01), 'signal output: confidence must be a number in [0, 1], was -0.01'],
    [output(0.2, 1.01), 'signal output: confidence must be a number in [0, 1], was 1.01'],
    [output(0.2, Number.NaN), 'signal output: confidence must be a number in [0, 1], was NaN'],
    [output(Number.POSITIVE_INFINITY, 0.5), 'signal output: signal must be a number in [-1, 1], was Infinity'],
  ])('rejects %o', (bad, message) => {
    expect(() => checkSignalOutput(bad)).toThrow(
      expect.objectContaining({ code: SignalErrorCode.SIGNAL_INVALID_OUTPUT, message }),
    );
  });

  it('rejects a signal that is not a number', () => {
    const bad = { signal: '0.5', confidence: 0.5, metadata: {} } as unknown as SignalOutput;

    expect(() => checkSignalOutput(bad)).toThrow('signal output: signal must be a number in [-1, 1], was 0.5');
  });
});
