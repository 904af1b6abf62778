import { z } from 'zod';
import { Fraction } from './common.js';

/** How a signal becomes a target position: `base_size * |signal| * confidence`, capped. */
export const SizingSchema = z
  .strictObject({
    base_size_pct: Fraction.default(0.02).describe(
      'Position value per unit of |signal| x confidence, as a fraction of equity',
    ),
    max_size_pct: Fraction.default(0.05).describe('Cap on one position from sizing alone, as a fraction of equity'),
    min_order_value: z
      .number()
      .nonnegative()
      .default(100)
      .describe('Orders smaller than this (in dollars) are not sent'),
    rebalance_band_pct: Fraction.default(0.1).describe(
      'Skip a resize smaller than this fraction of the target position; entries from flat, exits and reversals always go',
    ),
    volatility_target: z
      .strictObject({
        enabled: z.boolean().default(false).describe('Scale positions so each targets the same volatility'),
        annual_volatility: z.number().positive().default(0.15).describe('Target annualized volatility per position'),
        lookback_bars: z.number().int().min(2).default(20).describe('Bars used to estimate volatility'),
      })
      .prefault({})
      .describe('Volatility targeting (optional)'),
  })
  .describe('Position sizing');

/** Hard limits checked before every order; nothing downstream of a model can override them. */
export const LimitsSchema = z
  .strictObject({
    max_position_pct: Fraction.default(0.05).describe('Largest position in one ticker, as a fraction of equity'),
    max_positions: z.number().int().positive().default(20).describe('Most concurrent open positions'),
    max_gross_exposure_pct: z.number().positive().default(1).describe('Sum of |position values| / equity'),
    max_net_exposure_pct: z.number().positive().default(0.5).describe('|Sum of signed position values| / equity'),
    daily_loss_limit_pct: Fraction.default(0.02).describe('Stop new risk when down this fraction of equity today'),
    weekly_loss_limit_pct: Fraction.default(0.05).describe('Stop new risk when down this fraction this week'),
    max_drawdown_pct: Fraction.default(0.1).describe('Hard stop at this drawdown from the equity peak'),
    flatten_on_max_drawdown: z.boolean().default(true).describe('Also close every position when the hard stop trips'),
    no_new_entries_before_close_min: z
      .number()
      .int()
      .nonnegative()
      .default(15)
      .describe('No new entries in the last N minutes of the session'),
    flatten_before_close_min: z
      .number()
      .int()
      .nonnegative()
      .default(5)
      .describe('Close every position N minutes before the close'),
    max_orders_per_minute: z.number().int().positive().default(30).describe('Order rate limit'),
    max_price_deviation_pct: Fraction.default(0.05).describe(
      'Fat finger: reject limit prices this far from the last price',
    ),
    max_order_size_multiple: z
      .number()
      .positive()
      .default(10)
      .describe('Fat finger: reject orders this many times the normal size'),
    kill_switch: z.boolean().default(false).describe('When true, no order except risk-reducing ones is sent'),
  })
  .describe('Hard risk limits');

/** config/risk.yaml. */
export const RiskConfigSchema = z
  .strictObject({
    sizing: SizingSchema.prefault({}),
    limits: LimitsSchema.prefault({}),
  })
  .describe('Position sizing and hard risk limits');

export type RiskConfig = z.infer<typeof RiskConfigSchema>;
