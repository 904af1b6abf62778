// Builders shared by the simulated broker's tests (not exported from the folder's index).
import type { Micros } from '../money/money.js';
import { clientOrderId, strategyId } from '../trading/ids.js';
import type { Execution, OrderRequest } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import type { SimBar } from './SimBar.js';
import type { SimBrokerConfig } from './SimBrokerConfig.js';

/** One minute in milliseconds. */
export const MINUTE = 60_000;
/** 2024-01-02 09:30 in New York (EST, UTC-5): the first regular-session bar of that day. */
export const OPEN_2024_01_02 = Date.UTC(2024, 0, 2, 14, 30);

/** A one-minute AAPL bar at the 2024-01-02 open, with `fields` overriding the defaults. */
export function simBar(fields: Partial<SimBar> = {}): SimBar {
  return {
    ticker: 'AAPL',
    barStart: OPEN_2024_01_02,
    barMs: MINUTE,
    open: 100,
    high: 101,
    low: 99,
    close: 100.5,
    volume: 1_000_000,
    spread: null,
    ...fields,
  };
}

/** A market buy of 100 AAPL, with `fields` overriding the defaults. */
export function orderRequest(fields: Partial<OrderRequest> & { id?: string } = {}): OrderRequest {
  const { id, ...rest } = fields;
  return {
    clientOrderId: clientOrderId(id ?? 'S1-1'),
    strategy: strategyId('S1'),
    ticker: 'AAPL',
    side: 'BUY',
    quantity: 100,
    type: 'MARKET',
    limitPrice: null,
    purpose: 'ENTRY',
    createdTs: OPEN_2024_01_02,
    ...rest,
  };
}

/** A frictionless config (no slippage, no commission, no participation limit, no latency). */
export function simConfig(fields: Partial<SimBrokerConfig> = {}): SimBrokerConfig {
  return {
    fillPolicy: 'NEXT_BAR_OPEN',
    slippage: { model: 'none' },
    commission: { model: 'none' },
    participationLimit: null,
    latencyBars: 0,
    cancelAtEndOfDay: true,
    ...fields,
  };
}

/** The executions among broker events. */
export function executionsOf(events: readonly BrokerEvent[]): Execution[] {
  return events.flatMap((event) => (event.type === 'ExecutionReported' ? [event.execution] : []));
}

/** Dollars to micro-dollars for test arithmetic written in cents: `micros(100.07)` is 100 070 000. */
export function micros(dollars: number): Micros {
  return Math.round(dollars * 1_000_000) as Micros;
}
