import { z } from 'zod';
import { BarSizeText, DateText, Ticker } from './common.js';

/** Where bars come from by default, and the synthetic generator's settings. */
export const DataSettingsSchema = z
  .strictObject({
    source: z
      .enum(['synthetic', 'csv', 'parquet', 'ibkr'])
      .default('synthetic')
      .describe('Default bar source; synthetic is the embedded default and needs no account or data'),
    path: z.string().optional().describe('File or folder for csv/parquet sources'),
    universe: z
      .array(Ticker)
      .min(1)
      .default(['AAPL', 'MSFT', 'GOOG'])
      .describe('Tickers known to the system; rows for other tickers are quarantined when a file is loaded'),
    bar: BarSizeText.default('5m'),
    timezone: z
      .string()
      .default('America/New_York')
      .describe('Exchange time zone; naive timestamps in files are read in it'),
    quarantine_limit_pct: z
      .number()
      .min(0)
      .max(100)
      .default(5)
      .describe('Refuse a file when more than this share of its rows is quarantined (percent)'),
  })
  .describe('Market data settings');

/** Settings of the seeded synthetic bar generator. */
export const SyntheticSettingsSchema = z
  .strictObject({
    seed: z
      .number()
      .int()
      .nonnegative()
      .default(7)
      .describe('Seed of the generator; the same seed gives the same bars'),
    start: DateText.default('2024-01-02'),
    end: DateText.default('2024-12-31'),
  })
  .describe('Synthetic generator settings');

/** Temporal connection settings; the address can be overridden by TEMPORAL_ADDRESS. */
export const TemporalSettingsSchema = z
  .strictObject({
    address: z.string().default('127.0.0.1:7233').describe('Temporal frontend host:port (env TEMPORAL_ADDRESS wins)'),
    namespace: z.string().default('default').describe('Temporal namespace'),
  })
  .describe('Temporal connection');

/** config/system.yaml: global settings. Secrets never live here; they come from environment variables. */
export const SystemConfigSchema = z
  .strictObject({
    data: DataSettingsSchema.prefault({}),
    synthetic: SyntheticSettingsSchema.prefault({}),
    temporal: TemporalSettingsSchema.prefault({}),
  })
  .describe('Global settings of the intraday system');

export type SystemConfig = z.infer<typeof SystemConfigSchema>;
