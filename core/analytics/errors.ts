import { AppError } from '../AppError.js';

/** Error codes of the analytics layer. */
export const AnalyticsErrorCode = {
  ANALYTICS_NON_FINITE: 'ANALYTICS_NON_FINITE',
  ANALYTICS_NONPOSITIVE_EQUITY: 'ANALYTICS_NONPOSITIVE_EQUITY',
  ANALYTICS_LENGTH_MISMATCH: 'ANALYTICS_LENGTH_MISMATCH',
  ANALYTICS_INVALID_ARGUMENT: 'ANALYTICS_INVALID_ARGUMENT',
} as const;
export type AnalyticsErrorCode = (typeof AnalyticsErrorCode)[keyof typeof AnalyticsErrorCode];

/** A metric was given input that breaks its contract (a NaN equity, arrays of different lengths, ...). */
export class AnalyticsInputError extends AppError {
  constructor(code: AnalyticsErrorCode, message: string) {
    super(code, message);
  }
}

/** Throws ANALYTICS_NON_FINITE naming the first value of `values` that is NaN or infinite. */
export function checkFinite(what: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new AnalyticsInputError(
        AnalyticsErrorCode.ANALYTICS_NON_FINITE,
        `${what}[${i}] must be a finite number, was ${values[i]}`,
      );
    }
  }
}

/** Throws ANALYTICS_INVALID_ARGUMENT unless `value` passes `ok`; `rule` completes "`name` must be ...". */
export function checkArgument(name: string, value: number, ok: boolean, rule: string): void {
  if (!ok) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_INVALID_ARGUMENT,
      `${name} must be ${rule}, was ${value}`,
    );
  }
}
