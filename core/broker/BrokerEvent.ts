import type { ExecutionReported, OrderStatusReported } from '../trading/events.js';

/**
 * What a broker reports back to the engine: order statuses and executions. The simulated broker and the
 * Interactive Brokers adapter produce exactly these shapes, so the engine cannot tell them apart.
 */
export type BrokerEvent = OrderStatusReported | ExecutionReported;
