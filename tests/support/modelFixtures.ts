import { parseModelCard } from '../../adapters/model/modelCard.js';
import type { ModelArtifacts } from '../../adapters/model/modelFiles.js';

/**
 * A valid schema-version-1 model card as the Python trainer writes it, for tests of the card schema and the
 * registry (which never run the ONNX bytes). `overrides` replace top-level fields.
 */
export function testCard(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: 1,
    name: 'lgbm_direction',
    framework: 'lightgbm',
    task: 'classification',
    features: ['ret_1', 'rsi_14', 'volume_z_20'],
    target: { name: 'direction_5', type: 'classification', classes: ['short', 'hold', 'long'], horizon: 5 },
    classes: ['short', 'hold', 'long'],
    onnx: { input: 'input', probabilities: 'probabilities', value: null, opset: 15 },
    signal: { kind: 'class_probability', long: 'long', short: 'short' },
    hyperparameters: { num_leaves: 31, learning_rate: 0.05 },
    best_iteration: 42,
    num_trees: 126,
    data: { sha256: 'a'.repeat(64), rows_train: 1000, rows_valid: 250, rows_dropped_nan_target: 40 },
    metrics: { valid_logloss: 1.05, valid_accuracy: 0.41 },
    importance: { gain: { ret_1: 10 }, split: { ret_1: 3 }, permutation: null },
    library_versions: { lightgbm: '4.6.0', onnx: '1.17.0' },
    training_seconds: 1.5,
    created: '2026-11-21T08:00:00Z',
    ...overrides,
  };
}

/** Artifacts around `testCard` with placeholder model bytes (the registry stores bytes, it does not run them). */
export function testArtifacts(overrides: Record<string, unknown> = {}, onnxText = 'onnx bytes'): ModelArtifacts {
  const raw = testCard(overrides);
  const cardText = JSON.stringify(raw, null, 2);
  return {
    card: parseModelCard('test card', cardText),
    cardText,
    onnx: new TextEncoder().encode(onnxText),
    native: { file: 'model.txt', bytes: new TextEncoder().encode('tree\nversion=v4\n') },
  };
}
