import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { sendToBroker, type BrokerReport } from '../trading/Broker.js';
import { clientOrderId } from '../trading/ids.js';
import { orderRequest } from '../orders/testFixtures.js';
import { SimBroker } from './SimBroker.js';

describe('SimBroker through sendToBroker', () => {
  it('routes SubmitOrder, ReplaceOrder and CancelOrder to the simulated broker and ignores log records', () => {
    const broker = new SimBroker();
    const reports: BrokerReport[] = [];
    broker.onReport((report) => reports.push(report));
    const order = orderRequest('alpha-1', { type: 'LIMIT', limitPrice: toMicros(10) });
    expect(sendToBroker(broker, { type: 'SubmitOrder', ts: 1, order })).toBe(true);
    const id = clientOrderId('alpha-1');
    sendToBroker(broker, { type: 'ReplaceOrder', ts: 2, clientOrderId: id, quantity: 50, limitPrice: null });
    sendToBroker(broker, { type: 'CancelOrder', ts: 3, clientOrderId: id });
    const logged = sendToBroker(broker, {
      type: 'LogRecord',
      ts: 4,
      level: 'info',
      code: 'X',
      message: '',
      context: {},
    });
    expect(logged).toBe(false);
    expect(reports.map((r) => (r.type === 'OrderStatusReported' ? [r.status, r.reason] : r.type))).toEqual([
      ['SUBMITTED', null],
      ['SUBMITTED', 'REPLACED'],
      ['CANCELLED', null],
    ]);
  });
});
