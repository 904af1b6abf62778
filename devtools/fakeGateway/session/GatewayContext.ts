import type { Clock } from '../clock.js';
import type { StockDetails } from '../encode/marketDataMessages.js';
import type { FaultState } from '../faults.js';
import type { BarStore } from '../market/BarStore.js';
import type { PacingTracker } from '../pacing.js';
import type { FillPolicy } from '../state/fillPolicy.js';
import type { GatewayState, OrderRecord } from '../state/GatewayState.js';
import type { Session } from './Session.js';

/** Fixed settings of one gateway. */
export interface GatewayConfig {
  /** Server version offered in the handshake (at most this; the client's maximum may lower it). */
  readonly serverVersion: number;
  /** Accounts reported by managedAccounts; the first is the default for orders without one. */
  readonly accounts: readonly string[];
  /** Zone of endDateTime strings without a zone and of formatted dates (TWS's login zone). */
  readonly zone: string;
}

/** One message received, as logged for assertions and golden captures. */
export interface RequestLogEntry {
  /** Gateway clock time of arrival. */
  readonly atMs: number;
  /** Client id of the connection (undefined before START_API). */
  readonly clientId: number | undefined;
  /** Message name (`REQ_HISTORICAL_DATA`, ...), `HANDSHAKE` for the version range. */
  readonly name: string;
  /** The fields as received (for the handshake: the prefix and the version text). */
  readonly fields: readonly string[];
  /** The whole frame as received, length prefix included (for the handshake: from "API\0" on). */
  readonly raw: Buffer;
}

/** What every message handler may use. */
export interface GatewayContext {
  readonly clock: Clock;
  readonly config: GatewayConfig;
  readonly bars: BarStore;
  readonly pacing: PacingTracker;
  readonly faults: FaultState;
  readonly state: GatewayState;
  readonly log: RequestLogEntry[];
  /** Most entries kept in `log`. */
  readonly logLimit: number;
  /** Connections that completed START_API and are still open. */
  sessions(): readonly Session[];
  /** The stock behind a symbol, or undefined when the gateway has no definition for it (error 200). */
  stockDetails(symbol: string): StockDetails | undefined;
  /** How a newly placed order is treated. */
  fillPolicyFor(order: OrderRecord): FillPolicy;
}
