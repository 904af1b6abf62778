import { brokerContract } from '../../../tests/support/brokerContract.js';
import { systemClock } from '../clocks.js';
import { startRig, until } from '../testRig.js';
import { IbBroker } from './IbBroker.js';

// The IB adapter against the same contract as the simulated broker (core/broker/SimBroker.contract.test.ts), over TCP
// with the real @stoqey/ib client and the fake gateway. Orders rest at the gateway; `trade` fills the working ones.
brokerContract('IbBroker over the fake gateway', async () => {
  const closers: { close(): unknown }[] = [];
  const rig = await startRig({ fillPolicy: { kind: 'rest' } }, closers);
  const broker = new IbBroker(rig.connection, {}, { clock: systemClock });
  closers.push(broker);
  await rig.connection.connect();
  await broker.reconciliation.whenReconciled();
  return {
    broker,
    trade: (ticker: string, price: number) => {
      for (const order of rig.gateway.state.orders.values()) {
        const working = order.status === 'Submitted' || order.status === 'PreSubmitted';
        if (working && order.contract.symbol === ticker) {
          rig.gateway.inject.fill(order.orderId, order.totalQuantity - order.filled, price);
        }
      }
      return Promise.resolve();
    },
    settle: (condition: () => boolean, what: string) => until(condition, what),
    close: async () => {
      for (const item of closers.reverse()) await item.close();
    },
  };
});
