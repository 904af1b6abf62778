import { z } from 'zod';
import { BarSizeText, DateText, Ticker, TimeZoneText } from './common.js';

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
      .describe(
        'Tickers of the live session (reserved: not read yet); loading a file filters tickers only with --universe',
      ),
    bar: BarSizeText.default('5m'),
    timezone: TimeZoneText.default('America/New_York').describe(
      "Exchange time zone (reserved: not read yet); naive timestamps in a file are read in its column map's zone",
    ),
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

/** Historical-data requests to Interactive Brokers; the pacing limits may only be set at or below IB's. */
export const IbkrHistoricalSettingsSchema = z
  .strictObject({
    what_to_show: z
      .enum(['TRADES', 'MIDPOINT', 'BID', 'ASK', 'BID_ASK', 'ADJUSTED_LAST'])
      .default('TRADES')
      .describe('Data type of historical bars (BID_ASK counts twice against pacing)'),
    rth: z
      .boolean()
      .default(true)
      .describe('Regular trading hours only (09:30-16:00 New York); false adds 04:00-20:00'),
    request_timeout_ms: z
      .number()
      .int()
      .min(1_000)
      .default(60_000)
      .describe('Cancel and retry a request unanswered this long'),
    max_attempts: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(5)
      .describe('Attempts per chunk before the ticker is given up'),
    retry_base_ms: z.number().int().min(0).default(5_000).describe('First wait before a retry; doubles per attempt'),
    pacing_pause_ms: z
      .number()
      .int()
      .min(0)
      .default(60_000)
      .describe('Pause after IB reports a pacing violation; doubles while they repeat'),
    max_outage_ms: z
      .number()
      .int()
      .min(1_000)
      .default(900_000)
      .describe('Stop a fetch (resumable) when the gateway stays unreachable or cut off from IB this long'),
    max_open: z.number().int().min(1).max(50).default(50).describe('Simultaneous open requests (IB: 50)'),
    max_per_10_minutes: z.number().int().min(1).max(60).default(60).describe('Requests in any 10 minutes (IB: 60)'),
    identical_gap_ms: z.number().int().min(15_000).default(15_000).describe('Spacing of identical requests (IB: 15 s)'),
    max_per_contract_2s: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(5)
      .describe('Requests per contract, exchange and data type in 2 s (IB forbids 6)'),
    pacing_margin_ms: z
      .number()
      .int()
      .min(0)
      .default(500)
      .describe('Extra spacing on every time rule, for clock skew and network jitter'),
  })
  .describe('Historical bars from Interactive Brokers');

/** Interactive Brokers connection (IB Gateway or TWS). No credentials: the gateway holds the login. */
export const IbkrSettingsSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1').describe('IB Gateway/TWS host'),
    port: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .default(4002)
      .describe('API port: Gateway 4001 live / 4002 paper, TWS 7496 live / 7497 paper'),
    client_id: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .default(17)
      .describe('Fixed API client id, never 0 (0 binds manual TWS orders); orders stay owned by it across reconnects'),
    max_req_per_sec: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(40)
      .describe('Messages per second sent to the gateway (IB disconnects above 50)'),
    connect_timeout_ms: z
      .number()
      .int()
      .min(100)
      .default(10_000)
      .describe('Time allowed from opening the socket to nextValidId and managedAccounts'),
    heartbeat_interval_ms: z
      .number()
      .int()
      .min(100)
      .default(30_000)
      .describe('How often a reqCurrentTime probe is sent'),
    heartbeat_timeout_ms: z
      .number()
      .int()
      .min(100)
      .default(10_000)
      .describe('No traffic this long after a probe means a silent socket: reconnect'),
    reconnect: z
      .strictObject({
        initial_ms: z.number().int().min(1).default(1_000).describe('First reconnect delay'),
        max_ms: z.number().int().min(1).default(60_000).describe('Longest reconnect delay'),
        factor: z.number().min(1).default(2).describe('Growth of the delay per failed attempt'),
      })
      .prefault({})
      .describe('Exponential backoff with jitter between reconnect attempts'),
    reset_windows: z
      .array(z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'HH:MM-HH:MM'))
      .default(['00:15-01:45'])
      .describe('Daily server-reset or gateway-restart windows (HH:MM-HH:MM in reset_zone); reconnects wait them out'),
    reset_zone: z.string().default('America/New_York').describe('Time zone of reset_windows'),
    historical: IbkrHistoricalSettingsSchema.prefault({}),
  })
  .describe('Interactive Brokers connection and historical data');

/** config/system.yaml: global settings. Secrets never live here; they come from environment variables. */
export const SystemConfigSchema = z
  .strictObject({
    data: DataSettingsSchema.prefault({}),
    synthetic: SyntheticSettingsSchema.prefault({}),
    temporal: TemporalSettingsSchema.prefault({}),
    blob: BlobSettingsSchema.prefault({}),
    postgres: PostgresSettingsSchema.prefault({}),
    redis: RedisSettingsSchema.prefault({}),
    ibkr: IbkrSettingsSchema.prefault({}),
  })
  .describe('Global settings of the intraday system');

export type SystemConfig = z.infer<typeof SystemConfigSchema>;
export type IbkrSettings = z.infer<typeof IbkrSettingsSchema>;
