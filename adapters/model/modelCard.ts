import { z } from 'zod';
import { ModelCardInvalidError } from './errors.js';

// The model card contract (schema_version 1), written by the Python trainer (workers/training) and read here.
// Objects are not strict: the trainer may add fields (a newer library version, an extra metric) without breaking
// older readers; every field this side relies on is required and typed.

const Name = z.string().min(1);
const Counts = z.record(z.string(), z.number());

const SignalSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('class_probability'), long: Name, short: Name }),
  z.object({ kind: z.literal('regression_scale'), scale: z.number().positive().finite() }),
]);

/** card.json, as validated; `raw` keeps every field, including ones this schema does not know. */
export const ModelCardSchema = z
  .object({
    schema_version: z.literal(1),
    name: Name,
    framework: z.enum(['lightgbm', 'xgboost']),
    task: z.enum(['classification', 'regression']),
    features: z
      .array(Name)
      .min(1)
      .refine((names) => new Set(names).size === names.length, 'feature names must be unique'),
    target: z.object({
      name: Name,
      type: z.enum(['classification', 'regression']),
      classes: z.array(Name).nullable(),
      horizon: z.number().int().nonnegative().nullable(),
    }),
    classes: z.array(Name).min(2).nullable(),
    onnx: z.object({
      input: Name,
      probabilities: Name.nullable(),
      value: Name.nullable(),
      opset: z.union([z.number().int(), z.record(z.string(), z.number().int())]).nullable(),
    }),
    signal: SignalSpecSchema,
    hyperparameters: z.record(z.string(), z.unknown()),
    best_iteration: z.number().int().nullable(),
    num_trees: z.number().int().nonnegative(),
    data: z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
      rows_train: z.number().int().nonnegative(),
      rows_valid: z.number().int().nonnegative(),
      rows_dropped_nan_target: z.number().int().nonnegative(),
    }),
    metrics: z.record(z.string(), z.unknown()),
    importance: z.object({ gain: Counts, split: Counts, permutation: Counts.nullable() }),
    library_versions: z.record(z.string(), z.string()),
    training_seconds: z.number().nonnegative(),
    /** The library's fit alone; training_seconds adds ONNX export, the parity check and permutation importance. */
    fit_seconds: z.number().nonnegative().optional(),
    created: z.string().min(1),
  })
  .superRefine((card, context) => {
    const problem = (path: string, message: string): void => {
      context.addIssue({ code: 'custom', path: path.split('.'), message });
    };
    if (card.task !== card.target.type) problem('task', `must equal target.type (${card.target.type})`);
    if (card.task === 'classification') {
      if (card.classes === null) problem('classes', 'a classification model needs its class labels');
      if (card.onnx.probabilities === null) {
        problem('onnx.probabilities', 'a classification model needs the output name');
      }
      if (card.signal.kind !== 'class_probability') {
        problem('signal.kind', 'must be "class_probability" for classification');
      }
    } else {
      if (card.onnx.value === null) problem('onnx.value', 'a regression model needs the output name');
      if (card.signal.kind !== 'regression_scale') problem('signal.kind', 'must be "regression_scale" for regression');
    }
  });

/** A validated model card. */
export type ModelCard = z.infer<typeof ModelCardSchema>;

/** Parses card.json text or an already parsed value; throws MODEL_CARD_INVALID naming `source` and each problem. */
export function parseModelCard(source: string, input: string | unknown): ModelCard {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ModelCardInvalidError(source, [`not JSON (${(error as Error).message})`]);
    }
  }
  const result = ModelCardSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ModelCardInvalidError(
    source,
    result.error.issues.map((issue) => {
      const path = issue.path.join('.') || '(top level)';
      const found = issue.path.reduce<unknown>(
        (at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
        value,
      );
      return `${path}: ${issue.message}, was ${found === undefined ? 'missing' : JSON.stringify(found)?.slice(0, 80)}`;
    }),
  );
}
