import { AppError } from '../../core/AppError.js';

/**
 * The experiment config is invalid or names something that does not exist. Never retried: the Temporal wrapper
 * turns it into a non-retryable ApplicationFailure of type `BadExperimentConfig`.
 */
export class BadExperimentConfigError extends AppError {
  constructor(message: string) {
    super('BAD_EXPERIMENT_CONFIG', message);
  }
}

/** The experiment's data cannot support it (no bars, too few steps for the folds, a missing file). Never retried. */
export class BadExperimentDataError extends AppError {
  constructor(message: string) {
    super('BAD_EXPERIMENT_DATA', message);
  }
}

/** The Temporal failure type of each non-retryable error code (contracts NON_RETRYABLE_ERRORS). */
export const FAILURE_TYPE_OF_CODE: Readonly<Record<string, string>> = {
  BAD_EXPERIMENT_CONFIG: 'BadExperimentConfig',
  BAD_EXPERIMENT_DATA: 'BadExperimentData',
  CONFIG_INVALID: 'BadExperimentConfig',
  // A model card or report input that does not parse will not parse on a retry either.
  MODEL_CARD_INVALID: 'BadExperimentData',
  REPORT_DATA_INVALID: 'BadExperimentData',
};
