import { contractDataEndMessage, contractDataMessage } from '../encode/marketDataMessages.js';
import { currentTimeMessage, managedAccountsMessage, nextValidIdMessage } from '../encode/systemMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { isSilenced } from '../faults.js';
import { intField } from '../protocol/fields.js';
import { parseContract } from '../protocol/parseContract.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Session } from './Session.js';

/** reqCurrentTime: the gateway clock in epoch seconds (the usual heartbeat probe). */
export function handleCurrentTime(context: GatewayContext, session: Session): void {
  if (isSilenced(context.faults, 'REQ_CURRENT_TIME')) return;
  session.send(currentTimeMessage(Math.floor(context.clock.now() / 1_000)));
}

/** reqIds: the next valid order id. */
export function handleRequestIds(context: GatewayContext, session: Session): void {
  if (isSilenced(context.faults, 'REQ_IDS')) return;
  session.send(nextValidIdMessage(context.state.nextOrderIdFor(session.clientId ?? 0)));
}

/** reqManagedAccts. */
export function handleManagedAccounts(context: GatewayContext, session: Session): void {
  session.send(managedAccountsMessage(context.config.accounts));
}

/** reqContractDetails (`9|8|reqId|contract...`): one CONTRACT_DATA and the end marker, or 200 for an unknown stock. */
export function handleContractDetails(context: GatewayContext, session: Session, fields: readonly string[]): void {
  if (isSilenced(context.faults, 'REQ_CONTRACT_DATA')) return;
  const reqId = intField(fields[2], -1) as number;
  const contract = parseContract(fields, 3);
  const stock = context.stockDetails(contract.symbol);
  const secTypeOk = contract.secType === '' || contract.secType === 'STK';
  const conIdOk = contract.conId === undefined || contract.conId === 0 || contract.conId === stock?.conId;
  if (!stock || !secTypeOk || !conIdOk) {
    session.sendError(reqId, ErrorCode.NO_SECURITY_DEFINITION, ErrorText.noSecurityDefinition);
    return;
  }
  session.send(contractDataMessage(reqId, stock));
  session.send(contractDataEndMessage(reqId));
}
