// Builders shared by the risk tests: a $100,000 account trading AAPL at $50 at 11:00 New York on 2024-03-15.
import { RiskConfigSchema } from '../../config/risk.js';
import { sessionOn } from '../calendar/index.js';
import { toMicros } from '../money/money.js';
import { clientOrderId, strategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { viewOrder, type OrderView } from './OrderView.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskLimits } from './RiskLimits.js';

/** 2024-03-15 (a Friday, New York on daylight time): 09:30-16:00 New York = 13:30-20:00 UTC. */
export const SESSION = sessionOn(20240315)!;
export const MINUTE = 60_000;
/** 11:00 New York. */
export const MID_SESSION = Date.UTC(2024, 2, 15, 15, 0);

/** The default limits of config/risk.yaml, with overrides. */
export const limitsWith = (overrides: Partial<RiskLimits> = {}): RiskLimits => ({
  ...RiskConfigSchema.parse({}).limits,
  ...overrides,
});

/** A context with nothing held, ACTIVE, mid-session, AAPL last at $50, with overrides. */
export const contextWith = (overrides: Partial<RiskContext> = {}): RiskContext => ({
  ts: MID_SESSION,
  session: { openMs: SESSION.openMs, closeMs: SESSION.closeMs },
  equity: toMicros(100_000),
  dayStartEquity: toMicros(100_000),
  weekStartEquity: toMicros(100_000),
  peakEquity: toMicros(100_000),
  tradingState: 'ACTIVE',
  killSwitch: false,
  positions: {},
  openOrderQuantity: {},
  marks: {},
  lastPrice: toMicros(50),
  typicalQuantity: null,
  recentOrderTs: [],
  ...overrides,
});

/** A MARKET entry to buy 10 AAPL, with overrides. */
export const orderWith = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: clientOrderId('momentum-1'),
  strategy: strategyId('momentum'),
  ticker: 'AAPL',
  side: 'BUY',
  quantity: 10,
  type: 'MARKET',
  limitPrice: null,
  purpose: 'ENTRY',
  createdTs: MID_SESSION,
  ...overrides,
});

/** The view a check sees for `order` in `context`. */
export const view = (order: Partial<OrderRequest> = {}, context: Partial<RiskContext> = {}): OrderView =>
  viewOrder(orderWith(order), contextWith(context));
