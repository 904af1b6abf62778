function modeOf(counts: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = 0;
  for (const [spacing, count] of counts) {
    // Ties go to the smaller spacing so the result does not depend on the order rows arrived in.
    if (count > bestCount || (count === bestCount && spacing < best)) {
      best = spacing;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Infers the bar size of each ticker as the most common positive spacing between its consecutive rows (in file
 * order, among rows marked usable). Overnight gaps and missing bars are rarer than the bar size itself, so the mode
 * is robust. A ticker with fewer than two usable rows takes the most common spacing over all tickers; 0 when no
 * ticker has two rows.
 *
 * @returns one bar size in ms per ticker code.
 */
export function inferBarSizes(
  times: Float64Array,
  tickerCode: Int32Array,
  usable: Uint8Array,
  tickerCount: number,
): Float64Array {
  const last = new Float64Array(tickerCount).fill(Number.NaN);
  // Equal spacings come in long runs (a session of 5-minute bars), so count runs in arrays and touch the maps
  // only when a run ends: one map update per run instead of one per row.
  const runSpacing = new Float64Array(tickerCount);
  const runLength = new Float64Array(tickerCount);
  const perTicker: Map<number, number>[] = Array.from({ length: tickerCount }, () => new Map());
  const overall = new Map<number, number>();
  const flush = (code: number): void => {
    const count = runLength[code]!;
    if (count === 0) return;
    const spacing = runSpacing[code]!;
    const counts = perTicker[code]!;
    counts.set(spacing, (counts.get(spacing) ?? 0) + count);
    overall.set(spacing, (overall.get(spacing) ?? 0) + count);
    runLength[code] = 0;
  };
  for (let i = 0; i < times.length; i++) {
    if (usable[i] !== 1) continue;
    const code = tickerCode[i]!;
    const spacing = times[i]! - last[code]!;
    last[code] = times[i]!;
    if (!(spacing > 0)) continue;
    if (spacing !== runSpacing[code]) {
      flush(code);
      runSpacing[code] = spacing;
    }
    runLength[code]! += 1;
  }
  for (let code = 0; code < tickerCount; code++) flush(code);
  const fallback = modeOf(overall);
  const sizes = new Float64Array(tickerCount);
  for (let code = 0; code < tickerCount; code++) {
    const own = modeOf(perTicker[code]!);
    sizes[code] = own > 0 ? own : fallback;
  }
  return sizes;
}
