import { InvalidSignalOutputError } from './errors.js';
import type { SignalOutput } from './SignalOutput.js';

/**
 * Checks that `signal` is a number in [-1, 1] and `confidence` a number in [0, 1] (NaN fails both) and returns
 * the output unchanged; throws `InvalidSignalOutputError` (`SIGNAL_INVALID_OUTPUT`) naming the field otherwise.
 */
export function checkSignalOutput(output: SignalOutput): SignalOutput {
  const { signal, confidence } = output;
  if (typeof signal !== 'number' || !(signal >= -1 && signal <= 1)) {
    throw new InvalidSignalOutputError('signal', 'a number in [-1, 1]', signal);
  }
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
    throw new InvalidSignalOutputError('confidence', 'a number in [0, 1]', confidence);
  }
  return output;
}
