import { z } from 'zod';

/** Where a label measures its return from: the close of the decision bar, or the open of the bar after it. */
export const EntryReferenceSchema = z
  .enum(['close', 'next_open'])
  .default('close')
  .describe('Entry price: close of the decision bar t (default) or open of bar t+1');

const BarsAhead = z.number().int().positive().describe('Horizon in bars after the decision bar (bars, not minutes)');

/** Parameters of `targets.forward_return`. */
export const ForwardReturnParamsSchema = z
  .strictObject({
    bars_ahead: BarsAhead,
    entry: EntryReferenceSchema,
  })
  .describe('Forward return parameters');

/** Parameters of `targets.direction`. */
export const DirectionParamsSchema = z
  .strictObject({
    bars_ahead: BarsAhead,
    threshold: z.number().nonnegative().describe('Dead zone half-width as a fraction: |return| <= threshold is hold'),
    entry: EntryReferenceSchema,
  })
  .describe('Direction parameters');

/** Parameters of `targets.triple_barrier`. */
export const TripleBarrierParamsSchema = z
  .strictObject({
    bars_ahead: BarsAhead.describe('Time limit (vertical barrier) in bars after the decision bar'),
    profit_take: z.number().positive().describe('Take level above the entry price, as a fraction (0.005 = 0.5%)'),
    stop_loss: z.number().positive().lt(1).describe('Stop level below the entry price, as a fraction (0.003 = 0.3%)'),
    entry: EntryReferenceSchema,
  })
  .describe('Triple barrier parameters');

/** Parameters of `targets.volatility_regime`. */
export const VolatilityRegimeParamsSchema = z
  .strictObject({
    window: z.number().int().positive().describe('Returns in each of the backward and forward windows'),
    threshold_low: z
      .number()
      .nonnegative()
      .describe('Forward/backward volatility ratio below which the label is low_vol'),
    threshold_high: z
      .number()
      .positive()
      .describe('Forward/backward volatility ratio above which the label is high_vol'),
  })
  .refine((params) => params.threshold_low <= params.threshold_high, {
    message: 'threshold_low no greater than threshold_high',
    path: ['threshold_low'],
  })
  .describe('Volatility regime parameters');

const Classes = (defaults: readonly [string, string, string]) =>
  z
    .tuple([z.string().min(1), z.string().min(1), z.string().min(1)])
    .default([...defaults])
    .describe(`Names of the encoded classes 0, 1, 2 (default ${defaults.join(', ')})`);

const Description = z.string().default('').describe('One line for humans');
const CrossSession = z
  .boolean()
  .default(false)
  .describe('Allow the label window to run past the end of the session segment of the decision bar');

/** One target entry; `function` selects the definition and therefore the parameters. */
export const TargetEntrySchema = z.discriminatedUnion('function', [
  z
    .strictObject({
      function: z.literal('targets.forward_return').describe('Forward return over bars_ahead bars'),
      type: z.literal('regression').describe('Kind of label: forward_return is a regression target'),
      params: ForwardReturnParamsSchema,
      description: Description,
      cross_session: CrossSession,
    })
    .describe('Forward return target'),
  z
    .strictObject({
      function: z.literal('targets.direction').describe('Sign of the forward return with a dead zone'),
      type: z.literal('classification').describe('Kind of label: direction is a classification target'),
      params: DirectionParamsSchema,
      classes: Classes(['short', 'hold', 'long']),
      description: Description,
      cross_session: CrossSession,
    })
    .describe('Direction target'),
  z
    .strictObject({
      function: z.literal('targets.triple_barrier').describe('Which of take, stop or time limit is hit first'),
      type: z.literal('classification').describe('Kind of label: triple_barrier is a classification target'),
      params: TripleBarrierParamsSchema,
      classes: Classes(['short', 'hold', 'long']),
      description: Description,
      cross_session: CrossSession,
    })
    .describe('Triple barrier target'),
  z
    .strictObject({
      function: z.literal('targets.volatility_regime').describe('Forward to backward realized volatility ratio'),
      type: z.literal('classification').describe('Kind of label: volatility_regime is a classification target'),
      params: VolatilityRegimeParamsSchema,
      classes: Classes(['low_vol', 'normal', 'high_vol']),
      description: Description,
      cross_session: CrossSession,
    })
    .describe('Volatility regime target'),
]);

/** A target name: lower-case letters, digits and underscores, starting with a letter. */
const TargetName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case name of letters, digits and underscores');

/** config/targets.yaml: named labels for supervised learning, in file order. */
export const TargetsConfigSchema = z
  .strictObject({
    targets: z.record(TargetName, TargetEntrySchema).default({}).describe('Targets by name, computed in file order'),
  })
  .describe('Prediction targets (labels)');

export type TargetsConfig = z.infer<typeof TargetsConfigSchema>;
export type TargetEntry = z.infer<typeof TargetEntrySchema>;
export type EntryReference = z.infer<typeof EntryReferenceSchema>;
export type ForwardReturnParams = z.infer<typeof ForwardReturnParamsSchema>;
export type DirectionParams = z.infer<typeof DirectionParamsSchema>;
export type TripleBarrierParams = z.infer<typeof TripleBarrierParamsSchema>;
export type VolatilityRegimeParams = z.infer<typeof VolatilityRegimeParamsSchema>;
