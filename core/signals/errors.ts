import { AppError } from '../AppError.js';

/** Error codes of signal handling. */
export const SignalErrorCode = {
  SIGNAL_INVALID_OUTPUT: 'SIGNAL_INVALID_OUTPUT',
  SIGNAL_INVALID_ENSEMBLE: 'SIGNAL_INVALID_ENSEMBLE',
} as const;
export type SignalErrorCode = (typeof SignalErrorCode)[keyof typeof SignalErrorCode];

/** A model produced a signal or confidence outside its range, or NaN. */
export class InvalidSignalOutputError extends AppError {
  readonly field: 'signal' | 'confidence';
  readonly value: unknown;

  constructor(field: 'signal' | 'confidence', expected: string, value: unknown) {
    super(SignalErrorCode.SIGNAL_INVALID_OUTPUT, `signal output: ${field} must be ${expected}, was ${String(value)}`);
    this.field = field;
    this.value = value;
  }
}

/** An ensemble cannot be combined: no members, a negative or non-finite weight, or all weights zero. */
export class InvalidEnsembleError extends AppError {
  constructor(detail: string) {
    super(SignalErrorCode.SIGNAL_INVALID_ENSEMBLE, `ensemble: ${detail}`);
  }
}
