import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSettingsSchema } from '../../config/system.js';
import { openRedisTestKit, type RedisTestKit } from '../../tests/support/redisTestKit.js';
import { createRedisClient, reconnectDelay, type RedisConnectionEvent } from './createRedisClient.js';
import { RedisHotState } from './RedisHotState.js';
import { resolveRedisConnection } from './redisConnection.js';
import { runRedis } from './runRedis.js';

const defaults = RedisSettingsSchema.parse({});

describe('resolveRedisConnection', () => {
  it('uses system.yaml host and port unless REDIS_URL is set, and keeps the password out of the target', () => {
    expect(resolveRedisConnection(defaults, {})).toEqual({
      url: 'redis://127.0.0.1:6379',
      target: '127.0.0.1:6379',
      keyPrefix: 'intraday:',
    });
    const fromEnv = resolveRedisConnection(defaults, { REDIS_URL: 'rediss://:s3cret@cache.example.net:6380/0' });
    expect(fromEnv.target).toBe('cache.example.net:6380');
    expect(JSON.stringify({ target: fromEnv.target, prefix: fromEnv.keyPrefix })).not.toContain('s3cret');
  });

  it('refuses a URL of another scheme and a prefix with spaces', () => {
    expect(() => resolveRedisConnection(defaults, { REDIS_URL: 'http://x:1' })).toThrow(
      'REDIS_URL scheme must be redis: or rediss:, was "http:"',
    );
    expect(() => resolveRedisConnection(defaults, {}, 'a b')).toThrow(/redis.key_prefix must be letters/);
  });
});

describe('reconnectDelay', () => {
  it('doubles from 50 ms and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => reconnectDelay(attempt, 2_000))).toEqual([
      50, 100, 200, 400, 800, 1_600, 2_000, 2_000,
    ]);
  });
});

describe('a Redis connection that breaks', () => {
  let kit: RedisTestKit;

  beforeAll(async () => {
    kit = await openRedisTestKit('connection');
  });

  afterAll(async () => {
    await kit.cleanup();
  });

  it('fails a command within its bound with a clear error when no server answers, and keeps retrying', async () => {
    const events: RedisConnectionEvent[] = [];
    const nowhere = resolveRedisConnection({ ...defaults, port: 1 }, {});
    const client = createRedisClient(nowhere, {
      name: 'nowhere',
      commandTimeoutMs: 300,
      maxReconnectDelayMs: 100,
      onEvent: (event) => events.push(event),
    });
    const started = performance.now();

    const attempt = runRedis({ target: nowhere.target, command: 'PING', key: '-' }, () => client.ping());

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE' });
    await expect(attempt).rejects.toThrow(
      'Redis at 127.0.0.1:1 did not complete PING on "-": no reply within the command timeout',
    );
    expect(performance.now() - started, 'the bound is the command timeout, not forever').toBeLessThan(3_000);
    expect(events.some((e) => e.kind === 'error' && e.message.includes('ECONNREFUSED'))).toBe(true);
    const reconnects = () => events.flatMap((e) => (e.kind === 'reconnecting' ? [e.delayMs] : []));
    for (let i = 0; i < 200 && reconnects().length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    const delays = reconnects();
    expect(delays.length, 'it keeps reconnecting').toBeGreaterThan(1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(100);
    client.disconnect();
  });

  it('reports a connection killed mid-write, reconnects, and keeps everything written before', async () => {
    const writer = kit.newClient('writer');
    const killer = kit.newClient('killer');
    const state = new RedisHotState(writer, kit.connection);
    for (let bar = 0; bar < 20; bar++) {
      await state.setPosition('before', { ticker: `T${bar}`, quantity: bar, costBasisMicros: bar * 10, ts: bar });
    }
    const writerId = (await writer.client('ID')) as number;
    const eventsBefore = kit.events.length;

    // A blocking read parks the connection, so the 50 writes sent after it are surely unanswered when it is killed.
    const parked = writer.xread('BLOCK', 1_000, 'STREAMS', `${kit.prefix}never`, '$').catch((error: Error) => error);
    const writes = Array.from({ length: 50 }, (_, i) =>
      state.writeFeatures({ ticker: `K${i}`, ts: i, values: { v: i } }).then(
        () => 'ok' as const,
        (error: unknown) => error as { code?: string; message: string },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await killer.client('KILL', 'ID', String(writerId));
    const outcomes = await Promise.all(writes);
    await parked;

    const failed = outcomes.flatMap((o, i) => (o === 'ok' ? [] : [{ i, error: o }]));
    expect(failed, 'every write cut off by the kill fails; none is silently resent').toHaveLength(50);
    expect(new Set(failed.map((f) => f.error.code))).toEqual(new Set(['REDIS_UNAVAILABLE']));
    expect(failed[0]!.error.message).toContain(
      `Redis at ${kit.connection.target} did not complete write features on "${state.keys.features('K0')}": no reply ` +
        'within the command timeout',
    );
    const cutOff = Array.from({ length: 50 }, (_, i) => state.keys.features(`K${i}`));
    expect(await kit.client.exists(...cutOff), 'the cut-off writes were neither applied nor resent').toBe(0);
    const reported = kit.events.slice(eventsBefore).filter((e) => e.name.endsWith('-writer'));
    expect(reported.map((e) => e.kind)).toEqual(expect.arrayContaining(['closed', 'reconnecting', 'ready']));

    // Retrying (every write here is idempotent) completes the set once the client has reconnected by itself.
    for (const { i } of failed) await state.writeFeatures({ ticker: `K${i}`, ts: i, values: { v: i } });
    const sample = await Promise.all([0, 25, 49].map((i) => state.readFeatures(`K${i}`)));
    expect(sample.map((s) => s?.values['v'])).toEqual([0, 25, 49]);
    const positions = await state.readPositions('before');
    expect(positions).toHaveLength(20);
    expect(positions.find((p) => p.ticker === 'T7')).toEqual({ ticker: 'T7', quantity: 7, costBasisMicros: 70, ts: 7 });
  });
});
