/** Faults a test can switch on at start (`startFakeGateway({ faults })`) or at any time (`gateway.faults`). */
export interface FaultOptions {
  /** `enforce` (default): a request that breaks a pacing rule gets error 162 or 420 and is recorded; `off`: none. */
  pacing?: 'enforce' | 'off';
  /** After START_API send nothing (no managedAccounts, no nextValidId): @stoqey/ib then queues every request. */
  silentStart?: boolean;
  /** Client message names (e.g. `REQ_HISTORICAL_DATA`) the gateway reads but never answers; `*` for all. */
  silence?: readonly string[];
  /** On cancelHistoricalData of an open request, answer 162 "API historical data query cancelled" (default true). */
  cancelledQueryError?: boolean;
  /** On cancelHistoricalData of a request that is not open, answer 366 (default true). */
  unknownCancelError?: boolean;
  /** Messages per second a connection may send before error 100 (default 50; 0 disables the check). */
  maxMessagesPerSecond?: number;
  /** Error 100 episodes after which the gateway closes the socket (default 3). */
  rateViolationsBeforeDisconnect?: number;
  /** Real milliseconds before a historical request is answered (default 0); the request stays open meanwhile. */
  historicalLatencyMs?: number;
  /** Accept TCP connections and close them at once, as a gateway that is restarting does. */
  refuseConnections?: boolean;
  /** Answer reqMktData with 354 (no market data subscription) instead of quotes. */
  marketDataNotSubscribed?: boolean;
}

/** The fault switches with their defaults filled in; tests may change them at any time. */
export interface FaultState {
  pacing: 'enforce' | 'off';
  silentStart: boolean;
  silence: Set<string>;
  cancelledQueryError: boolean;
  unknownCancelError: boolean;
  maxMessagesPerSecond: number;
  rateViolationsBeforeDisconnect: number;
  historicalLatencyMs: number;
  refuseConnections: boolean;
  marketDataNotSubscribed: boolean;
  /** Set by an injected 1100 and cleared by 1101/1102: real-time bars pause meanwhile. */
  connectivityLost: boolean;
}

/** Fills in defaults. */
export function resolveFaults(options: FaultOptions = {}): FaultState {
  return {
    pacing: options.pacing ?? 'enforce',
    silentStart: options.silentStart ?? false,
    silence: new Set(options.silence ?? []),
    cancelledQueryError: options.cancelledQueryError ?? true,
    unknownCancelError: options.unknownCancelError ?? true,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? 50,
    rateViolationsBeforeDisconnect: options.rateViolationsBeforeDisconnect ?? 3,
    historicalLatencyMs: options.historicalLatencyMs ?? 0,
    refuseConnections: options.refuseConnections ?? false,
    marketDataNotSubscribed: options.marketDataNotSubscribed ?? false,
    connectivityLost: false,
  };
}

/** True when the gateway should not answer this client message. */
export function isSilenced(faults: FaultState, messageName: string): boolean {
  return faults.silence.has('*') || faults.silence.has(messageName);
}
