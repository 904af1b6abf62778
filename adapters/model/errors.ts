import { AppError } from '../../core/AppError.js';

/** Error codes of the model layer (loading, predicting, training through the Python worker, the registry). */
export const ModelErrorCode = {
  MODEL_FILE_MISSING: 'MODEL_FILE_MISSING',
  MODEL_CARD_INVALID: 'MODEL_CARD_INVALID',
  MODEL_ONNX_MISMATCH: 'MODEL_ONNX_MISMATCH',
  MODEL_NO_DIRECTION: 'MODEL_NO_DIRECTION',
  FEATURE_COLUMN_MISSING: 'FEATURE_COLUMN_MISSING',
  FEATURE_FILE_INVALID: 'FEATURE_FILE_INVALID',
  MODEL_ROW_WIDTH: 'MODEL_ROW_WIDTH',
  UNKNOWN_TARGET: 'UNKNOWN_TARGET',
  UNKNOWN_MODEL: 'UNKNOWN_MODEL',
  MODEL_TASK_MISMATCH: 'MODEL_TASK_MISMATCH',
  TRAINING_UNAVAILABLE: 'TRAINING_UNAVAILABLE',
  TRAINING_INPUT_INVALID: 'TRAINING_INPUT_INVALID',
  TRAINING_FAILED: 'TRAINING_FAILED',
  MODEL_NAME_INVALID: 'MODEL_NAME_INVALID',
  MODEL_NOT_FOUND: 'MODEL_NOT_FOUND',
  REGISTRY_CONFLICT: 'REGISTRY_CONFLICT',
} as const;
export type ModelErrorCode = (typeof ModelErrorCode)[keyof typeof ModelErrorCode];

const quote = (text: string): string => JSON.stringify(text);
const list = (names: readonly string[]): string => names.map(quote).join(', ');

/** A model folder lacks a file the model needs. */
export class ModelFileMissingError extends AppError {
  constructor(path: string, expected: string) {
    super(ModelErrorCode.MODEL_FILE_MISSING, `${path}: no such file; expected ${expected}`);
  }
}

/** card.json does not follow the model card contract; one line per problem. */
export class ModelCardInvalidError extends AppError {
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(ModelErrorCode.MODEL_CARD_INVALID, `${source}: invalid model card:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** The ONNX graph does not match its card (input name or width, output names or widths). */
export class ModelOnnxMismatchError extends AppError {
  constructor(source: string, detail: string) {
    super(ModelErrorCode.MODEL_ONNX_MISMATCH, `${source}: the ONNX model does not match card.json: ${detail}`);
  }
}

/** A classification model whose classes hold no long or no short class cannot give a direction. */
export class ModelNoDirectionError extends AppError {
  constructor(source: string, classes: readonly string[], long: string, short: string) {
    super(
      ModelErrorCode.MODEL_NO_DIRECTION,
      `${source}: a signal needs a long class ${quote(long)} and a short class ${quote(short)} among the model's ` +
        `classes, which were ${list(classes)}; train on a directional target (e.g. direction_5)`,
    );
  }
}

/** The frame or file to predict on lacks feature columns the model was trained on. */
export class FeatureColumnMissingError extends AppError {
  readonly missing: readonly string[];

  constructor(source: string, missing: readonly string[], available: readonly string[]) {
    super(
      ModelErrorCode.FEATURE_COLUMN_MISSING,
      `${source}: missing feature column${missing.length > 1 ? 's' : ''} ${list(missing)}; ` +
        `the columns were ${list(available.slice(0, 80))}${available.length > 80 ? ', ...' : ''}`,
    );
    this.missing = missing;
  }
}

/** A features file whose cells cannot be read as what the model needs. */
export class FeatureFileInvalidError extends AppError {
  constructor(path: string, detail: string) {
    super(ModelErrorCode.FEATURE_FILE_INVALID, `${path}: ${detail}`);
  }
}

/** A single row for `predictOne` has the wrong number of values. */
export class ModelRowWidthError extends AppError {
  constructor(model: string, expected: number, found: number) {
    super(ModelErrorCode.MODEL_ROW_WIDTH, `model ${quote(model)}: a row must hold ${expected} features, was ${found}`);
  }
}

/** A target name not in config/targets.yaml. */
export class UnknownTargetError extends AppError {
  constructor(name: string, known: readonly string[]) {
    super(
      ModelErrorCode.UNKNOWN_TARGET,
      `--target: no target ${quote(name)} in config/targets.yaml; known: ${list(known)}`,
    );
  }
}

/** A model name not in config/models.yaml. */
export class UnknownModelError extends AppError {
  constructor(name: string, known: readonly string[]) {
    super(
      ModelErrorCode.UNKNOWN_MODEL,
      `--model: no model ${quote(name)} in config/models.yaml; known: ${list(known)}`,
    );
  }
}

/** A classification model on a regression target, or the other way round. */
export class ModelTaskMismatchError extends AppError {
  constructor(model: string, task: string, target: string, type: string) {
    super(
      ModelErrorCode.MODEL_TASK_MISMATCH,
      `model ${quote(model)} is a ${task} model but target ${quote(target)} is a ${type} target; pick a ${type} model`,
    );
  }
}

/** The Python training environment is not installed. */
export class TrainingUnavailableError extends AppError {
  constructor(python: string) {
    super(
      ModelErrorCode.TRAINING_UNAVAILABLE,
      `${python}: no Python training environment; run scripts/setup.sh (it builds workers/training/.venv)`,
    );
  }
}

/** The Python trainer rejected its input (exit code 2): not worth retrying. */
export class TrainingInputInvalidError extends AppError {
  constructor(detail: string) {
    super(ModelErrorCode.TRAINING_INPUT_INVALID, `training input rejected: ${detail}`);
  }
}

/** The Python trainer failed for another reason. */
export class TrainingFailedError extends AppError {
  constructor(detail: string) {
    super(ModelErrorCode.TRAINING_FAILED, `training failed: ${detail}`);
  }
}

/** A model name or version that cannot be a registry key. */
export class ModelNameInvalidError extends AppError {
  constructor(what: string, value: string, expected: string) {
    super(ModelErrorCode.MODEL_NAME_INVALID, `model registry: ${what} must be ${expected}, was ${quote(value)}`);
  }
}

/** No such model or version in the registry. */
export class ModelNotFoundError extends AppError {
  constructor(name: string, version: string | null, known: readonly string[]) {
    super(
      ModelErrorCode.MODEL_NOT_FOUND,
      version === null
        ? `model registry: no model named ${quote(name)}; registered: ${known.length > 0 ? list(known) : 'none'}`
        : `model registry: model ${quote(name)} has no version ${quote(version)}; versions: ${known.length > 0 ? list(known) : 'none'}`,
    );
  }
}

/** Too many concurrent registrations took every version slot tried. */
export class RegistryConflictError extends AppError {
  constructor(name: string, attempts: number) {
    super(
      ModelErrorCode.REGISTRY_CONFLICT,
      `model registry: could not claim a version of ${quote(name)} after ${attempts} attempts (other registrations kept taking the slot)`,
    );
  }
}
