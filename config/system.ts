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

/** Blob store: a local folder (the default, under the data dir) or an Azure Blob container. */
export const BlobSettingsSchema = z
  .strictObject({
    kind: z
      .enum(['local', 'azure'])
      .default('local')
      .describe('local: a folder under the data dir; azure: Blob Storage'),
    container: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/,
        'an Azure container name: 3-63 lower-case letters, digits, hyphens',
      )
      .default('intraday')
      .describe('Azure container name (azure only)'),
    account_url: z
      .string()
      .optional()
      .describe(
        'Azure account URL, used with DefaultAzureCredential; AZURE_STORAGE_CONNECTION_STRING (env) wins. Never a key here',
      ),
  })
  .describe('Blob store for artifacts, bars, features and models');

/** PostgreSQL feedback log; absent host means the embedded default (PGlite under the data dir). */
export const PostgresSettingsSchema = z
  .strictObject({
    embedded: z
      .boolean()
      .default(true)
      .describe(
        'true: embedded PGlite under the data dir; false: a PostgreSQL server (env INTRADAY_PG_URL or PG* wins)',
      ),
    host: z.string().default('127.0.0.1').describe('Server host (PGHOST wins)'),
    port: z.number().int().min(1).max(65535).default(5432).describe('Server port (PGPORT wins)'),
    database: z.string().default('intraday').describe('Database name (PGDATABASE wins)'),
    user: z.string().default('intraday').describe('User name (PGUSER wins); the password only from PGPASSWORD'),
  })
  .describe('Feedback log database');

/** Redis hot state. */
export const RedisSettingsSchema = z
  .strictObject({
    host: z.string().default('127.0.0.1').describe('Redis host (REDIS_URL wins)'),
    port: z.number().int().min(1).max(65535).default(6379).describe('Redis port'),
    key_prefix: z.string().default('intraday:').describe('Prefix of every key and stream name'),
  })
  .describe('Redis hot state and streams');

/** config/system.yaml: global settings. Secrets never live here; they come from environment variables. */
export const SystemConfigSchema = z
  .strictObject({
    data: DataSettingsSchema.prefault({}),
    synthetic: SyntheticSettingsSchema.prefault({}),
    temporal: TemporalSettingsSchema.prefault({}),
    blob: BlobSettingsSchema.prefault({}),
    postgres: PostgresSettingsSchema.prefault({}),
    redis: RedisSettingsSchema.prefault({}),
  })
  .describe('Global settings of the intraday system');

export type SystemConfig = z.infer<typeof SystemConfigSchema>;
