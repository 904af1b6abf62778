/**
 * The custom search attributes of experiment workflows: the Temporal UI lists and filters experiments by them
 * (`verdict = "promising" AND oos_sharpe > 1`), and `intraday experiment list` reads them back. Names follow the
 * issue's vocabulary; types are Temporal's indexed value types. Registered on a namespace by
 * adapters/temporal/searchAttributes.ts (the dev server and a real cluster alike).
 */
export const EXPERIMENT_SEARCH_ATTRIBUTES = {
  verdict: 'KEYWORD',
  oos_sharpe: 'DOUBLE',
  deflated_sharpe: 'DOUBLE',
  hypothesis: 'TEXT',
  target: 'KEYWORD',
  feature_set_hash: 'KEYWORD',
  experiment_name: 'KEYWORD',
} as const;

export type ExperimentSearchAttribute = keyof typeof EXPERIMENT_SEARCH_ATTRIBUTES;

/** The workflow type users start (by this name from the Temporal UI or `temporal workflow start --type`). */
export const EXPERIMENT_WORKFLOW_TYPE = 'experiment';

/** Task queue of the TypeScript worker (workflows and research activities). */
export const RESEARCH_TASK_QUEUE = 'research';

/** Task queue of the Python training worker. */
export const TRAINING_TASK_QUEUE = 'training';

/** What the `progress` query of a running experiment returns. */
export interface ExperimentProgress {
  readonly step: string;
  readonly folds: number;
  readonly folds_trained: number;
  readonly folds_predicted: number;
}
