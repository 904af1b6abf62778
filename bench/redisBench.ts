import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { appendEntry } from '../adapters/redis/appendEntry.js';
import { createRedisClient } from '../adapters/redis/createRedisClient.js';
import { ensureGroup } from '../adapters/redis/ensureGroup.js';
import { resolveRedisConnection, type RedisConnection } from '../adapters/redis/redisConnection.js';
import { StreamConsumer } from '../adapters/redis/StreamConsumer.js';
import { streamKeys } from '../adapters/redis/streamKeys.js';
import type { SystemConfig } from '../config/system.js';

const WARM_UP = 2_000;
const MESSAGES = Number(process.env['BENCH_REDIS_MESSAGES'] ?? 20_000);

/** The q-quantile of sorted samples (nearest rank), in microseconds rounded to whole ones. */
function quantileMicros(sorted: Float64Array, q: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return Math.round(sorted[index]! * 1000);
}

/**
 * Round trips one message at a time on loopback: a producer connection appends an entry (XADD MAXLEN ~), a consumer
 * connection that is waiting in XREADGROUP BLOCK receives it and acknowledges it; the clock stops when the
 * acknowledgement is answered. `commit` chooses plain XACK or the exactly-once commit script (settled mark + XACK).
 */
async function roundTrips(
  producer: Redis,
  consumerClient: Redis,
  connection: RedisConnection,
  stream: string,
  count: number,
  commit: boolean,
): Promise<Float64Array> {
  const consumer = new StreamConsumer(consumerClient, connection, {
    stream,
    group: 'bench',
    consumer: 'c',
    batchSize: 1,
    blockMs: 1_000,
    onReport: () => undefined,
  });
  await ensureGroup(producer, connection, stream, 'bench', '$');
  const key = consumer.keys.stream;
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // The read is issued first, so the consumer normally waits inside XREADGROUP BLOCK when the entry arrives.
    const reading = consumer.read();
    const started = performance.now();
    await appendEntry(producer, connection, stream, { i: String(i) }, 10_000);
    const [entry] = await reading;
    if (entry === undefined) throw new Error(`redis bench: message ${i} did not arrive within the block time`);
    if (commit) await consumer.commit(entry, []);
    else await consumerClient.xack(key, 'bench', entry.id);
    samples[i] = performance.now() - started;
  }
  return samples;
}

async function measure(
  producer: Redis,
  consumer: Redis,
  connection: RedisConnection,
  commit: boolean,
): Promise<{ p50: number; p99: number; max: number }> {
  const stream = commit ? 'bench-commit' : 'bench-ack';
  await roundTrips(producer, consumer, connection, `${stream}-warmup`, WARM_UP, commit);
  const samples = (await roundTrips(producer, consumer, connection, stream, MESSAGES, commit)).sort();
  return { p50: quantileMicros(samples, 0.5), p99: quantileMicros(samples, 0.99), max: quantileMicros(samples, 1) };
}

/** Redis Streams round trip on loopback (target: p99 under 1 ms); skipped with a reason when no server answers. */
export async function benchRedis(settings: SystemConfig['redis']): Promise<Record<string, number | string>> {
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const connection = resolveRedisConnection(settings, process.env, prefix);
  const quiet = { onEvent: () => undefined };
  const producer = createRedisClient(connection, { name: 'bench-producer', ...quiet });
  const consumer = createRedisClient(connection, { name: 'bench-consumer', ...quiet });
  try {
    await producer.ping();
  } catch (error) {
    producer.disconnect();
    consumer.disconnect();
    return { 'redis.skipped': `no Redis at ${connection.target}: ${(error as Error).message}` };
  }
  try {
    const ack = await measure(producer, consumer, connection, false);
    const commit = await measure(producer, consumer, connection, true);
    return {
      'redis.stream_messages': MESSAGES,
      'redis.stream_round_trip_p50_us': ack.p50,
      'redis.stream_round_trip_p99_us': ack.p99,
      'redis.stream_round_trip_max_us': ack.max,
      'redis.stream_commit_round_trip_p50_us': commit.p50,
      'redis.stream_commit_round_trip_p99_us': commit.p99,
    };
  } finally {
    for (const name of ['bench-ack', 'bench-ack-warmup', 'bench-commit', 'bench-commit-warmup']) {
      const keys = streamKeys(prefix, name, 'bench');
      await producer.del(keys.stream, keys.settled, keys.errors, keys.deadLetter);
    }
    await Promise.all([producer.quit(), consumer.quit()]);
  }
}
