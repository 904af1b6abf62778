import { managedAccountsMessage, nextValidIdMessage } from '../encode/systemMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { formatConnectionTime } from '../market/ibTime.js';
import { intField } from '../protocol/fields.js';
import { negotiateVersion, parseVersionRange } from '../protocol/handshake.js';
import { ClientMessage } from '../protocol/messageIds.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Session } from './Session.js';

/** Answers the version range with `<serverVersion>\0<connection time>\0`, or closes when the ranges do not meet. */
export function handleHandshake(context: GatewayContext, session: Session, text: string): void {
  const range = parseVersionRange(text);
  const version = range && negotiateVersion(range, context.config.serverVersion);
  if (version === undefined) {
    session.drop();
    return;
  }
  session.serverVersion = version;
  session.stage = 'startApi';
  // The reply is framed like any message but carries no message id.
  session.send([version, formatConnectionTime(context.clock.now(), context.config.zone)]);
}

/**
 * START_API (`71|2|clientId|capabilities`). A client id already connected gets 326 (id -1) and the socket is
 * closed, as TWS does. Otherwise the startup messages follow: managedAccounts, nextValidId and the three farm
 * notices (2104, 2106, 2158), unless the silentStart fault holds them back.
 */
export function handleStartApi(context: GatewayContext, session: Session, fields: readonly string[]): void {
  const clientId = intField(fields[2]);
  if (Number(fields[0]) !== ClientMessage.START_API || clientId === undefined) {
    session.drop();
    return;
  }
  session.clientId = clientId;
  const taken = context.sessions().some((other) => other !== session && other.clientId === clientId);
  if (taken) {
    session.sendError(-1, ErrorCode.CLIENT_ID_IN_USE, ErrorText.clientIdInUse);
    session.closeAfterFlush();
    return;
  }
  session.stage = 'ready';
  if (context.faults.silentStart) return;
  session.send(managedAccountsMessage(context.config.accounts));
  session.send(nextValidIdMessage(context.state.nextOrderIdFor(clientId)));
  session.sendError(-1, ErrorCode.MARKET_DATA_FARM_OK, ErrorText.marketDataFarmOk);
  session.sendError(-1, ErrorCode.HMDS_FARM_OK, ErrorText.hmdsFarmOk);
  session.sendError(-1, ErrorCode.SEC_DEF_FARM_OK, ErrorText.secDefFarmOk);
}
