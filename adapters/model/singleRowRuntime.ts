import * as ort from 'onnxruntime-node';
import { buildTreeEnsemble } from '../../core/models/buildTreeEnsemble.js';
import type { TreeEnsemble } from '../../core/models/TreeEnsemble.js';
import type { TreeEnsembleSpec } from '../../core/models/treeEnsembleSpec.js';
import { treeProbeRows } from '../../core/models/treeProbeRows.js';
import { readTreeEnsemble } from './onnxTreeEnsemble.js';

/** Which runtime `predictOne` uses, and why (shown by the bench and worth logging at start-up). */
export interface SingleRowRuntime {
  readonly kind: 'typescript' | 'onnxruntime';
  readonly reason: string;
}

/** How the single-row runtime is chosen. */
export interface SingleRowOptions {
  /** 'auto' (default): the TypeScript evaluator when the graph is recognised and verified; 'onnxruntime' forces ORT. */
  readonly runtime?: 'auto' | 'onnxruntime';
  /** Probe rows checked against onnxruntime at load, besides the all-missing row (default 300). */
  readonly probeRows?: number;
  /**
   * For tests only: alters the decoded ensemble before the evaluator is built, to show that the load-time check
   * catches an evaluator that disagrees with onnxruntime.
   */
  readonly editEnsemble?: (spec: TreeEnsembleSpec) => TreeEnsembleSpec;
}

/** The trainer's ONNX-against-native tolerance (workers/training pipeline.py): the bar the evaluator must meet. */
export const SINGLE_ROW_TOLERANCE = 1e-5;

/** The chosen runtime plus the evaluator when it is TypeScript. */
export interface SingleRowChoice {
  readonly runtime: SingleRowRuntime;
  readonly ensemble: TreeEnsemble | null;
}

const onnxruntime = (reason: string): SingleRowChoice => ({ runtime: { kind: 'onnxruntime', reason }, ensemble: null });

/**
 * Decides who answers `predictOne`: decodes the tree ensemble from the ONNX bytes, builds the TypeScript evaluator
 * and runs it against the loaded session on deterministic probe rows (`treeProbeRows`); any output further than
 * SINGLE_ROW_TOLERANCE from onnxruntime (or NaN on one side only) keeps onnxruntime. Never throws for a graph it
 * does not know: the model then simply keeps onnxruntime.
 */
export async function chooseSingleRowRuntime(
  session: ort.InferenceSession,
  onnx: Uint8Array,
  names: { readonly input: string; readonly output: string; readonly features: number },
  options: SingleRowOptions = {},
): Promise<SingleRowChoice> {
  if (options.runtime === 'onnxruntime') return onnxruntime('forced by the option runtime: onnxruntime');
  const reading = readTreeEnsemble(onnx, names.input, names.output, names.features);
  if (!reading.supported) return onnxruntime(`the TypeScript evaluator does not read this graph: ${reading.reason}`);
  const spec = options.editEnsemble ? options.editEnsemble(reading.spec) : reading.spec;
  const built = buildTreeEnsemble(spec);
  if (!built.ok) return onnxruntime(`the TypeScript evaluator does not support this ensemble: ${built.reason}`);
  const ensemble = built.ensemble;

  const rows = treeProbeRows(spec, options.probeRows ?? 300);
  const count = rows.length / names.features;
  const tensor = new ort.Tensor('float32', rows, [count, names.features]);
  let expected: Float32Array;
  try {
    const result = await session.run({ [names.input]: tensor }, [names.output]);
    expected = result[names.output]!.data as Float32Array;
  } catch (error) {
    return onnxruntime(`the probe rows did not run on onnxruntime (${(error as Error).message})`);
  }
  if (expected.length !== count * ensemble.width) {
    return onnxruntime(`onnxruntime gives ${expected.length / count} values per row, the ensemble ${ensemble.width}`);
  }
  const out = new Float64Array(ensemble.width);
  let worst = 0;
  for (let r = 0; r < count; r++) {
    ensemble.predictRow(rows.subarray(r * names.features, (r + 1) * names.features), out);
    for (let k = 0; k < ensemble.width; k++) {
      const want = expected[r * ensemble.width + k]!;
      const diff = Math.abs(out[k]! - want);
      const agree = diff <= SINGLE_ROW_TOLERANCE || (Number.isNaN(want) && Number.isNaN(out[k]!));
      if (!agree) {
        return onnxruntime(
          `the TypeScript evaluator differs from onnxruntime on probe row ${r} output ${k} ` +
            `(${out[k]} against ${want}; tolerance ${SINGLE_ROW_TOLERANCE})`,
        );
      }
      if (diff > worst) worst = diff;
    }
  }
  return {
    runtime: {
      kind: 'typescript',
      reason:
        `${spec.kind} of ${ensemble.trees} trees verified against onnxruntime on ${count} probe rows ` +
        `(largest difference ${worst.toExponential(2)})`,
    },
    ensemble,
  };
}
