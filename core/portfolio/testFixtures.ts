// Builders shared by the portfolio's tests (not exported from index.ts).
import { toMicros } from '../money/money.js';
import { clientOrderId, executionId, strategyId } from '../trading/ids.js';
import type { Execution, Side } from '../trading/types.js';

export const ALPHA = strategyId('alpha');
export const BETA = strategyId('beta');

let counter = 0;

/** An execution of `quantity` shares of `ticker` at `dollars`; ids and times count up unless given. */
export function fill(
  side: Side,
  quantity: number,
  dollars: number,
  fields: { ticker?: string; commission?: number; id?: string; ts?: number; corrects?: string } = {},
): Execution {
  counter += 1;
  return {
    executionId: executionId(fields.id ?? `x${counter}`),
    clientOrderId: clientOrderId('alpha-1'),
    ticker: fields.ticker ?? 'AAPL',
    side,
    quantity,
    price: toMicros(dollars),
    commission: toMicros(fields.commission ?? 0),
    ts: fields.ts ?? 1_000 + counter,
    correctsExecutionId: fields.corrects === undefined ? null : executionId(fields.corrects),
  };
}
