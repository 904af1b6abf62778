import { z } from 'zod';

/** Kinds of feature, used to group them in reports and feature-importance tables. */
export const FeatureCategorySchema = z
  .enum(['trend', 'momentum', 'volatility', 'volume', 'price_action', 'structure', 'time'])
  .describe('Group of the feature: trend, momentum, volatility, volume, price_action, structure or time');

/** A feature name: lower-case letters, digits and underscores, starting with a letter. */
export const FeatureNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a lower-case name of letters, digits and underscores')
  .describe('Feature name, unique in features.yaml, lower_snake_case');

/** One feature of the registry: which function computes it, with what parameters and inputs. */
export const FeatureEntrySchema = z
  .strictObject({
    function: z
      .string()
      .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'a function id such as moving_averages.sma')
      .describe('Stable id of the computation registered in core/features/registry.ts, e.g. moving_averages.sma'),
    params: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
      .default({})
      .describe('Parameters of the function (window, column, ...); each function checks its own'),
    lookback: z
      .number()
      .int()
      .positive()
      .describe('Bars of history, current bar included, before the first value; at least the computed warm-up'),
    category: FeatureCategorySchema,
    dependencies: z
      .array(FeatureNameSchema)
      .default([])
      .describe('Features this one reads, in the order the function takes them as inputs'),
    description: z.string().default('').describe('One line for humans'),
  })
  .describe('One feature: function, params, lookback, category and dependencies');

/** The feature registry file, config/features.yaml. Entry order is the output column order. */
export const FeaturesConfigSchema = z
  .strictObject({
    features: z
      .record(FeatureNameSchema, FeatureEntrySchema)
      .describe('Feature name to definition, in output column order'),
  })
  .describe('Feature registry: every feature the engine can compute');

/** One parsed feature entry. */
export type FeatureEntry = z.infer<typeof FeatureEntrySchema>;
/** The parsed feature registry. */
export type FeaturesConfig = z.infer<typeof FeaturesConfigSchema>;
/** A feature category. */
export type FeatureCategory = z.infer<typeof FeatureCategorySchema>;
