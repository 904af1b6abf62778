/**
 * sfc32, Chris Doty-Humphrey's Small Fast Counter generator: 128-bit state, passes PractRand, and its
 * counter word guarantees a period of at least 2^32. Returns a function producing unsigned 32-bit integers,
 * starting from the given state words with no warm-up (callers discard the first outputs).
 * @see https://pracrand.sourceforge.net/RNG_engines.txt
 */
export function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): () => number {
  let a = seedA | 0;
  let b = seedB | 0;
  let c = seedC | 0;
  let counter = seedD | 0;
  return () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
}
