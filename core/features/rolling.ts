/**
 * The last `size` values of a series with their running sum. NaN values are counted in `invalid` instead of being
 * summed, so one unknown value spoils exactly the windows that contain it. Plain data (clonable).
 */
export interface RollingSum {
  readonly size: number;
  readonly buffer: Float64Array;
  /** Next write position in `buffer`. */
  head: number;
  /** Values pushed so far, capped at `size`. */
  filled: number;
  /** NaN values inside the window. */
  invalid: number;
  sum: number;
}

/** An empty window of `size` values. */
export function createRollingSum(size: number): RollingSum {
  return { size, buffer: new Float64Array(size), head: 0, filled: 0, invalid: 0, sum: 0 };
}

/**
 * Adds `x` and drops the value that leaves the window. Each time the ring wraps, the sum is recomputed from the
 * buffer, so the rounding drift of add-and-subtract never outlives one window; the cost stays O(1) amortised and the
 * result depends only on the values pushed, so every replay of the same bars gives the same bits.
 */
export function pushRollingSum(window: RollingSum, x: number): void {
  const { buffer, head } = window;
  if (window.filled === window.size) {
    const out = buffer[head]!;
    if (out !== out) window.invalid--;
    else window.sum -= out;
  } else {
    window.filled++;
  }
  buffer[head] = x;
  if (x !== x) window.invalid++;
  else window.sum += x;
  if (head + 1 === window.size) {
    window.head = 0;
    let sum = 0;
    for (let i = 0; i < buffer.length; i++) {
      const value = buffer[i]!;
      if (value === value) sum += value;
    }
    window.sum = sum;
  } else {
    window.head = head + 1;
  }
}

/** True when the window is full and holds no NaN. */
export function isRollingReady(window: RollingSum): boolean {
  return window.filled === window.size && window.invalid === 0;
}

/**
 * The maximum of the last `size` values (of `sign * x`, so sign -1 gives the minimum) by a monotonic deque held in a
 * ring: amortised O(1) per value. Plain data (clonable).
 */
export interface RollingExtreme {
  readonly size: number;
  readonly sign: 1 | -1;
  readonly values: Float64Array;
  readonly times: Float64Array;
  front: number;
  count: number;
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
    times: new Float64Array(size),
    front: 0,
    count: 0,
    time: -1,
    lastInvalid: -Infinity,
  };
}

/** Adds `x`; returns the extreme of the last `size` values, NaN until `size` values with no NaN among them. */
export function pushRollingExtreme(window: RollingExtreme, x: number): number {
  const { size, values, times } = window;
  const time = ++window.time;
  if (window.count > 0 && times[window.front]! <= time - size) {
    window.front = window.front + 1 === size ? 0 : window.front + 1;
    window.count--;
  }
  if (x !== x) {
    window.lastInvalid = time;
  } else {
    const y = window.sign * x;
    while (window.count > 0) {
      let back = window.front + window.count - 1;
      if (back >= size) back -= size;
      if (values[back]! > y) break;
      window.count--;
    }
    let slot = window.front + window.count;
    if (slot >= size) slot -= size;
    values[slot] = y;
    times[slot] = time;
    window.count++;
  }
  if (time < size - 1 || window.lastInvalid > time - size) return NaN;
  return window.sign * values[window.front]!;
}
