import { createRandom } from '../random/Random.js';
import { NodeMode, type TreeEnsembleSpec } from './treeEnsembleSpec.js';

const bits = new Float32Array(1);
const bitsInt = new Int32Array(bits.buffer);

/** The float32 next to `x` towards +infinity (`direction` 1) or -infinity (-1); NaN and infinities stay. */
export function nextFloat32(x: number, direction: 1 | -1): number {
  if (x !== x || !Number.isFinite(x)) return x;
  if (x === 0) return direction * 1.401298464324817e-45;
  bits[0] = x;
  bitsInt[0] += x > 0 === direction > 0 ? 1 : -1;
  return bits[0];
}

/**
 * Deterministic probe rows (row-major float32, `1 + count` rows of `spec.inputWidth`) that exercise the
 * ensemble's own split points: the all-missing row first, then rows whose every feature is, at random (seeded),
 * just below, exactly at or just above one of that feature's thresholds, or NaN. Each row takes a different path
 * through every tree, and the comparisons at exact thresholds, the float32 neighbours and the missing-value rule
 * are all met somewhere; a feature no node reads gets 0, -1, 1 or NaN.
 */
export function treeProbeRows(spec: TreeEnsembleSpec, count: number, seed = 20_261_121): Float32Array {
  const width = spec.inputWidth;
  const thresholds: number[][] = Array.from({ length: width }, () => []);
  const { modes, featureIds, values } = spec.nodes;
  for (let i = 0; i < modes.length; i++) {
    const feature = featureIds[i]!;
    if (modes[i] !== NodeMode.LEAF && feature >= 0 && feature < width) thresholds[feature]!.push(values[i]!);
  }
  const random = createRandom(seed, 'tree-probe-rows');
  const rows = new Float32Array((count + 1) * width).fill(Number.NaN, 0, width);
  const fallback = [0, -1, 1, Number.NaN];
  for (let r = 1; r <= count; r++) {
    for (let j = 0; j < width; j++) {
      const list = thresholds[j]!;
      const pick = random.nextUint32();
      let value: number;
      if (list.length === 0) {
        value = fallback[pick % fallback.length]!;
      } else {
        const t = list[random.nextUint32() % list.length]!;
        // NaN one time in eight, so most rows still reach deep nodes with real values.
        const variant = pick % 8;
        value = variant === 0 ? Number.NaN : variant < 3 ? nextFloat32(t, -1) : variant < 5 ? t : nextFloat32(t, 1);
      }
      rows[r * width + j] = value;
    }
  }
  return rows;
}
