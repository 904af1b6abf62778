import { z } from 'zod';
import { Identifier } from './common.js';

/** One model specification: which framework trains it, on what kind of task, with which hyperparameters. */
export const ModelSpecSchema = z
  .strictObject({
    framework: z.enum(['lightgbm', 'xgboost']).describe('Training library; both export to ONNX'),
    task: z.enum(['classification', 'regression']).describe('Must match the type of the target it is trained on'),
    params: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
      .default({})
      .describe('Hyperparameters passed to the framework as they are'),
    num_boost_round: z.number().int().positive().default(500).describe('Most boosting rounds'),
    early_stopping_rounds: z
      .number()
      .int()
      .positive()
      .default(50)
      .describe('Stop after this many rounds without validation gain'),
    description: z.string().optional().describe('What this model is for'),
  })
  .describe('A model specification');

/** config/models.yaml: models by name. */
export const ModelsConfigSchema = z
  .strictObject({
    models: z.record(Identifier, ModelSpecSchema).describe('Models by name'),
  })
  .describe('Model specifications');

export type ModelSpec = z.infer<typeof ModelSpecSchema>;
export type ModelsConfig = z.infer<typeof ModelsConfigSchema>;
