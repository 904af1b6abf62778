import type { Clock } from '../../core/ibkr/Clock.js';
import type { BackoffPolicy, ResetWindow } from '../../core/ibkr/reconnectPolicy.js';
import type { Random } from '../../core/random/Random.js';

/** Everything the connection needs; all passed explicitly so @stoqey/ib never reads a .env file. */
export interface IbConnectionSettings {
  readonly host: string;
  readonly port: number;
  /** Fixed and non-zero: orders stay owned by it across reconnects, and 0 is TWS's manual-order client. */
  readonly clientId: number;
  /** Messages per second @stoqey/ib's limiter lets out (IB's hard limit is 50). */
  readonly maxReqPerSec: number;
  /** Time from opening the socket to nextValidId and managedAccounts. */
  readonly connectTimeoutMs: number;
  /** A reqCurrentTime probe is sent this often while connected. */
  readonly heartbeatIntervalMs: number;
  /** No traffic at all this long after a probe means the socket is silent (half-open): reconnect. */
  readonly heartbeatTimeoutMs: number;
  readonly backoff: BackoffPolicy;
  /** Daily windows (in `resetZone`) of server resets and gateway restarts: reconnects wait for their end. */
  readonly resetWindows: readonly ResetWindow[];
  readonly resetZone: string;
}

/** Where the connection is: `ready` means the API start-up finished (nextValidId and managedAccounts). */
export type IbConnectionState = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** One historical bar as TWS sent it (time as text: epoch seconds with formatDate 2). */
export interface IbHistoricalRow {
  readonly time: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** What the connection reports; every member is optional. Library types never cross this boundary. */
export interface IbConnectionListener {
  ready?(): void;
  down?(reason: string): void;
  /** An error TWS tied to a request id of ours. */
  requestError?(reqId: number, code: number, message: string): void;
  /** A notice with no request id (1100/1101/1102, farm status, client-side errors). */
  notice?(code: number, message: string): void;
  historicalRow?(reqId: number, row: IbHistoricalRow): void;
  /** The end marker of a historical request ("finished-<start>-<end>"). */
  historicalEnd?(reqId: number): void;
}

/** What a historical request asks for, in IB's own terms. */
export interface IbHistoricalQuery {
  readonly symbol: string;
  readonly endDateTime: string;
  readonly duration: string;
  readonly barSetting: string;
  readonly whatToShow: string;
  readonly useRth: boolean;
}

/** Collaborators: the clock for timeouts and backoff, the jitter source, and where to say what happens. */
export interface IbConnectionDeps {
  readonly clock: Clock;
  readonly random: Random;
  readonly log?: (line: string) => void;
}
