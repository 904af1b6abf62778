import type { FeatureKind } from './FeatureKind.js';
import {
  atr,
  bodyRangeRatio,
  calendarField,
  difference,
  ema,
  gap,
  higherHigh,
  intradayRange,
  logReturns,
  lowerLow,
  macd,
  marketOpenMinutes,
  pricePosition,
  priceVolume,
  ratio,
  returns,
  roc,
  rollingMax,
  rollingMin,
  rollingStd,
  rsi,
  sessionFlag,
  sma,
  trueRange,
  vwap,
} from './indicators/index.js';

/** A lookup of feature functions by their stable id (the `function` of a features.yaml entry). */
export type FeatureRegistry = ReadonlyMap<string, FeatureKind>;

const KINDS: readonly FeatureKind[] = [
  sma,
  ema,
  ratio,
  difference,
  returns,
  logReturns,
  roc,
  rsi,
  macd,
  rollingStd,
  trueRange,
  atr,
  priceVolume,
  vwap,
  pricePosition,
  gap,
  intradayRange,
  bodyRangeRatio,
  rollingMax,
  rollingMin,
  higherHigh,
  lowerLow,
  calendarField,
  marketOpenMinutes,
  sessionFlag,
];

/**
 * Every feature function, by stable id. Ids never change once released: a features.yaml written today must keep
 * computing the same numbers. Adding a function = one file in indicators/ plus one line here.
 */
export const FEATURE_REGISTRY: FeatureRegistry = new Map(KINDS.map((kind) => [kind.id, kind]));
