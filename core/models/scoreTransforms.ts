/**
 * The post transforms of ai.onnx.ml tree ensembles in float32 arithmetic, step by step as onnxruntime computes
 * them (onnxruntime/core/providers/cpu/ml/ml_common.h: ComputeSoftmax, ComputeSoftmaxZero, ComputeLogistic,
 * ComputeProbit with its ErfInv approximation). Every intermediate is rounded with Math.fround so the results
 * match the C++ float code to the last bit or one unit in the last place of `exp` / `log`.
 */

const f = Math.fround;
const FLOAT_MAX = f(3.4028234663852886e38);
const SQRT2 = f(1.41421356);
const ERF_A = f(0.147);
const ERF_TWO_OVER_PI_A = f(2 / f(f(3.14159) * ERF_A));
const ERF_ONE_OVER_A = f(1 / ERF_A);
const ZERO_BAND = f(0.0000001);

/** Softmax over `values[0..n)`, in place, shifted by the maximum for stability. */
export function softmaxInPlace(values: Float64Array, n: number): void {
  let max = -FLOAT_MAX;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = f(Math.exp(f(values[i]! - max)));
    values[i] = e;
    sum = f(sum + e);
  }
  for (let i = 0; i < n; i++) values[i] = f(values[i]! / sum);
}

/** Softmax that leaves (near-)zero scores out of the sum: a class no tree voted for keeps probability ~0. */
export function softmaxZeroInPlace(values: Float64Array, n: number): void {
  let max = -FLOAT_MAX;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  const expNegMax = f(Math.exp(-max));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > ZERO_BAND || v < -ZERO_BAND) {
      const e = f(Math.exp(f(v - max)));
      values[i] = e;
      sum = f(sum + e);
    } else {
      values[i] = f(v * expNegMax);
    }
  }
  for (let i = 0; i < n; i++) values[i] = f(values[i]! / sum);
}

/** The logistic function, computed on -|x| so it never overflows. */
export function logistic32(x: number): number {
  const v = f(1 / f(1 + f(Math.exp(-Math.abs(x)))));
  return x < 0 ? f(1 - v) : v;
}

/** The inverse error function by Winitzki's approximation (a = 0.147), as onnxruntime's ErfInv. */
function erfInv32(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const y = f(f(1 - x) * f(1 + x));
  const log = f(Math.log(y));
  const v = f(ERF_TWO_OVER_PI_A + f(0.5 * log));
  const v2 = f(ERF_ONE_OVER_A * log);
  const v3 = f(-v + f(Math.sqrt(f(f(v * v) - v2))));
  return f(sign * f(Math.sqrt(v3)));
}

/** The probit (inverse normal CDF) of a probability: sqrt(2) * erfinv(2p - 1). */
export function probit32(p: number): number {
  return f(SQRT2 * erfInv32(f(f(2 * p) - 1)));
}
