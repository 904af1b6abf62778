import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { BarStore } from '../../adapters/store/BarStore.js';
import { startFakeGateway, syntheticBarFixtures, type FakeGateway } from '../../devtools/fakeGateway/index.js';
import { intraday } from '../support/runCli.js';

// `intraday fetch` as a user runs it (the compiled CLI in a child process, the real @stoqey/ib client) against the
// fake gateway on a loopback port. 2025-01-02..2025-01-17 holds 11 sessions (Jan 9 was a closure): 858 bars.
const fixtures = syntheticBarFixtures(['AAPL', 'MSFT'], 20250102, 20250131);
let fake: FakeGateway;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeGateway({ bars: fixtures });
  dataDir = mkdtempSync(join(tmpdir(), 'fetch-cli-'));
});

afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const args = (port: number): string[] => [
  'fetch',
  '--source',
  'ibkr',
  '--tickers',
  'AAPL,MSFT',
  '--start',
  '2025-01-02',
  '--end',
  '2025-01-17',
  '--bar',
  '5m',
  '--port',
  String(port),
  '--client-id',
  '23',
];

const historicalRequests = (): string[] =>
  fake.requests
    .filter((entry) => entry.name === 'REQ_HISTORICAL_DATA')
    .map((entry) => `${entry.fields[3]} ${entry.fields[15]}`);

describe('intraday fetch --source ibkr', () => {
  it('writes every bar of the inclusive range into the store, prints the count per ticker, and resumes to nothing', async () => {
    const result = await intraday(args(fake.port), { INTRADAY_DATA_DIR: dataDir });

    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(`from IB 127.0.0.1:${fake.port} (client 23) into dataset "ibkr-5m"`);
    expect(result.out).toMatch(/ {2}AAPL: 858 bars\n/);
    expect(result.out).toMatch(/ {2}MSFT: 858 bars\n/);
    expect(result.out).toContain('6 request(s), 0 pacing violation(s)');
    expect(historicalRequests()).toContain('AAPL 20250117-21:00:00');
    expect(fake.pacing.violations).toEqual([]);
    const stored = await new BarStore(new LocalBlobStore(join(dataDir, 'blobs'))).read('ibkr-5m');
    for (const ticker of ['AAPL', 'MSFT']) {
      const batch = stored.batches.find((candidate) => candidate.ticker === ticker)!;
      const fixture = fixtures.batches.find((candidate) => candidate.ticker === ticker)!;
      const expected = Array.from(fixture.ts.subarray(0, 858));
      expect(Array.from(batch.ts)).toEqual(expected);
      expect(Array.from(batch.close)).toEqual(Array.from(fixture.close.subarray(0, 858)));
    }

    // A second run finds every chunk in the cursors and asks the gateway for nothing.
    const before = historicalRequests().length;
    const again = await intraday(args(fake.port), { INTRADAY_DATA_DIR: dataDir });

    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('AAPL: 0 bars (3 request(s) already done in an earlier run)');
    expect(again.out).toContain('0 request(s)');
    expect(historicalRequests().length).toBe(before);
  });

  it('names host:port and what to check when no gateway listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const result = await intraday(args(port), { INTRADAY_DATA_DIR: dataDir });

    expect(result.code).toBe(1);
    expect(result.err).toContain(`cannot reach IB Gateway/TWS at 127.0.0.1:${port}`);
    expect(result.err).toContain('check that IB Gateway or TWS is running');
  });

  it('refuses a source it cannot fetch from', async () => {
    const result = await intraday([...args(fake.port).slice(0, 1), '--source', 'csv', ...args(fake.port).slice(3)], {
      INTRADAY_DATA_DIR: dataDir,
    });

    expect(result.code).toBe(1);
    expect(result.err).toContain('--source must be "ibkr" (the only source that fetches), was "csv"');
  });
});
