import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';

/** ERR_MSG (version 2; sv >= 166 adds the advanced-reject JSON). Id -1 reaches @stoqey/ib's `info` event. */
export function errorMessage(id: number, code: number, message: string, advancedRejectJson = ''): Field[] {
  return [GatewayMessage.ERR_MSG, 2, id, code, message, advancedRejectJson];
}

/** NEXT_VALID_ID: the next order id the client may use. */
export function nextValidIdMessage(orderId: number): Field[] {
  return [GatewayMessage.NEXT_VALID_ID, 1, orderId];
}

/** MANAGED_ACCTS: the comma-separated accounts of the login. */
export function managedAccountsMessage(accounts: readonly string[]): Field[] {
  return [GatewayMessage.MANAGED_ACCTS, 1, accounts.join(',')];
}

/** CURRENT_TIME: the gateway's time in epoch seconds. */
export function currentTimeMessage(epochSeconds: number): Field[] {
  return [GatewayMessage.CURRENT_TIME, 1, epochSeconds];
}
