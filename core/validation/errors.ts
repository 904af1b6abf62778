import { AppError } from '../AppError.js';

/** Error codes of the walk-forward splitter. */
export const WalkForwardErrorCode = {
  WALK_FORWARD_INVALID_OPTION: 'WALK_FORWARD_INVALID_OPTION',
  WALK_FORWARD_PURGE_BELOW_HORIZON: 'WALK_FORWARD_PURGE_BELOW_HORIZON',
  WALK_FORWARD_TOO_FEW_BARS: 'WALK_FORWARD_TOO_FEW_BARS',
} as const;
export type WalkForwardErrorCode = (typeof WalkForwardErrorCode)[keyof typeof WalkForwardErrorCode];

/** The walk-forward options cannot be applied to this time axis; the message says which option and why. */
export class WalkForwardError extends AppError {
  constructor(code: WalkForwardErrorCode, message: string) {
    super(code, `walk-forward: ${message}`);
  }
}
