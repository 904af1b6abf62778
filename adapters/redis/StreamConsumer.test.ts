import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisTestKit, type RedisTestKit } from '../../tests/support/redisTestKit.js';
import { appendEntry } from './appendEntry.js';
import { ensureGroup } from './ensureGroup.js';
import { readDeadLetters } from './readDeadLetters.js';
import { StreamConsumer } from './StreamConsumer.js';
import type { StreamConsumerOptions, StreamReport } from './streamConsumerTypes.js';
import { compareIds, type StreamEntry } from './StreamEntry.js';

// Against the real redis-server that scripts/setup.sh starts; each run has its own key prefix.
let kit: RedisTestKit;

beforeAll(async () => {
  kit = await openRedisTestKit('streams');
});

afterAll(async () => {
  await kit.cleanup();
});

/** A fresh stream with `n` entries `{ n: "<i>" }`, its group, and a consumer on it. */
async function setUp(stream: string, n: number, options: Partial<StreamConsumerOptions> = {}) {
  const reports: StreamReport[] = [];
  await ensureGroup(kit.client, kit.connection, stream, 'g');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await appendEntry(kit.client, kit.connection, stream, { n: String(i) }));
  const make = (consumer: string, more: Partial<StreamConsumerOptions> = {}) =>
    new StreamConsumer(kit.client, kit.connection, {
      stream,
      group: 'g',
      consumer,
      blockMs: 50,
      onReport: (r) => reports.push(r),
      ...options,
      ...more,
    });
  return { ids, reports, consumer: make('c1'), make };
}

/** The handler the tests use: count each entry id once per application, in a hash under `<stream>:applied`. */
const counting = (stream: string) => (entry: StreamEntry) => [
  { op: 'hincrby' as const, key: `${stream}:applied`, field: entry.id, by: 1 },
  { op: 'incrby' as const, key: `${stream}:total`, by: Number(entry.fields['n']) },
];

async function applied(stream: string): Promise<Record<string, string>> {
  return kit.client.hgetall(`${kit.prefix}${stream}:applied`);
}

async function pendingCount(consumer: StreamConsumer): Promise<number> {
  const summary = (await kit.client.xpending(consumer.keys.stream, 'g')) as [number, ...unknown[]];
  return Number(summary[0]);
}

describe('StreamConsumer', () => {
  it('creates its group idempotently', async () => {
    expect(await ensureGroup(kit.client, kit.connection, 'idem', 'g')).toBe(true);
    expect(await ensureGroup(kit.client, kit.connection, 'idem', 'g')).toBe(false);
  });

  it('refuses to create a group on a key that is not a stream, and leaves the key alone', async () => {
    const key = `${kit.prefix}stream:{notastream}`;
    await kit.client.set(key, 'text');

    const attempt = ensureGroup(kit.client, kit.connection, 'notastream', 'g');

    await expect(attempt).rejects.toThrow(`Redis key "${key}" holds a value of another type, expected a stream`);
    expect(await kit.client.get(key)).toBe('text');
  });

  it('reads, applies each effect once and acknowledges every entry', async () => {
    const { ids, consumer } = await setUp('basic', 25, { batchSize: 10 });

    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumer.runOnce(counting('basic')));

    expect(results.map((r) => r.applied)).toEqual([10, 10, 5, 0]);
    expect(await applied('basic')).toEqual(Object.fromEntries(ids.map((id) => [id, '1'])));
    // 0 + 1 + ... + 24
    expect(await kit.client.get(`${kit.prefix}basic:total`)).toBe('300');
    expect(await pendingCount(consumer)).toBe(0);
  });

  it('acknowledges entries already settled without running the handler when they come again', async () => {
    const { ids, consumer, reports } = await setUp('again', 5);
    await consumer.runOnce(counting('again'));
    // Rewinding the group redelivers every entry, as a restore or an operator's mistake would.
    await kit.client.xgroup('SETID', consumer.keys.stream, 'g', '0');
    let calls = 0;

    const second = await consumer.runOnce((entry) => {
      calls++;
      return counting('again')(entry);
    });

    expect(second).toMatchObject({ read: 5, applied: 0, duplicates: 5 });
    expect(calls, 'the handler must not run for settled entries').toBe(0);
    expect(await applied('again')).toEqual(Object.fromEntries(ids.map((id) => [id, '1'])));
    expect(reports.filter((r) => r.kind === 'duplicate')).toHaveLength(5);
    expect(await pendingCount(consumer)).toBe(0);
  });

  it('applies an entry once when a slow consumer and the one that claimed it both commit', async () => {
    const { ids, make } = await setUp('race', 3, { minIdleMs: 30 });
    const slow = make('slow');
    const fast = make('fast');
    const held = await slow.read();
    await new Promise((resolve) => setTimeout(resolve, 60));

    const recovered = await fast.recover();
    const fastResult = await fast.handle(recovered.entries, counting('race'));
    const slowResult = await slow.handle(held, counting('race'));

    expect(recovered.entries.map((e) => e.id)).toEqual(ids);
    expect(fastResult.applied).toBe(3);
    expect(slowResult).toMatchObject({ applied: 0, duplicates: 3 });
    expect(await applied('race')).toEqual(Object.fromEntries(ids.map((id) => [id, '1'])));
  });

  it('picks up the entries of a dead consumer within recoverEvery batches while new entries keep coming', async () => {
    const { ids, make } = await setUp('periodic', 8, { minIdleMs: 1, recoverEvery: 2, batchSize: 2 });
    const live = make('live');
    const dead = make('dead');
    const seen: string[][] = [];
    const handler = (entry: StreamEntry) => counting('periodic')(entry);

    await live.runOnce(handler);
    expect(await dead.read()).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let call = 0; call < 2; call++) {
      const before = Object.keys(await applied('periodic'));
      await live.runOnce(handler);
      seen.push(Object.keys(await applied('periodic')).filter((id) => !before.includes(id)));
    }

    expect(seen, "a plain read first, then the recovery of the dead consumer's two entries").toEqual([
      [ids[4], ids[5]],
      [ids[2], ids[3]],
    ]);
  });

  it('retries a failing entry and moves it to the dead-letter stream after maxDeliveries', async () => {
    const { ids, consumer, reports } = await setUp('poison', 6, { maxDeliveries: 3 });
    const poison = ids[2]!;
    let poisonCalls = 0;
    const handler = (entry: StreamEntry) => {
      if (entry.id === poison) {
        poisonCalls++;
        throw new Error(`cannot parse entry ${entry.fields['n']}`);
      }
      return counting('poison')(entry);
    };

    let deadLettered = 0;
    for (let i = 0; i < 6; i++) deadLettered += (await consumer.runOnce(handler)).deadLettered;

    expect(poisonCalls, 'the handler sees the poison entry maxDeliveries times').toBe(3);
    expect(deadLettered).toBe(1);
    expect(Object.keys(await applied('poison')).sort(compareIds)).toEqual(ids.filter((id) => id !== poison));
    const letters = await readDeadLetters(kit.client, kit.connection, consumer.keys);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      sourceId: poison,
      reason: 'delivered 4 times, more than maxDeliveries 3',
      deliveries: 4,
      lastError: 'Error: cannot parse entry 2',
      fields: { n: '2' },
    });
    expect(reports.filter((r) => r.kind === 'handler_failed')).toHaveLength(3);
    expect(await pendingCount(consumer)).toBe(0);
    expect(await kit.client.hlen(consumer.keys.errors), 'the error note goes with the entry').toBe(0);
  });

  it('refuses an effect on a key of the wrong type, applies none of the entry, and commits once fixed', async () => {
    const { ids, consumer } = await setUp('wrongtype', 1);
    await kit.client.set(`${kit.prefix}wrongtype:list`, 'a string, not a list');
    const [entry] = await consumer.read();
    const effects = [
      { op: 'incrby' as const, key: 'wrongtype:count', by: 1 },
      { op: 'rpush' as const, key: 'wrongtype:list', values: ['x'] },
    ];

    const attempt = consumer.commit(entry!, effects);

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_WRONG_TYPE' });
    await expect(attempt).rejects.toThrow(`Redis key "${kit.prefix}wrongtype:list" holds a string, expected a list`);
    expect(await kit.client.get(`${kit.prefix}wrongtype:count`), 'the first effect must not run alone').toBeNull();
    expect(await pendingCount(consumer), 'the entry stays pending').toBe(1);
    expect(await kit.client.get(`${kit.prefix}wrongtype:list`)).toBe('a string, not a list');

    await kit.client.del(`${kit.prefix}wrongtype:list`);
    expect(await consumer.commit(entry!, effects)).toBe(true);
    expect(await kit.client.get(`${kit.prefix}wrongtype:count`)).toBe('1');
    expect(await kit.client.lrange(`${kit.prefix}wrongtype:list`, 0, -1)).toEqual(['x']);
    expect(ids).toHaveLength(1);
  });

  it('fails only the entry whose effects Redis refuses, and goes on with the batch', async () => {
    const { ids, consumer, reports } = await setUp('refused', 3);
    await kit.client.set(`${kit.prefix}refused:list`, 'not a list');
    const handler = (entry: StreamEntry) =>
      entry.id === ids[1] ? [{ op: 'rpush' as const, key: 'refused:list', values: ['x'] }] : counting('refused')(entry);

    const result = await consumer.runOnce(handler);

    expect(result).toMatchObject({ read: 3, applied: 2, failed: 1 });
    expect(Object.keys(await applied('refused')).sort(compareIds)).toEqual([ids[0], ids[2]]);
    const failure = reports.find((r) => r.kind === 'handler_failed');
    expect(failure).toEqual({
      kind: 'handler_failed',
      id: ids[1],
      error: `RedisWrongTypeError: Redis key "${kit.prefix}refused:list" holds a string, expected a list; nothing was written`,
    });
    expect(await pendingCount(consumer), 'the refused entry waits for a retry or the dead-letter stream').toBe(1);
  });

  it('refuses a counter effect on a field that holds text, before any write', async () => {
    const { consumer } = await setUp('nan', 1);
    await kit.client.hset(`${kit.prefix}nan:h`, 'f', 'abc');
    const [entry] = await consumer.read();

    const attempt = consumer.commit(entry!, [
      { op: 'set', key: 'nan:first', value: 'x' },
      { op: 'hincrby', key: 'nan:h', field: 'f', by: 1 },
    ]);

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_BAD_STORED_VALUE' });
    expect(await kit.client.get(`${kit.prefix}nan:first`)).toBeNull();
    expect(await pendingCount(consumer)).toBe(1);
  });

  it('refuses an oversized entry and keeps the stream as it was', async () => {
    const { consumer } = await setUp('big', 2);

    const attempt = appendEntry(kit.client, kit.connection, 'big', { blob: 'x'.repeat(1024 * 1024 + 1) });

    await expect(attempt).rejects.toThrow(
      'entry for stream big is 1048581 bytes, above the limit of 1048576 bytes for one Redis value; nothing was written',
    );
    expect(await kit.client.xlen(consumer.keys.stream)).toBe(2);
  });

  it('reports pending entries the stream trimmed away instead of losing them silently', async () => {
    const { ids, consumer, reports } = await setUp('trim', 4);
    await consumer.read();
    await kit.client.xtrim(consumer.keys.stream, 'MAXLEN', 0);

    const recovered = await consumer.recover();

    expect(recovered).toEqual({ entries: [], deadLettered: 0, trimmed: 4 });
    expect(reports).toContainEqual({ kind: 'trimmed', ids });
    expect(await pendingCount(consumer)).toBe(0);
  });

  it('tells the caller to create the group when it is missing', async () => {
    const consumer = new StreamConsumer(kit.client, kit.connection, { stream: 'nogroup', group: 'g', consumer: 'c' });

    const attempt = consumer.read();

    await expect(attempt).rejects.toMatchObject({ code: 'REDIS_COMMAND_FAILED' });
    await expect(attempt).rejects.toThrow(
      /^Redis XREADGROUP on ".*nogroup}" failed: NOGROUP .* \(create the group first: ensureGroup\)$/,
    );
  });

  it('refuses a block time the client would time out on', () => {
    expect(
      () => new StreamConsumer(kit.client, kit.connection, { stream: 's', group: 'g', consumer: 'c', blockMs: 5_000 }),
    ).toThrow("blockMs must be below the client's command timeout of 2000 ms, was 5000");
  });
});
