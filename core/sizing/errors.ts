import { AppError } from '../AppError.js';

/** Error codes of position sizing. */
export const SizingErrorCode = {
  SIZING_INVALID_INPUT: 'SIZING_INVALID_INPUT',
} as const;
export type SizingErrorCode = (typeof SizingErrorCode)[keyof typeof SizingErrorCode];

/** A sizing input is outside its domain (signal outside [-1, 1], NaN confidence, non-positive price ...). */
export class InvalidSizingInputError extends AppError {
  readonly field: string;
  readonly value: number | null;

  constructor(field: string, expected: string, value: number | null) {
    super(SizingErrorCode.SIZING_INVALID_INPUT, `sizing: ${field} must be ${expected}, was ${String(value)}`);
    this.field = field;
    this.value = value;
  }
}
