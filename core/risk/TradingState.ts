/**
 * What the engine may do. ACTIVE: anything the limits allow. REDUCING: only risk-reducing orders (a loss limit
 * tripped; lasts until the engine resets it at the next session). HALTED: only risk-reducing orders (the hard
 * stop tripped; lasts until an operator resets it).
 */
export const TradingState = { ACTIVE: 'ACTIVE', REDUCING: 'REDUCING', HALTED: 'HALTED' } as const;
export type TradingState = (typeof TradingState)[keyof typeof TradingState];
