import { hashString } from './hashString.js';
import { sfc32 } from './sfc32.js';
import { mix32, splitMix32 } from './splitMix32.js';

/** A seeded source of random numbers; the only randomness `core/` may use. */
export interface Random {
  /** Unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 32-bit resolution. */
  nextFloat(): number;
  /** Standard normal (mean 0, variance 1). */
  nextNormal(): number;
}

const TWO_POW_32 = 4_294_967_296;
// The first outputs of sfc32 still show the structure of the seed words; the reference discards them.
const WARM_UP_DRAWS = 15;

/**
 * A generator for `seed` (any safe integer) and a named `stream`. Different streams of one seed are
 * independent, so each consumer (the market, each ticker) draws its own numbers and adding a consumer
 * never shifts the draws of another. sfc32 at the core, its state filled by SplitMix32 from the seed and
 * the stream name; normals by the Marsaglia polar method.
 */
export function createRandom(seed: number, stream = ''): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`random seed must be a safe integer, was ${seed}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const fill = splitMix32(mix32(low ^ mix32(high ^ mix32(hashString(stream)))));
  const nextUint32 = sfc32(fill(), fill(), fill(), fill());
  for (let i = 0; i < WARM_UP_DRAWS; i++) nextUint32();

  const nextFloat = (): number => nextUint32() / TWO_POW_32;
  let spare = 0;
  let hasSpare = false;
  const nextNormal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * nextFloat() - 1;
      v = 2 * nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };
  return { nextUint32, nextFloat, nextNormal };
}
