import { FeatureParamError, paramMessages } from './errors.js';
import { BAR_COLUMNS, BarSlot, type BarColumn, type FeatureInput, type FeatureParams } from './FeatureKind.js';

/** Rejects params the function does not take. */
export function checkParamKeys(params: FeatureParams, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw new FeatureParamError(paramMessages.unknownKey(key, allowed));
  }
}

/** Reads an integer param >= `min`, or `fallback` when absent (required when no fallback). */
export function integerParam(params: FeatureParams, key: string, min: number, fallback?: number): number {
  const value = params[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new FeatureParamError(paramMessages.integer(key, min, params[key]));
  }
  return value;
}

/** Reads a string param that must be one of `choices`, or `fallback` when absent. */
export function choiceParam<T extends string>(
  params: FeatureParams,
  key: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const value = params[key] ?? fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new FeatureParamError(paramMessages.choice(key, choices, params[key]));
  }
  return value as T;
}

/** Checks the number of dependencies a function receives. */
export function expectInputs(id: string, inputs: readonly FeatureInput[], count: number): void {
  if (inputs.length !== count) {
    throw new FeatureParamError(
      paramMessages.inputCount(id, `${count} dependenc${count === 1 ? 'y' : 'ies'}`, inputs.length),
    );
  }
}

/** The input of a bar column: valid from the first bar. */
export function columnInput(column: BarColumn): FeatureInput {
  return { slot: BarSlot[column], warmup: 1 };
}

/**
 * The single series a one-input function reads: `params.column` (a bar column, `fallback` when absent) when the
 * feature has no dependency, else its one dependency. Giving both is an error.
 */
export function seriesInput(
  id: string,
  params: FeatureParams,
  inputs: readonly FeatureInput[],
  fallback: BarColumn,
): FeatureInput {
  if (inputs.length > 1) {
    throw new FeatureParamError(paramMessages.inputCount(id, 'at most 1 dependency', inputs.length));
  }
  if (inputs.length === 1) {
    if (params['column'] !== undefined) throw new FeatureParamError(paramMessages.columnAndDependency());
    return inputs[0]!;
  }
  return columnInput(choiceParam(params, 'column', BAR_COLUMNS, fallback));
}
