import type { IBApi } from '@stoqey/ib';
import type { IbConnection } from './IbConnection.js';

/**
 * Calls `attach(api)` with the @stoqey/ib client of every start-up of `connection` (now when it is ready, then
 * after each reconnect), so real-time bars and orders can send requests and listen to events IbConnection does
 * not relay yet. IbConnection builds a new IBApi per attempt and removes every listener of the old one, so
 * listeners attached here never outlive their socket.
 *
 * TEMPORARY: IbConnection (another session's file) has no public access to its IBApi; this reads its private
 * `api` field, the one place that does. The lead should add a public hook to IbConnection (e.g.
 * `onApi(attach)` called right after the IBApi is created, before `connect`, so start-up messages such as
 * open orders are not missed either) and replace the body of this function with it.
 */
export function onEveryApi(connection: IbConnection, attach: (api: IBApi) => void): () => void {
  const current = (): IBApi | undefined => (connection as unknown as { api?: IBApi }).api;
  const stop = connection.subscribe({
    ready: () => {
      const api = current();
      if (api) attach(api);
    },
  });
  if (connection.state === 'ready') {
    const api = current();
    if (api) attach(api);
  }
  return stop;
}

/** The client of the current connection when it is ready, else undefined (nothing can be sent). */
export function readyApi(connection: IbConnection): IBApi | undefined {
  if (connection.state !== 'ready') return undefined;
  return (connection as unknown as { api?: IBApi }).api;
}
