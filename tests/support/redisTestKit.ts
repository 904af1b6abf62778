import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisSettingsSchema } from '../../config/system.js';
import { createRedisClient, type RedisConnectionEvent } from '../../adapters/redis/createRedisClient.js';
import { resolveRedisConnection, type RedisConnection } from '../../adapters/redis/redisConnection.js';

/** One test's Redis: its own key prefix (so runs never collide), clients, the events they reported, and cleanup. */
export interface RedisTestKit {
  readonly connection: RedisConnection;
  readonly prefix: string;
  readonly client: Redis;
  readonly events: RedisConnectionEvent[];
  /** Another client with the same prefix (a second process's view, or the one that kills connections). */
  newClient(name: string, commandTimeoutMs?: number): Redis;
  /** Deletes every key under the prefix and closes every client. */
  cleanup(): Promise<void>;
}

/**
 * Connects to the real server that scripts/setup.sh starts (REDIS_URL, else 127.0.0.1:6379). A missing server is a
 * failure, not a skip: `npm test` runs the setup first.
 */
export async function openRedisTestKit(label: string): Promise<RedisTestKit> {
  const prefix = `test:${label}:${randomUUID().slice(0, 8)}:`;
  const connection = resolveRedisConnection(RedisSettingsSchema.parse({}), process.env, prefix);
  const events: RedisConnectionEvent[] = [];
  const clients: Redis[] = [];
  const newClient = (name: string, commandTimeoutMs?: number): Redis => {
    const client = createRedisClient(connection, {
      name: `${label}-${name}`,
      onEvent: (event) => events.push(event),
      ...(commandTimeoutMs === undefined ? {} : { commandTimeoutMs }),
    });
    clients.push(client);
    return client;
  };
  const client = newClient('main');
  try {
    await client.ping();
  } catch (error) {
    throw new Error(`no Redis answers at ${connection.target}: run \`bash scripts/setup.sh\` (starts it)`, {
      cause: error,
    });
  }
  return {
    connection,
    prefix,
    client,
    events,
    newClient,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await client.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      await Promise.all(clients.map((each) => each.quit().catch(() => each.disconnect())));
    },
  };
}
