/** Bar size as written in configs and on the command line: seconds, minutes, hours or a day. */
export type BarSizeText = `${number}${'s' | 'm' | 'h' | 'd'}`;

/**
 * The unified bar: one row of OHLCV for one ticker.
 * `ts` is the UTC epoch milliseconds of the bar start; `volume` is -1 where the source has none.
 */
export interface Bar {
  readonly ticker: string;
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Volume value used where the source reports none. */
export const VOLUME_UNKNOWN = -1;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `5m`, `1h`, `30s`, `1d` into milliseconds; throws on anything else. */
export function parseBarSize(text: string): number {
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new Error(`bar size must look like 30s, 1m, 5m, 1h or 1d, was "${text}"`);
  }
  const count = Number(match[1]);
  if (count <= 0) {
    throw new Error(`bar size must be positive, was "${text}"`);
  }
  return count * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Formats milliseconds back into the shortest bar-size text (`300000` becomes `5m`). */
export function formatBarSize(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms / 1000}s`;
}
