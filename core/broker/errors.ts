import { AppError } from '../AppError.js';

/** Error codes of the simulated broker (thrown only for broken invariants; bad orders are rejected as events). */
export const BrokerErrorCode = {
  INVALID_SIM_BROKER_CONFIG: 'INVALID_SIM_BROKER_CONFIG',
  INVALID_SIM_BAR: 'INVALID_SIM_BAR',
} as const;
export type BrokerErrorCode = (typeof BrokerErrorCode)[keyof typeof BrokerErrorCode];

/** A simulated-broker setting is out of range. */
export class InvalidSimBrokerConfigError extends AppError {
  constructor(key: string, expected: string, value: unknown) {
    super(
      BrokerErrorCode.INVALID_SIM_BROKER_CONFIG,
      `sim broker config: ${key} must be ${expected}, was ${JSON.stringify(value)}`,
    );
  }
}

/** A bar handed to the simulated broker has a price or volume no market can have. */
export class InvalidSimBarError extends AppError {
  constructor(ticker: string, barStart: number, field: string, expected: string, value: number) {
    super(
      BrokerErrorCode.INVALID_SIM_BAR,
      `sim broker bar ${JSON.stringify(ticker)} at ${barStart}: ${field} must be ${expected}, was ${value}`,
    );
  }
}
