import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseResetWindow } from '../../core/ibkr/reconnectPolicy.js';
import { createRandom } from '../../core/random/Random.js';
import { startFakeGateway } from '../../devtools/fakeGateway/index.js';
import type { FakeGateway } from '../../devtools/fakeGateway/index.js';
import { VirtualClock, systemClock } from './clocks.js';
import type { Clock } from '../../core/ibkr/Clock.js';
import type { IbConnectionSettings } from './connectionTypes.js';
import { IbConnection } from './IbConnection.js';

// Every test drives the real @stoqey/ib client over TCP against the fake gateway (devtools/fakeGateway).
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

function settingsFor(port: number, overrides: Partial<IbConnectionSettings> = {}): IbConnectionSettings {
  return {
    host: '127.0.0.1',
    port,
    clientId: 17,
    maxReqPerSec: 40,
    connectTimeoutMs: 2_000,
    heartbeatIntervalMs: 60_000,
    heartbeatTimeoutMs: 5_000,
    backoff: { initialMs: 20, maxMs: 200, factor: 2 },
    resetWindows: [],
    resetZone: 'America/New_York',
    ...overrides,
  };
}

async function gateway(options: Parameters<typeof startFakeGateway>[0] = {}): Promise<FakeGateway> {
  const fake = await startFakeGateway(options);
  open.push(fake);
  return fake;
}

function connection(settings: IbConnectionSettings, clock: Clock = systemClock, log: string[] = []): IbConnection {
  const conn = new IbConnection(settings, {
    clock,
    random: createRandom(3, 'ibkr-test'),
    log: (line) => log.push(line),
  });
  open.push(conn);
  return conn;
}

function nextEvent(conn: IbConnection, event: 'ready' | 'down'): Promise<string> {
  return new Promise((resolve) => {
    const stop = conn.subscribe({
      ready: () => {
        if (event !== 'ready') return;
        stop();
        resolve('ready');
      },
      down: (reason) => {
        if (event !== 'down') return;
        stop();
        resolve(reason);
      },
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('IbConnection over TCP against the fake gateway', () => {
  it('is ready after nextValidId and managedAccounts, with the accounts and first order id', async () => {
    const fake = await gateway({ accounts: ['DU111', 'DU222'], firstOrderId: 40 });
    const conn = connection(settingsFor(fake.port));

    await conn.connect();

    expect(conn.state).toBe('ready');
    expect(conn.accounts).toEqual(['DU111', 'DU222']);
    expect(conn.nextValidOrderId).toBe(40);
    expect(fake.connectedClientIds()).toEqual([17]);
  });

  it('times out, naming host:port and what is missing, when the gateway never finishes the start-up', async () => {
    const fake = await gateway({ faults: { silentStart: true } });
    const conn = connection(settingsFor(fake.port, { connectTimeoutMs: 300 }));
    const started = Date.now();

    const error = await conn.connect().catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'IBKR_CONNECT_TIMEOUT',
      message: expect.stringContaining(`127.0.0.1:${fake.port} did not complete the API start-up within 300 ms`),
    });
    expect((error as Error).message).toContain('nextValidId and managedAccounts');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('says what to check when nothing listens on the port', async () => {
    const port = await freePort();
    const conn = connection(settingsFor(port));

    const error = await conn.connect().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'IBKR_UNREACHABLE' });
    expect((error as Error).message).toMatch(
      new RegExp(`cannot reach IB Gateway/TWS at 127\\.0\\.0\\.1:${port} .*ECONNREFUSED`),
    );
    expect((error as Error).message).toContain('Enable ActiveX and Socket Clients');
  });

  it('refuses a client id that another connection holds (326)', async () => {
    const fake = await gateway();
    await connection(settingsFor(fake.port)).connect();

    const error = await connection(settingsFor(fake.port))
      .connect()
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'IBKR_CLIENT_ID_IN_USE', message: expect.stringContaining('client id 17') });
  });

  it('detects a silent (half-open) socket by its heartbeat and reconnects with the same client id', async () => {
    const fake = await gateway();
    const log: string[] = [];
    const conn = connection(
      settingsFor(fake.port, { heartbeatIntervalMs: 100, heartbeatTimeoutMs: 200 }),
      systemClock,
      log,
    );
    await conn.connect();
    const down = nextEvent(conn, 'down');
    const ready = nextEvent(conn, 'ready');

    fake.inject.halfOpen();

    expect(await down).toContain('no reply to the heartbeat within 200 ms (silent socket)');
    await ready;
    expect(conn.state).toBe('ready');
    expect(fake.connectedClientIds()).toEqual([17]);
    expect(log.some((line) => line.includes('reconnected after'))).toBe(true);
  });

  it('reconnects by itself after the gateway drops every socket, retrying while connections are refused', async () => {
    const fake = await gateway();
    const log: string[] = [];
    const conn = connection(settingsFor(fake.port), systemClock, log);
    await conn.connect();
    const down = nextEvent(conn, 'down');
    const ready = nextEvent(conn, 'ready');

    fake.faults.refuseConnections = true;
    fake.inject.dropAll();
    expect(await down).toContain('closed the socket');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(conn.state).toBe('reconnecting');
    fake.faults.refuseConnections = false;

    await ready;
    expect(conn.state).toBe('ready');
    expect(log.filter((line) => line.includes('reconnect attempt')).length).toBeGreaterThan(0);
  });

  it('waits for the end of a daily reset window before reconnecting', async () => {
    // 00:30 New York time on 2025-01-15, inside the 00:15-01:45 window that ends at 06:45 UTC.
    const clock = new VirtualClock(Date.parse('2025-01-15T05:30:00Z'));
    const fake = await gateway({ clock });
    const windows = [parseResetWindow('00:15-01:45')];
    const conn = connection(settingsFor(fake.port, { resetWindows: windows, heartbeatIntervalMs: 3_600_000 }), clock);
    await conn.connect();
    let readyAt = 0;
    const ready = nextEvent(conn, 'ready').then(() => {
      readyAt = clock.now();
    });

    fake.inject.dropAll();
    await ready;

    expect(readyAt).toBeGreaterThanOrEqual(Date.parse('2025-01-15T06:45:00Z'));
    expect(readyAt).toBeLessThanOrEqual(Date.parse('2025-01-15T06:45:00.200Z'));
  });

  it('hands every new client to onApi before it connects, and exposes it only while ready', async () => {
    const fake = await gateway();
    const conn = connection(settingsFor(fake.port));
    const seen: string[] = [];
    conn.onApi((api) => {
      seen.push(`attached while ${conn.state}`);
      api.on('nextValidId' as never, () => seen.push('nextValidId'));
    });

    await conn.connect();
    const ready = nextEvent(conn, 'ready');
    fake.inject.dropAll();
    await ready;

    expect(seen).toEqual(['attached while connecting', 'nextValidId', 'attached while reconnecting', 'nextValidId']);
    expect(conn.readyClient()).toBeDefined();
    conn.close();
    expect(conn.readyClient()).toBeUndefined();
  });

  it('rejects waiters and refuses to connect once closed', async () => {
    const fake = await gateway();
    const conn = connection(settingsFor(fake.port));
    const waiting = conn.waitReady();

    conn.close();

    await expect(waiting).rejects.toMatchObject({ code: 'IBKR_CONNECTION_CLOSED' });
    await expect(conn.connect()).rejects.toMatchObject({ code: 'IBKR_CONNECTION_CLOSED' });
  });
});
