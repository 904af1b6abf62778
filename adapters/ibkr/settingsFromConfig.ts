import type { IbkrSettings } from '../../config/system.js';
import { parseResetWindow } from '../../core/ibkr/reconnectPolicy.js';
import type { IbConnectionSettings } from './connectionTypes.js';
import type { HistoricalSettings } from './fetchTypes.js';

/** Command-line values that win over system.yaml. */
export interface ConnectionOverrides {
  readonly host?: string;
  readonly port?: number;
  readonly clientId?: number;
}

/** Connection settings from the `ibkr` section of system.yaml, with command-line overrides applied. */
export function connectionSettingsFrom(
  config: IbkrSettings,
  overrides: ConnectionOverrides = {},
): IbConnectionSettings {
  return {
    host: overrides.host ?? config.host,
    port: overrides.port ?? config.port,
    clientId: overrides.clientId ?? config.client_id,
    maxReqPerSec: config.max_req_per_sec,
    connectTimeoutMs: config.connect_timeout_ms,
    heartbeatIntervalMs: config.heartbeat_interval_ms,
    heartbeatTimeoutMs: config.heartbeat_timeout_ms,
    backoff: {
      initialMs: config.reconnect.initial_ms,
      maxMs: config.reconnect.max_ms,
      factor: config.reconnect.factor,
    },
    resetWindows: config.reset_windows.map(parseResetWindow),
    resetZone: config.reset_zone,
  };
}

/** Historical request settings from the `ibkr.historical` section of system.yaml. */
export function historicalSettingsFrom(config: IbkrSettings): HistoricalSettings {
  const historical = config.historical;
  return {
    whatToShow: historical.what_to_show,
    rth: historical.rth,
    requestTimeoutMs: historical.request_timeout_ms,
    maxAttempts: historical.max_attempts,
    retryBaseMs: historical.retry_base_ms,
    pacingPauseMs: historical.pacing_pause_ms,
    maxOutageMs: historical.max_outage_ms,
    pacing: {
      maxOpen: historical.max_open,
      windowMs: 600_000,
      maxPerWindow: historical.max_per_10_minutes,
      identicalGapMs: historical.identical_gap_ms,
      burstWindowMs: 2_000,
      maxPerBurst: historical.max_per_contract_2s,
      marginMs: historical.pacing_margin_ms,
    },
  };
}
