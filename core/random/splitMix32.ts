/**
 * SplitMix32: a counter passed through a 32-bit finaliser. Every seed, zero included, gives a well-mixed
 * stream, which makes it the usual way to expand one number into the state of a larger generator.
 * Returns a function producing unsigned 32-bit integers.
 * @see https://github.com/bryc/code/blob/master/jshash/PRNGs.md
 */
export function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state);
  };
}

/** The MurmurHash3 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
export function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
