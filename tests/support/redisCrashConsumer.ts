// A consumer process that the crash test kills: it reads one batch, commits the first CRASH_AFTER entries, then
// stops inside the handler of the next one and tells its parent (one JSON line on stdout), which sends SIGKILL.
// Run with `node --import ./tests/support/registerTs.js tests/support/redisCrashConsumer.ts` (see registerTs.js).
import { RedisSettingsSchema } from '../../config/system.js';
import { createRedisClient } from '../../adapters/redis/createRedisClient.js';
import { resolveRedisConnection } from '../../adapters/redis/redisConnection.js';
import { StreamConsumer } from '../../adapters/redis/StreamConsumer.js';
import type { StreamEntry } from '../../adapters/redis/StreamEntry.js';

const env = process.env;
const connection = resolveRedisConnection(RedisSettingsSchema.parse({}), env, env['CRASH_PREFIX']);
const client = createRedisClient(connection, { name: `crash-${env['CRASH_CONSUMER']}` });
const consumer = new StreamConsumer(client, connection, {
  stream: env['CRASH_STREAM']!,
  group: 'g',
  consumer: env['CRASH_CONSUMER']!,
  batchSize: Number(env['CRASH_BATCH']),
  minIdleMs: 60_000,
});
const crashAfter = Number(env['CRASH_AFTER']);

let done = 0;
const handler = async (entry: StreamEntry) => {
  if (done === crashAfter) {
    process.stdout.write(`${JSON.stringify({ dyingIn: entry.id })}\n`);
    // Wait for the parent's SIGKILL with the effect not committed.
    await new Promise(() => undefined);
  }
  done++;
  return [{ op: 'hincrby' as const, key: 'crash:applied', field: entry.id, by: 1 }];
};

// The recovered entries of an earlier incarnation first (a restart under the same name), else a fresh batch.
const recovered = await consumer.recover();
const entries = recovered.entries.length > 0 ? recovered.entries : await consumer.read();
process.stdout.write(`${JSON.stringify({ read: entries.map((e) => e.id) })}\n`);
await consumer.handle(entries, handler);
process.stdout.write(`${JSON.stringify({ finished: done })}\n`);
await client.quit();
