import { AppError } from '../AppError.js';

/** Error codes of the synthetic generator. */
export const SyntheticErrorCode = {
  SYNTHETIC_INVALID_OPTIONS: 'SYNTHETIC_INVALID_OPTIONS',
} as const;
export type SyntheticErrorCode = (typeof SyntheticErrorCode)[keyof typeof SyntheticErrorCode];

/** The generator was asked for something it cannot produce; lists every problem, one per line. */
export class SyntheticOptionsError extends AppError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      SyntheticErrorCode.SYNTHETIC_INVALID_OPTIONS,
      problems.length === 1
        ? `synthetic data: ${problems[0]}`
        : `synthetic data: ${problems.length} problems:\n  ${problems.join('\n  ')}`,
    );
    this.problems = problems;
  }
}
