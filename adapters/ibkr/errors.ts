import { AppError } from '../../core/AppError.js';

/** Codes of the Interactive Brokers adapter. */
export const IbkrCode = {
  IBKR_UNREACHABLE: 'IBKR_UNREACHABLE',
  IBKR_CONNECT_TIMEOUT: 'IBKR_CONNECT_TIMEOUT',
  IBKR_CLIENT_ID_IN_USE: 'IBKR_CLIENT_ID_IN_USE',
  IBKR_CONNECTION_CLOSED: 'IBKR_CONNECTION_CLOSED',
  IBKR_FETCH_FAILED: 'IBKR_FETCH_FAILED',
  IBKR_OUTAGE: 'IBKR_OUTAGE',
  IBKR_INVALID_SETTING: 'IBKR_INVALID_SETTING',
} as const;
export type IbkrCode = (typeof IbkrCode)[keyof typeof IbkrCode];

const CHECKLIST =
  'check that IB Gateway or TWS is running and logged in, that "Enable ActiveX and Socket Clients" is on, ' +
  'that the port matches (Gateway 4001 live / 4002 paper, TWS 7496 / 7497) and that 127.0.0.1 is a trusted IP';

/** The TCP connection to the gateway was refused or failed. */
export class IbUnreachableError extends AppError {
  constructor(host: string, port: number, detail: string) {
    super(IbkrCode.IBKR_UNREACHABLE, `cannot reach IB Gateway/TWS at ${host}:${port} (${detail}); ${CHECKLIST}`);
  }
}

/** The socket opened but the gateway did not finish the start-up (nextValidId and managedAccounts) in time. */
export class IbConnectTimeoutError extends AppError {
  constructor(host: string, port: number, timeoutMs: number, missing: readonly string[]) {
    super(
      IbkrCode.IBKR_CONNECT_TIMEOUT,
      `IB Gateway/TWS at ${host}:${port} did not complete the API start-up within ${timeoutMs} ms ` +
        `(still waiting for ${missing.join(' and ')}); ${CHECKLIST}, and that no login dialog is pending`,
    );
  }
}

/** The gateway refused the client id (error 326). */
export class IbClientIdInUseError extends AppError {
  constructor(host: string, port: number, clientId: number) {
    super(
      IbkrCode.IBKR_CLIENT_ID_IN_USE,
      `IB Gateway/TWS at ${host}:${port} refused client id ${clientId}: it is already in use by another ` +
        `connection; stop that client, wait for the gateway to release the id, or pass another --client-id`,
    );
  }
}

/** Work was asked of a connection that was closed for good. */
export class IbConnectionClosedError extends AppError {
  constructor(host: string, port: number) {
    super(IbkrCode.IBKR_CONNECTION_CLOSED, `the connection to ${host}:${port} was closed`);
  }
}

/** A ticker could not be fetched (a fatal IB error or retries exhausted). */
export class IbFetchFailedError extends AppError {
  constructor(ticker: string, detail: string) {
    super(IbkrCode.IBKR_FETCH_FAILED, `${ticker}: ${detail}`);
  }
}

/** The gateway stayed unreachable (or cut off from IB) longer than a fetch waits. */
export class IbOutageError extends AppError {
  constructor(host: string, port: number, maxOutageMs: number) {
    super(
      IbkrCode.IBKR_OUTAGE,
      `the connection to IB Gateway/TWS at ${host}:${port} (or its link to IB) was down for more than ` +
        `${maxOutageMs} ms; what was fetched is stored: run the same command again to resume`,
    );
  }
}

/** A setting passed by code or on the command line is out of its domain. */
export class IbInvalidSettingError extends AppError {
  constructor(key: string, expected: string, found: string) {
    super(IbkrCode.IBKR_INVALID_SETTING, `${key} must be ${expected}, was ${JSON.stringify(found)}`);
  }
}
