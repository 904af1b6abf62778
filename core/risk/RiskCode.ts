/**
 * Every reason the risk manager gives, in one catalogue. A decision carries exactly one: `RISK_APPROVED`, or the
 * check that resized or rejected the order (or, from `evaluateTradingState`, the limit that changed the state).
 */
export const RiskCode = {
  /** The order passed every check at its full quantity. */
  APPROVED: 'RISK_APPROVED',
  /** Malformed order: quantity not a positive whole number, bad side or type, LIMIT without a positive price. */
  INVALID_ORDER: 'RISK_INVALID_ORDER',
  /** Context cannot value new risk: equity or a position is not a finite number. */
  INVALID_CONTEXT: 'RISK_INVALID_CONTEXT',
  /** No usable price for the order's ticker (last price) or for another held ticker (mark). */
  NO_PRICE: 'RISK_NO_PRICE',
  /** The kill switch is engaged: only risk-reducing orders pass. */
  KILL_SWITCH: 'RISK_KILL_SWITCH',
  /** Trading is halted (the hard stop tripped earlier): only risk-reducing orders pass. */
  TRADING_HALTED: 'RISK_TRADING_HALTED',
  /** Trading is reducing-only (a loss limit tripped earlier): only risk-reducing orders pass. */
  TRADING_REDUCING: 'RISK_TRADING_REDUCING',
  /** Down `daily_loss_limit_pct` from the day's starting equity. */
  DAILY_LOSS_LIMIT: 'RISK_DAILY_LOSS_LIMIT',
  /** Down `weekly_loss_limit_pct` from the week's starting equity. */
  WEEKLY_LOSS_LIMIT: 'RISK_WEEKLY_LOSS_LIMIT',
  /** Down `max_drawdown_pct` from the equity peak: the hard stop. */
  MAX_DRAWDOWN: 'RISK_MAX_DRAWDOWN',
  /** New risk outside the regular session. */
  OUTSIDE_SESSION: 'RISK_OUTSIDE_SESSION',
  /** New risk in the last minutes of the session. */
  NO_NEW_ENTRIES: 'RISK_NO_NEW_ENTRIES',
  /** Positions are due to be closed before the session ends (logged by the engine when it flattens). */
  FLATTEN_BEFORE_CLOSE: 'RISK_FLATTEN_BEFORE_CLOSE',
  /** `max_orders_per_minute` orders were already sent in the last 60 seconds. */
  ORDER_RATE: 'RISK_ORDER_RATE',
  /** Fat finger: limit price too far from the last price. */
  PRICE_DEVIATION: 'RISK_PRICE_DEVIATION',
  /** Fat finger: quantity too far above the ticker's typical order quantity. */
  ORDER_SIZE: 'RISK_ORDER_SIZE',
  /** The position in one ticker would exceed `max_position_pct` of equity. */
  MAX_POSITION: 'RISK_MAX_POSITION',
  /** The order would open a position beyond `max_positions`. */
  MAX_POSITIONS: 'RISK_MAX_POSITIONS',
  /** Gross exposure would exceed `max_gross_exposure_pct` of equity. */
  MAX_GROSS_EXPOSURE: 'RISK_MAX_GROSS_EXPOSURE',
  /** Net exposure would exceed `max_net_exposure_pct` of equity. */
  MAX_NET_EXPOSURE: 'RISK_MAX_NET_EXPOSURE',
} as const;
export type RiskCode = (typeof RiskCode)[keyof typeof RiskCode];
