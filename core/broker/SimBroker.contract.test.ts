import { CONTRACT_T0, brokerContract } from '../../tests/support/brokerContract.js';
import { SimBroker } from './SimBroker.js';

// The simulated broker against the same contract as the IB adapter (adapters/ibkr/orders/IbBroker.contract.test.ts).
brokerContract('SimBroker', () => {
  const broker = new SimBroker();
  let minute = 0;
  return Promise.resolve({
    broker,
    trade: (ticker: string, price: number) => {
      minute += 1;
      broker.processBar({
        ticker,
        barStart: CONTRACT_T0 + minute * 60_000,
        barMs: 60_000,
        open: price,
        high: price,
        low: price,
        close: price,
        volume: 10_000_000,
        spread: null,
      });
      return Promise.resolve();
    },
    // Reports are synchronous: the condition holds already or never will.
    settle: (condition: () => boolean, what: string) =>
      condition() ? Promise.resolve() : Promise.reject(new Error(`SimBroker: ${what} did not happen`)),
    close: () => Promise.resolve(),
  });
});
