-- The feedback log (SPEC section 7): predictions, feature snapshots, risk decisions, orders, fills, experiments.
-- Forward-only: never edit this file once applied anywhere (the runner checks its checksum); add 0002_*.sql.
-- Times are timestamptz, money is bigint micro-dollars (core/money), ids are text. The same SQL runs on a
-- PostgreSQL server and on PGlite. Value limits (text lengths, JSON sizes, ranges) are checked before writing
-- by adapters/feedback/checkRows.ts from the same catalogue (tableSpecs.ts); the constraints here are the
-- last line of defence for other writers.

-- TimescaleDB when the server offers it (not in Debian's main archive; needs shared_preload_libraries and the
-- right to create it): otherwise native monthly range partitions, created on demand by the writer.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'timescaledb is available but could not be created (%); using native partitions', SQLERRM;
END $$;

-- Makes a freshly created, still empty table time-partitioned on `time_column`: a hypertable with monthly
-- chunks under TimescaleDB, else the same columns, defaults and checks re-created as a table partitioned by
-- range (monthly partitions are added by the writer for the months a batch touches). Writing the columns once,
-- as a plain CREATE TABLE, keeps both variants identical.
CREATE FUNCTION feedback_partition_by_month(table_name text, time_column text) RETURNS text
LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => interval %L)',
      table_name, time_column, '1 month');
    RETURN 'timescaledb';
  END IF;
  EXECUTE format('ALTER TABLE %I RENAME TO %I', table_name, table_name || '_shape');
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS) '
    'PARTITION BY RANGE (%I)', table_name, table_name || '_shape', time_column);
  EXECUTE format('DROP TABLE %I', table_name || '_shape');
  RETURN 'native';
END $fn$;

CREATE TABLE predictions (
  ts timestamptz NOT NULL,
  run_id text NOT NULL,
  strategy text NOT NULL,
  model text NOT NULL,
  ticker text NOT NULL,
  bar_start timestamptz NOT NULL,
  signal double precision NOT NULL CHECK (signal BETWEEN -1 AND 1),
  confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  metadata jsonb NOT NULL
);
SELECT feedback_partition_by_month('predictions', 'ts');
-- BRIN, not a B-tree on (ticker, ts): rows arrive in time order, so a block range summary finds a time window
-- as well, while keeping a (ticker, ts) B-tree up to date cost more server CPU than the rest of a COPY together
-- (measured: 4.6 of 8 CPU seconds per million rows). A lookup by ticker reads the time window it names.
CREATE INDEX predictions_ts ON predictions USING brin (ts);

CREATE TABLE feature_snapshots (
  ts timestamptz NOT NULL,
  run_id text NOT NULL,
  ticker text NOT NULL,
  bar_start timestamptz NOT NULL,
  features jsonb NOT NULL
);
SELECT feedback_partition_by_month('feature_snapshots', 'ts');
CREATE INDEX feature_snapshots_ts ON feature_snapshots USING brin (ts);

CREATE TABLE risk_decisions (
  ts timestamptz NOT NULL,
  run_id text NOT NULL,
  client_order_id text NOT NULL,
  strategy text NOT NULL,
  ticker text NOT NULL,
  side text NOT NULL CHECK (side IN ('BUY', 'SELL')),
  order_type text NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT')),
  purpose text NOT NULL CHECK (purpose IN ('ENTRY', 'EXIT', 'FLATTEN')),
  limit_price_micros bigint,
  requested_quantity integer NOT NULL CHECK (requested_quantity >= 0),
  quantity integer NOT NULL CHECK (quantity >= 0),
  outcome text NOT NULL CHECK (outcome IN ('APPROVE', 'RESIZE', 'REJECT')),
  code text NOT NULL,
  message text NOT NULL,
  context jsonb NOT NULL
);
SELECT feedback_partition_by_month('risk_decisions', 'ts');
CREATE INDEX risk_decisions_client_order_id ON risk_decisions (client_order_id);

-- Orders, fills and experiments are few (orders of magnitude fewer than predictions) and keyed by a natural
-- id, so they stay plain tables: a primary key on a partitioned table would have to include the time column,
-- and then a duplicate reported with another time would slip through.
CREATE TABLE orders (
  client_order_id text PRIMARY KEY,
  ts timestamptz NOT NULL,
  run_id text NOT NULL,
  strategy text NOT NULL,
  ticker text NOT NULL,
  side text NOT NULL CHECK (side IN ('BUY', 'SELL')),
  order_type text NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT')),
  purpose text NOT NULL CHECK (purpose IN ('ENTRY', 'EXIT', 'FLATTEN')),
  quantity integer NOT NULL CHECK (quantity > 0),
  limit_price_micros bigint
);
CREATE INDEX orders_ts ON orders (ts);

CREATE TABLE fills (
  execution_id text PRIMARY KEY,
  ts timestamptz NOT NULL,
  run_id text NOT NULL,
  client_order_id text NOT NULL,
  ticker text NOT NULL,
  side text NOT NULL CHECK (side IN ('BUY', 'SELL')),
  quantity integer NOT NULL CHECK (quantity > 0),
  price_micros bigint NOT NULL,
  commission_micros bigint NOT NULL,
  corrects_execution_id text
);
CREATE INDEX fills_client_order_id ON fills (client_order_id);
CREATE INDEX fills_ts ON fills (ts);

CREATE TABLE experiments (
  experiment_id text PRIMARY KEY,
  ts timestamptz NOT NULL,
  hypothesis text NOT NULL,
  verdict text CHECK (verdict IN ('kill', 'iterate', 'promising')),
  config jsonb NOT NULL,
  metrics jsonb NOT NULL,
  code_version text NOT NULL,
  data_snapshot text NOT NULL
);
CREATE INDEX experiments_ts ON experiments (ts);
