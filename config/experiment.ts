import { z } from 'zod';
import { BarSizeText, DateText, Identifier, Ticker } from './common.js';

/** Where the bars of an experiment come from. */
export const ExperimentDataSchema = z
  .strictObject({
    source: z.enum(['synthetic', 'csv', 'parquet', 'ibkr']).default('synthetic').describe('Bar source'),
    path: z.string().optional().describe('File for csv/parquet sources'),
    tickers: z.array(Ticker).min(1).describe('Tickers to test on'),
    start: DateText,
    end: DateText,
    bar: BarSizeText.default('5m'),
    seed: z.number().int().nonnegative().default(7).describe('Generator seed (synthetic source only)'),
  })
  .describe('Data of the experiment');

/** Purged walk-forward validation. */
export const WalkForwardSchema = z
  .strictObject({
    folds: z.number().int().min(1).default(12).describe('Number of out-of-sample test windows'),
    mode: z.enum(['rolling', 'expanding']).default('rolling').describe('Rolling or expanding training window'),
    train_fraction: z.number().gt(0).lt(1).default(0.5).describe('Share of the data in the first training window'),
    purge_bars: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Gap between train and test; at least the target horizon (the default)'),
    embargo_bars: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe('Bars dropped after each test window before later training'),
  })
  .describe('Walk-forward splitter');

/** Costs applied by the simulated broker. */
export const CostsSchema = z
  .strictObject({
    model: z.enum(['ibkr', 'none']).default('ibkr').describe('IBKR-like per-share commission, or no costs'),
    slippage_bps: z.number().nonnegative().default(1).describe('Fixed slippage per fill in basis points'),
    initial_cash: z.number().positive().default(1_000_000).describe('Starting cash of the simulated account'),
  })
  .describe('Backtest costs');

/** Thresholds that turn results into kill / iterate / promising. */
export const VerdictSchema = z
  .strictObject({
    promising_deflated_sharpe: z
      .number()
      .min(0)
      .max(1)
      .default(0.95)
      .describe('Deflated Sharpe probability needed for promising'),
    promising_oos_sharpe: z.number().default(1).describe('Out-of-sample Sharpe after costs needed for promising'),
    kill_oos_sharpe: z.number().default(0).describe('At or below this out-of-sample Sharpe the idea is killed'),
    min_positive_folds: z
      .number()
      .min(0)
      .max(1)
      .default(0.6)
      .describe('Share of folds with positive Sharpe needed for promising'),
  })
  .describe('Verdict thresholds');

/** Permutation importance of each fold model (the report averages it over the folds). */
export const ImportanceSchema = z
  .strictObject({
    permutation_rows: z
      .number()
      .int()
      .positive()
      .default(2000)
      .describe('Validation rows sampled per fold; the report averages over folds, so 12 folds see 24,000 rows'),
    permutation_repeats: z.number().int().positive().default(1).describe('Shuffles per feature and fold'),
  })
  .describe('Permutation importance: its cost grows with rows x repeats x features x trees');

/** config/experiments/*.yaml: one hypothesis to test. */
export const ExperimentConfigSchema = z
  .strictObject({
    name: Identifier.describe('Experiment name'),
    hypothesis: z.string().min(1).describe('The idea under test, in a sentence'),
    data: ExperimentDataSchema,
    features: z
      .union([z.literal('all'), z.array(Identifier).min(1)])
      .describe('Feature names from config/features.yaml, or "all"'),
    target: Identifier.describe('Target name from config/targets.yaml'),
    model: Identifier.describe('Model name from config/models.yaml'),
    walk_forward: WalkForwardSchema.prefault({}),
    costs: CostsSchema.prefault({}),
    verdict: VerdictSchema.prefault({}),
    importance: ImportanceSchema.prefault({}),
  })
  .describe('An experiment');

export type ExperimentConfig = z.infer<typeof ExperimentConfigSchema>;
