import type { z } from 'zod';
import { BacktestConfigSchema } from './backtest.js';
import { ColumnMapSchema } from './columnMap.js';
import { ExperimentConfigSchema } from './experiment.js';
import { FeaturesConfigSchema } from './features.js';
import { ModelsConfigSchema } from './models.js';
import { RiskConfigSchema } from './risk.js';
import { SystemConfigSchema } from './system.js';
import { TargetsConfigSchema } from './targets.js';

/** The configuration files read at start-up, each with its schema. */
export const CONFIG_FILES = {
  system: { file: 'system.yaml', schema: SystemConfigSchema },
  features: { file: 'features.yaml', schema: FeaturesConfigSchema },
  targets: { file: 'targets.yaml', schema: TargetsConfigSchema },
  risk: { file: 'risk.yaml', schema: RiskConfigSchema },
  models: { file: 'models.yaml', schema: ModelsConfigSchema },
} as const;

/** Every schema published for editors: the start-up files plus experiments and column maps. */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  system: SystemConfigSchema,
  features: FeaturesConfigSchema,
  targets: TargetsConfigSchema,
  risk: RiskConfigSchema,
  models: ModelsConfigSchema,
  experiment: ExperimentConfigSchema,
  'column-map': ColumnMapSchema,
  backtest: BacktestConfigSchema,
};

/** The parsed, frozen configuration of the whole system. */
export interface AppConfig {
  readonly dir: string;
  readonly system: z.output<typeof SystemConfigSchema>;
  readonly features: z.output<typeof FeaturesConfigSchema>;
  readonly targets: z.output<typeof TargetsConfigSchema>;
  readonly risk: z.output<typeof RiskConfigSchema>;
  readonly models: z.output<typeof ModelsConfigSchema>;
}
