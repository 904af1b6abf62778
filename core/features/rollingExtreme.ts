/**
 * The maximum of the last `size` values (of `sign * x`, so sign -1 gives the minimum) by the van Herk / Gil-Werman
 * block method: the values fall in blocks of `size`; the window ending at position `pos` of the current block is
 * the suffix of the previous block after `pos` plus the prefix of the current block up to `pos`. So each value
 * costs two comparisons plus, once per block, a backward pass for the suffix maxima: O(1) amortised with no
 * data-dependent loop (a monotonic deque mispredicts its pop loop about once per value). Ties resolve to the newest
 * value, so -0 and +0 come out as a deque would give them. Plain data (clonable).
 */
export interface RollingExtreme {
  readonly size: number;
  readonly sign: 1 | -1;
  /** The current block, `sign * x`. */
  readonly values: Float64Array;
  /** Suffix maxima of the previous block: `suffix[k]` = max of its positions k..size-1. */
  readonly suffix: Float64Array;
  /** Maximum of the current block up to the last value. */
  prefix: number;
  /** Next position in the current block. */
  pos: number;
  /** Index of the current value (-1 before the first). */
  time: number;
  /** Index of the last NaN value (-Infinity when none). */
  lastInvalid: number;
}

/** An empty rolling maximum (sign 1) or minimum (sign -1) over `size` values. */
export function createRollingExtreme(size: number, sign: 1 | -1): RollingExtreme {
  return {
    size,
    sign,
    values: new Float64Array(size),
    suffix: new Float64Array(size),
    prefix: -Infinity,
    pos: 0,
    time: -1,
    lastInvalid: -Infinity,
  };
}

/**
 * Pushes `input[from..to)` and writes into `output[i]` the extreme of the last `size` values after bar i, NaN until
 * `size` values with no NaN among them (a NaN inside the window may spoil the maxima, which is why it is tracked
 * apart). `output` may be `input`. The state is held in locals for the whole range and written back once: per-bar
 * writes to the object cost more than the comparisons.
 */
export function pushRollingExtremes(
  window: RollingExtreme,
  input: Float64Array,
  from: number,
  to: number,
  output: Float64Array,
): void {
  const { size, sign, values, suffix } = window;
  let { prefix, pos, time, lastInvalid } = window;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    time++;
    if (x !== x) lastInvalid = time;
    const y = sign * x;
    values[pos] = y;
    prefix = pos === 0 || y >= prefix ? y : prefix;
    const older = pos + 1 < size ? suffix[pos + 1]! : -Infinity;
    output[i] = time < size - 1 || lastInvalid > time - size ? NaN : sign * (older > prefix ? older : prefix);
    if (++pos === size) {
      pos = 0;
      let max = -Infinity;
      for (let k = size - 1; k >= 0; k--) {
        if (values[k]! > max) max = values[k]!;
        suffix[k] = max;
      }
    }
  }
  window.prefix = prefix;
  window.pos = pos;
  window.time = time;
  window.lastInvalid = lastInvalid;
}
