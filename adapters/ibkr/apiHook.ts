import type { IBApi } from '@stoqey/ib';
import type { IbConnection } from './IbConnection.js';

/**
 * Calls `attach(api)` with the @stoqey/ib client of every start-up of `connection` (now when it is ready, then
 * after each reconnect), so real-time bars and orders can send requests and listen to events IbConnection does
 * not relay. IbConnection builds a new IBApi per attempt and removes every listener of the old one, so listeners
 * attached here never outlive their socket.
 *
 * Attaching at `ready` rather than through `IbConnection.onApi` (before connect) is deliberate for now: both users
 * send requests from `attach`, which needs a ready socket. Messages TWS sends during start-up are therefore
 * missed, and the reconciliation after every connect (open orders, executions, positions) recovers them.
 */
export function onEveryApi(connection: IbConnection, attach: (api: IBApi) => void): () => void {
  const stop = connection.subscribe({
    ready: () => {
      const api = connection.readyClient();
      if (api) attach(api);
    },
  });
  const api = connection.readyClient();
  if (api) attach(api);
  return stop;
}

/** The client of the current connection when it is ready, else undefined (nothing can be sent). */
export function readyApi(connection: IbConnection): IBApi | undefined {
  return connection.readyClient();
}
