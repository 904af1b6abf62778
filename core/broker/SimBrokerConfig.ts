/**
 * How a market order's fill price moves away from the bar open against the order (limit orders never slip).
 * - `none`: the open.
 * - `fixed_bps`: the open times `1 +/- bps / 10 000`.
 * - `half_spread`: the open +/- half the bar's quoted spread; `fallbackBps` when the bar carries none.
 * - `volume_participation`: square-root impact, the open times `1 +/- coefficient * sqrt(fill quantity / bar volume)`;
 *   `fallbackBps` when the bar volume is unknown. See README for the law and its sources.
 */
export type SlippageModel =
  | { readonly model: 'none' }
  | { readonly model: 'fixed_bps'; readonly bps: number }
  | { readonly model: 'half_spread'; readonly fallbackBps: number }
  | { readonly model: 'volume_participation'; readonly coefficient: number; readonly fallbackBps: number };

/**
 * Commission per order. `ibkr_fixed` is IBKR Pro fixed pricing for US stocks: `perShare` dollars a share, at least
 * `minimum` dollars per order, at most `maximumPctOfValue` (a fraction: 0.01 is 1 %) of the trade value.
 */
export type CommissionModel =
  | { readonly model: 'none' }
  | {
      readonly model: 'ibkr_fixed';
      readonly perShare: number;
      readonly minimum: number;
      readonly maximumPctOfValue: number;
    };

/** Fill policies: market orders fill at the open of their first eligible bar (the only honest bar-data policy). */
export const FillPolicy = { NEXT_BAR_OPEN: 'NEXT_BAR_OPEN' } as const;
export type FillPolicy = (typeof FillPolicy)[keyof typeof FillPolicy];

/** Settings of the simulated broker: plain data, serializable with the broker state. */
export interface SimBrokerConfig {
  /** When market orders fill. */
  readonly fillPolicy: FillPolicy;
  /** Price impact of market orders. */
  readonly slippage: SlippageModel;
  /** Commission charged per order, spread over its executions. */
  readonly commission: CommissionModel;
  /** Fraction of a bar's volume one order may take in that bar (0 < x <= 1); the rest keeps working. null = no limit. */
  readonly participationLimit: number | null;
  /** Extra bars an order waits after the first bar that starts at or after its submission (whole number >= 0). */
  readonly latencyBars: number;
  /** Cancel working orders (reason END_OF_DAY) at the first bar of a later New York day: time in force DAY. */
  readonly cancelAtEndOfDay: boolean;
}

/** IBKR Pro fixed pricing for US stocks (USD 0.005 a share, USD 1.00 minimum, 1 % of trade value maximum). */
export const IBKR_FIXED_COMMISSION: CommissionModel = {
  model: 'ibkr_fixed',
  perShare: 0.005,
  minimum: 1.0,
  maximumPctOfValue: 0.01,
};

/** Defaults: next-bar-open fills, half-spread slippage (2 bps without quotes), IBKR fixed, 10 % of bar volume. */
export const defaultSimBrokerConfig: SimBrokerConfig = {
  fillPolicy: FillPolicy.NEXT_BAR_OPEN,
  slippage: { model: 'half_spread', fallbackBps: 2 },
  commission: IBKR_FIXED_COMMISSION,
  participationLimit: 0.1,
  latencyBars: 0,
  cancelAtEndOfDay: true,
};
