/** Our own order id, stable across reconnects and restarts (`<strategy>-<sequence>`). */
export type ClientOrderId = string & { readonly __brand: 'ClientOrderId' };
/** The broker's order id (IB's orderId as text); unknown until the broker acknowledges. */
export type BrokerOrderId = string & { readonly __brand: 'BrokerOrderId' };
/** The broker's execution id: the key of a fill, used to drop duplicates and apply corrections. */
export type ExecutionId = string & { readonly __brand: 'ExecutionId' };
/** A strategy (a "value stream"): one model or rule with its own book. */
export type StrategyId = string & { readonly __brand: 'StrategyId' };

/** Brands a text as a ClientOrderId. */
export const clientOrderId = (text: string): ClientOrderId => text as ClientOrderId;
/** Brands a text as a BrokerOrderId. */
export const brokerOrderId = (text: string): BrokerOrderId => text as BrokerOrderId;
/** Brands a text as an ExecutionId. */
export const executionId = (text: string): ExecutionId => text as ExecutionId;
/** Brands a text as a StrategyId. */
export const strategyId = (text: string): StrategyId => text as StrategyId;
