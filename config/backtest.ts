import { z } from 'zod';
import { Fraction, Identifier } from './common.js';
import { RiskConfigSchema } from './risk.js';

/** How fills lose to the quoted price. */
export const SlippageSchema = z
  .discriminatedUnion('model', [
    z.strictObject({ model: z.literal('none') }),
    z.strictObject({
      model: z.literal('fixed_bps'),
      bps: z.number().nonnegative().default(1).describe('Slippage per fill, basis points of the price'),
    }),
    z.strictObject({
      model: z.literal('half_spread'),
      fallback_bps: z.number().nonnegative().default(1).describe('Used where a bar has no quoted spread'),
    }),
    z.strictObject({
      model: z.literal('volume_participation'),
      coefficient: z.number().nonnegative().default(0.1).describe('Impact = coefficient x sqrt(fill / bar volume)'),
    }),
  ])
  .describe('Slippage model');

/** Commission per order. */
export const CommissionSchema = z
  .discriminatedUnion('model', [
    z.strictObject({ model: z.literal('none') }),
    z.strictObject({
      model: z.literal('ibkr_fixed'),
      per_share: z.number().nonnegative().default(0.005).describe('Dollars per share (IBKR Pro fixed: 0.005)'),
      minimum: z.number().nonnegative().default(1).describe('Minimum per order in dollars (IBKR: 1.00)'),
      maximum_pct_of_value: Fraction.default(0.01).describe('Cap as a fraction of trade value (IBKR: 1%)'),
    }),
  ])
  .describe('Commission model');

/** `intraday backtest --config <yaml>`: simulated broker, starting cash and, optionally, risk overrides. */
export const BacktestConfigSchema = z
  .strictObject({
    initial_cash: z.number().positive().default(1_000_000).describe('Starting cash in dollars'),
    strategy: Identifier.default('model').describe('Name of the strategy book the signals trade'),
    latency_bars: z.number().int().nonnegative().default(0).describe('Extra bars before an order may fill'),
    participation_limit: z
      .number()
      .gt(0)
      .max(1)
      .nullable()
      .default(0.1)
      .describe('Largest share of a bar volume one order may take (null: no limit)'),
    slippage: SlippageSchema.default({ model: 'fixed_bps', bps: 1 }),
    commission: CommissionSchema.default({
      model: 'ibkr_fixed',
      per_share: 0.005,
      minimum: 1,
      maximum_pct_of_value: 0.01,
    }),
    risk: RiskConfigSchema.optional().describe('Sizing and limits; config/risk.yaml when absent'),
  })
  .describe('Backtest settings');

export type BacktestConfig = z.infer<typeof BacktestConfigSchema>;
