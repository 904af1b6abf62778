import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Contract, Order } from '@stoqey/ib';
import { BarSizeSetting, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../tests/support/sharedData.js';
import { startFakeGateway } from './server.js';
import { connectClient, untilReceived } from './testing/clientHarness.js';

// Golden captures of every request the real client sends, as the fake received them (so they also pin the
// positions the fake reads). A change in @stoqey/ib's encoding fails this test; after checking the change,
// refresh the files with UPDATE_GOLDEN=1 npx vitest run devtools/fakeGateway/goldenRequests.test.ts.
const GOLDEN_DIR = resolve(REPO_ROOT, 'tests', 'fixtures', 'ibkr', 'requests');
const LIBRARY = '@stoqey/ib 1.6.10';

const AAPL: Contract = {
  symbol: 'AAPL',
  secType: SecType.STK,
  exchange: 'SMART',
  currency: 'USD',
  primaryExch: 'NASDAQ',
};
const LIMIT: Order = {
  action: OrderAction.BUY,
  totalQuantity: 10,
  orderType: OrderType.LMT,
  lmtPrice: 100.5,
  tif: 'DAY',
  account: 'DU1234567',
  orderRef: 'strategy-1',
  transmit: true,
};

/**
 * The golden text of one message: a header, the raw frame in hex (length prefix included; for the handshake from
 * "API\0" on), then one field per line with its index (∅ marks an empty field).
 */
function render(name: string, fields: readonly string[], raw: Buffer): string {
  const lines = fields.map((field, index) => `${String(index).padStart(3, ' ')}  ${field === '' ? '∅' : field}`);
  const header = `# ${name} as ${LIBRARY} sends it at server version 193: ${raw.length} bytes, ${fields.length} fields`;
  return [header, `# frame: ${raw.toString('hex')}`, ...lines, ''].join('\n');
}

describe('golden captures of the requests @stoqey/ib sends', () => {
  it('match the committed captures field for field', async () => {
    const gateway = await startFakeGateway({
      symbols: ['AAPL'],
      fillPolicy: { kind: 'rest' },
      realTimeBarIntervalMs: 0,
    });
    const { client, orderId } = await connectClient(gateway.port, 11);
    const { api } = client;
    api.reqHistoricalData(1, AAPL, '20250606-20:00:00', '1 W', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, false);
    api.cancelHistoricalData(1);
    api.reqRealTimeBars(2, AAPL, 5, 'TRADES', true);
    api.cancelRealTimeBars(2);
    api.reqContractDetails(3, AAPL);
    api.reqMarketDataType(3);
    api.reqMktData(4, AAPL, '233', false, false);
    api.cancelMktData(4);
    api.placeOrder(orderId, AAPL, LIMIT);
    api.cancelOrder(orderId);
    api.reqGlobalCancel();
    api.reqOpenOrders();
    api.reqAllOpenOrders();
    api.reqIds();
    api.reqCurrentTime();
    api.reqManagedAccts();
    api.reqExecutions(5, {
      clientId: '11',
      acctCode: 'DU1234567',
      time: '20250606-13:30:00',
      symbol: 'AAPL',
      secType: SecType.STK,
      exchange: 'SMART',
      side: 'BUY',
    });
    api.reqPositions();
    api.cancelPositions();
    api.reqAccountSummary(6, 'All', 'NetLiquidation,TotalCashValue,BuyingPower');
    api.cancelAccountSummary(6);
    api.reqAccountUpdates(true, 'DU1234567');
    await untilReceived(gateway.requests, 'REQ_ACCOUNT_DATA');
    client.close();
    await gateway.close();

    const captured = new Map<string, string>();
    for (const request of gateway.requests) {
      if (!captured.has(request.name)) captured.set(request.name, render(request.name, request.fields, request.raw));
    }
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      for (const [name, text] of captured) writeFileSync(join(GOLDEN_DIR, `${name}.txt`), text);
    }
    const committed = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((file) => file.endsWith('.txt')) : [];

    expect(committed.map((file) => file.replace(/\.txt$/, '')).sort()).toEqual([...captured.keys()].sort());
    for (const [name, text] of captured) {
      expect(text, `${name} differs from tests/fixtures/ibkr/requests/${name}.txt`).toBe(
        readFileSync(join(GOLDEN_DIR, `${name}.txt`), 'utf8'),
      );
    }
    expect(captured.size).toBe(24);
  });
});
