/** Reason codes the simulated broker puts on OrderStatusReported events (rendered as `CODE: key=value, ...`). */
export const BrokerReason = {
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  MISSING_LIMIT_PRICE: 'MISSING_LIMIT_PRICE',
  INVALID_LIMIT_PRICE: 'INVALID_LIMIT_PRICE',
  INVALID_TICKER: 'INVALID_TICKER',
  DUPLICATE_ORDER_ID: 'DUPLICATE_ORDER_ID',
  END_OF_DAY: 'END_OF_DAY',
  REPLACED: 'REPLACED',
  REPLACE_REJECTED: 'REPLACE_REJECTED',
} as const;
export type BrokerReason = (typeof BrokerReason)[keyof typeof BrokerReason];

/** Renders a reason code with its (non-empty) context, e.g. `INVALID_QUANTITY: quantity=0`. */
export function formatReason(code: BrokerReason, context: Readonly<Record<string, string | number | null>>): string {
  const parts = Object.entries(context).map(([key, value]) => `${key}=${value}`);
  return `${code}: ${parts.join(', ')}`;
}
