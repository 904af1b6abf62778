import {
  accountDownloadEndMessage,
  accountSummaryEndMessage,
  accountSummaryMessage,
  accountUpdateTimeMessage,
  accountValueMessage,
  portfolioValueMessage,
  positionEndMessage,
  positionMessage,
} from '../encode/accountMessages.js';
import { isSilenced } from '../faults.js';
import { intField, boolField } from '../protocol/fields.js';
import { ClientMessage } from '../protocol/messageIds.js';
import { accountValues } from '../state/accounting.js';
import { utcToLocal } from '../../../core/calendar/timezone.js';
import type { GatewayContext } from './GatewayContext.js';
import type { MessageHandler, Session } from './Session.js';

const priceOf =
  (context: GatewayContext) =>
  (symbol: string): number | undefined =>
    context.bars.priceAt(symbol, context.clock.now());

/** reqPositions: every position (zero ones included, as TWS keeps closed positions for the day), then the end; updates follow fills until cancelPositions. */
const positions: MessageHandler = (context, session) => {
  if (isSilenced(context.faults, 'REQ_POSITIONS')) return;
  session.positionsSubscribed = true;
  for (const position of context.state.positions.values()) session.send(positionMessage(position));
  session.send(positionEndMessage());
};

const cancelPositions: MessageHandler = (_context, session) => {
  session.positionsSubscribed = false;
};

/** reqAccountSummary (`62|1|reqId|group|tags`): each requested tag of each account, then the end marker. */
const accountSummary: MessageHandler = (context, session, fields) => {
  if (isSilenced(context.faults, 'REQ_ACCOUNT_SUMMARY')) return;
  const reqId = intField(fields[2], -1) as number;
  const tags = (fields[4] ?? '').split(',').filter((tag) => tag !== '');
  session.accountSummaries.add(reqId);
  for (const account of context.config.accounts) {
    const values = accountValues(context.state, account, priceOf(context));
    for (const tag of tags) {
      const value = values.get(tag);
      if (value === undefined) continue;
      session.send(accountSummaryMessage(reqId, account, tag, value, tag === 'AccountType' ? '' : 'USD'));
    }
  }
  session.send(accountSummaryEndMessage(reqId));
};

const cancelAccountSummary: MessageHandler = (_context, session, fields) => {
  session.accountSummaries.delete(intField(fields[2], -1) as number);
};

/** reqAccountUpdates (`6|2|subscribe|account`): account values, portfolio lines, update time, download end. */
const accountUpdates: MessageHandler = (context, session, fields) => {
  const subscribe = boolField(fields[2]);
  session.accountUpdatesSubscribed = subscribe;
  if (!subscribe || isSilenced(context.faults, 'REQ_ACCOUNT_DATA')) return;
  const account = fields[3] || (context.config.accounts[0] as string);
  sendAccountUpdates(context, session, account);
};

function sendAccountUpdates(context: GatewayContext, session: Session, account: string): void {
  const price = priceOf(context);
  for (const [key, value] of accountValues(context.state, account, price)) {
    session.send(accountValueMessage(key, value, key === 'AccountType' ? '' : 'USD', account));
  }
  for (const position of context.state.positions.values()) {
    if (position.account !== account) continue;
    session.send(portfolioValueMessage(position, price(position.contract.symbol) ?? position.avgCost, 0));
  }
  const local = utcToLocal(context.clock.now(), context.config.zone);
  const hhmm = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  session.send(accountUpdateTimeMessage(hhmm));
  session.send(accountDownloadEndMessage(account));
}

/** The position and account handlers. */
export function accountHandlers(): [number, MessageHandler][] {
  return [
    [ClientMessage.REQ_POSITIONS, positions],
    [ClientMessage.CANCEL_POSITIONS, cancelPositions],
    [ClientMessage.REQ_ACCOUNT_SUMMARY, accountSummary],
    [ClientMessage.CANCEL_ACCOUNT_SUMMARY, cancelAccountSummary],
    [ClientMessage.REQ_ACCOUNT_DATA, accountUpdates],
  ];
}
