import { AppError } from '../AppError.js';

/** Error codes of the feature engine. */
export const FeatureErrorCode = {
  FEATURE_CONFIG_INVALID: 'FEATURE_CONFIG_INVALID',
  FEATURE_UNKNOWN: 'FEATURE_UNKNOWN',
  FEATURE_INVALID_BAR: 'FEATURE_INVALID_BAR',
  FEATURE_SNAPSHOT_MISMATCH: 'FEATURE_SNAPSHOT_MISMATCH',
} as const;
export type FeatureErrorCode = (typeof FeatureErrorCode)[keyof typeof FeatureErrorCode];

const quote = (text: string): string => JSON.stringify(text);

/**
 * The feature registry cannot be built: unknown function or dependency, dependency cycle, bad params or a
 * lookback below the computed warm-up. Carries one line per problem, each naming the feature.
 */
export class FeatureConfigError extends AppError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      FeatureErrorCode.FEATURE_CONFIG_INVALID,
      problems.length === 1
        ? `features.yaml: ${problems[0]}`
        : `features.yaml: ${problems.length} problems:\n  ${problems.join('\n  ')}`,
    );
    this.problems = problems;
  }
}

/** A caller asked for a feature that features.yaml does not define. */
export class UnknownFeatureError extends AppError {
  constructor(names: readonly string[]) {
    super(
      FeatureErrorCode.FEATURE_UNKNOWN,
      `requested feature${names.length === 1 ? '' : 's'} ${names.map(quote).join(', ')} not defined in features.yaml`,
    );
  }
}

/** A bar fed to a feature stream breaks an invariant (NaN price, time not increasing). */
export class InvalidBarError extends AppError {
  constructor(detail: string) {
    super(FeatureErrorCode.FEATURE_INVALID_BAR, `feature stream: ${detail}`);
  }
}

/** A snapshot was restored into a pipeline with a different feature set. */
export class SnapshotMismatchError extends AppError {
  constructor(expected: readonly string[], was: readonly string[]) {
    super(
      FeatureErrorCode.FEATURE_SNAPSHOT_MISMATCH,
      `feature snapshot holds features [${was.join(', ')}], the pipeline computes [${expected.join(', ')}]`,
    );
  }
}

/** Message texts of parameter problems; the resolver prefixes the feature name. */
export const paramMessages = {
  unknownKey: (key: string, allowed: readonly string[]): string =>
    `params.${key} is not a parameter of this function (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`,
  integer: (key: string, min: number, was: unknown): string =>
    `params.${key} must be an integer >= ${min}, was ${render(was)}`,
  choice: (key: string, choices: readonly string[], was: unknown): string =>
    `params.${key} must be one of ${choices.join(', ')}, was ${render(was)}`,
  inputCount: (id: string, expected: string, was: number): string =>
    `function ${id} takes ${expected}, was given ${was} dependenc${was === 1 ? 'y' : 'ies'}`,
  columnAndDependency: (): string => 'takes either params.column or one dependency as its input, not both',
};

function render(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'string' ? quote(value) : String(value);
}

/** A parameter problem found while compiling one feature; the resolver adds the feature name. */
export class FeatureParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureParamError';
  }
}
