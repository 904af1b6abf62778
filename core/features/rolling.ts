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
 * Pushes `input[from..to)` into the window one value at a time, dropping each value that leaves it, and writes into
 * `sums[i]` the window sum after bar i divided by `divisor` (1 gives the sum itself exactly, the window size the
 * mean), NaN while the window is not full or holds a NaN. `sums` may be `input` (each value is read before its slot
 * is written). Each time the ring wraps, the sum is recomputed from the buffer, so the rounding drift of
 * add-and-subtract never outlives one window; the cost stays O(1) amortised and the result depends only on the
 * values pushed, so every replay of the same bars gives the same bits. The state is held in locals for the whole
 * range and written back once: per-bar writes to the object cost more than the arithmetic.
 */
export function pushRollingSums(
  window: RollingSum,
  input: Float64Array,
  from: number,
  to: number,
  sums: Float64Array,
  divisor = 1,
): void {
  const { size, buffer } = window;
  let { head, filled, invalid, sum } = window;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    if (filled === size) {
      const out = buffer[head]!;
      if (out !== out) invalid--;
      else sum -= out;
    } else {
      filled++;
    }
    buffer[head] = x;
    if (x !== x) invalid++;
    else sum += x;
    if (++head === size) {
      head = 0;
      sum = sumValid(buffer);
    }
    sums[i] = filled === size && invalid === 0 ? sum / divisor : NaN;
  }
  window.head = head;
  window.filled = filled;
  window.invalid = invalid;
  window.sum = sum;
}

/** The sum of the non-NaN values, in index order. */
function sumValid(buffer: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < buffer.length; i++) {
    const value = buffer[i]!;
    if (value === value) sum += value;
  }
  return sum;
}

/**
 * A reusable work column of at least `length` values, one per `index`, shared by every update: valid only until
 * the next update starts. A batch would otherwise allocate one per feature per chunk.
 */
export function scratchColumn(index: number, length: number): Float64Array {
  let column = scratch[index];
  if (!column || column.length < length) {
    column = new Float64Array(Math.max(length, 1024));
    scratch[index] = column;
  }
  return column;
}

const scratch: Float64Array[] = [];
