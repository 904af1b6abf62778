import { ErrorCode, ErrorText } from './errorTexts.js';
import type { GatewayContext } from './session/GatewayContext.js';
import type { OrderDesk } from './session/orderDesk.js';
import type { RealTimeBarFeed } from './session/realTimeBars.js';
import type { Session } from './session/Session.js';

/** One-off faults and events a test triggers on a running gateway. */
export interface FaultInjector {
  /**
   * Broadcasts a TWS notice with id -1 (arrives on @stoqey/ib's `info`). 1100 pauses real-time bars; 1101 resumes
   * and drops every subscription (real-time bars, market data, keepUpToDate, positions, account summaries: the
   * client must re-subscribe);
   * 1102 resumes with subscriptions kept. Other codes are sent as given.
   */
  info(code: number, message?: string): void;
  /** Sends an error with any id and code to every connection (or one client), now or after `delayMs` real ms. */
  error(id: number, code: number, message: string, options?: { clientId?: number; delayMs?: number }): void;
  /** Closes every socket at once (a gateway restart). */
  dropAll(): void;
  /** Closes the socket of one client id. */
  dropClient(clientId: number): void;
  /** Makes connections half-open: the socket stays up but nothing is read or written any more. */
  halfOpen(clientId?: number): void;
  /** Sends the next real-time bar of every subscription now. */
  realTimeBars(): void;
  /** Fills up to `quantity` of an active order now (at `price`, else its limit or the fixture price); false if it cannot fill. */
  fill(orderId: number, quantity: number, price?: number): boolean;
}

const NOTICES: Readonly<Record<number, string>> = {
  [ErrorCode.CONNECTIVITY_LOST]: ErrorText.connectivityLost,
  [ErrorCode.CONNECTIVITY_RESTORED_DATA_LOST]: ErrorText.connectivityRestoredDataLost,
  [ErrorCode.CONNECTIVITY_RESTORED_DATA_MAINTAINED]: ErrorText.connectivityRestoredDataMaintained,
};

/** Builds the injector of a gateway. */
export function createInjector(context: GatewayContext, feed: RealTimeBarFeed, desk: OrderDesk): FaultInjector {
  const targets = (clientId?: number): Session[] =>
    context.sessions().filter((session) => clientId === undefined || session.clientId === clientId);
  return {
    info(code, message) {
      if (code === ErrorCode.CONNECTIVITY_LOST) context.faults.connectivityLost = true;
      if (code === ErrorCode.CONNECTIVITY_RESTORED_DATA_MAINTAINED) context.faults.connectivityLost = false;
      if (code === ErrorCode.CONNECTIVITY_RESTORED_DATA_LOST) {
        context.faults.connectivityLost = false;
        for (const session of context.sessions()) {
          session.realTimeBars.clear();
          session.marketData.clear();
          session.historicalUpdates.clear();
          session.accountSummaries.clear();
          session.positionsSubscribed = false;
          session.accountUpdatesSubscribed = false;
        }
      }
      const text = message ?? NOTICES[code] ?? `Notice ${code}`;
      for (const session of context.sessions()) session.sendError(-1, code, text);
    },
    error(id, code, message, options = {}) {
      const send = (): void => {
        for (const session of targets(options.clientId)) session.sendError(id, code, message);
      };
      if (options.delayMs === undefined) send();
      else setTimeout(send, options.delayMs);
    },
    dropAll() {
      for (const session of context.sessions()) session.drop();
    },
    dropClient(clientId) {
      for (const session of targets(clientId)) session.drop();
    },
    halfOpen(clientId) {
      for (const session of targets(clientId)) session.halfOpen = true;
    },
    realTimeBars() {
      feed.emitAll();
    },
    fill(orderId, quantity, price) {
      const order = context.state.orders.get(orderId);
      return order !== undefined && desk.fill(order, quantity, price) !== undefined;
    },
  };
}
