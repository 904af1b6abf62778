import { AppError } from '../AppError.js';

/** Codes of the pure Interactive Brokers logic (pacing, chunk planning, cursors, settings). */
export const IbkrCoreCode = {
  IBKR_PACING_BROKEN: 'IBKR_PACING_BROKEN',
  IBKR_UNSUPPORTED_BAR_SIZE: 'IBKR_UNSUPPORTED_BAR_SIZE',
  IBKR_INVALID_RANGE: 'IBKR_INVALID_RANGE',
  IBKR_INVALID_CURSOR: 'IBKR_INVALID_CURSOR',
  IBKR_INVALID_RESET_WINDOW: 'IBKR_INVALID_RESET_WINDOW',
} as const;
export type IbkrCoreCode = (typeof IbkrCoreCode)[keyof typeof IbkrCoreCode];

/** A caller tried to start a request the pacing scheduler had not cleared (a programming error). */
export class InvalidPacingRequestError extends AppError {
  constructor(key: string, nowMs: number, earliestMs: number, detail?: string) {
    super(
      IbkrCoreCode.IBKR_PACING_BROKEN,
      detail === undefined
        ? `historical request ${JSON.stringify(key)} may start at ${earliestMs} at the earliest, was started at ${nowMs}`
        : `historical request ${JSON.stringify(key)}: ${detail}`,
    );
  }
}

/** IB has no historical bar size for this many milliseconds. */
export class UnsupportedBarSizeError extends AppError {
  constructor(barMs: number, supported: readonly string[]) {
    super(
      IbkrCoreCode.IBKR_UNSUPPORTED_BAR_SIZE,
      `bar size must be one IB serves (${supported.join(', ')}), was ${barMs / 1000} s`,
    );
  }
}

/** The requested day range is empty or reversed. */
export class InvalidFetchRangeError extends AppError {
  constructor(startDay: number, endDay: number, reason: string) {
    super(IbkrCoreCode.IBKR_INVALID_RANGE, `fetch range ${startDay}..${endDay}: ${reason}`);
  }
}

/** A persisted fetch cursor does not have the expected shape. */
export class InvalidCursorError extends AppError {
  constructor(where: string, reason: string) {
    super(IbkrCoreCode.IBKR_INVALID_CURSOR, `${where}: ${reason}`);
  }
}

/** A reset window is not `HH:MM` to `HH:MM`. */
export class InvalidResetWindowError extends AppError {
  constructor(text: string) {
    super(
      IbkrCoreCode.IBKR_INVALID_RESET_WINDOW,
      `reset window must be "HH:MM-HH:MM" in 24-hour time, was ${JSON.stringify(text)}`,
    );
  }
}
