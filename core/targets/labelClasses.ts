/**
 * Class codes of the classification targets. A label is the index into the entry's `classes` list, stored
 * as a float so that NaN can mark rows without a label; the default class names are given beside each code.
 */

/** Direction of the forward return: `classes: [short, hold, long]`. */
export const DirectionLabel = {
  short: 0,
  hold: 1,
  long: 2,
} as const;
export type DirectionLabel = (typeof DirectionLabel)[keyof typeof DirectionLabel];

/** Which triple barrier is hit first: stop = short, time limit = hold, take = long. */
export const BarrierLabel = {
  stop: 0,
  timeLimit: 1,
  take: 2,
} as const;
export type BarrierLabel = (typeof BarrierLabel)[keyof typeof BarrierLabel];

/** Forward to backward volatility: `classes: [low_vol, normal, high_vol]`. */
export const VolatilityLabel = {
  low: 0,
  normal: 1,
  high: 2,
} as const;
export type VolatilityLabel = (typeof VolatilityLabel)[keyof typeof VolatilityLabel];
