import type { Redis } from 'ioredis';
import { checkName } from './limits.js';
import type { RedisConnection } from './redisConnection.js';
import { translateRedisError } from './runRedis.js';
import { streamKey } from './streamKeys.js';

/**
 * Creates a consumer group (and the stream, when missing) unless it exists: safe to call at every start. A new
 * group starts at `startId`: '0' reads the whole stream, '$' only what is appended from now on.
 * Answers whether the group was created by this call.
 */
export async function ensureGroup(
  client: Redis,
  connection: RedisConnection,
  stream: string,
  group: string,
  startId: '0' | '$' = '0',
): Promise<boolean> {
  checkName('group', group);
  const key = streamKey(connection.keyPrefix, checkName('stream', stream));
  try {
    await client.xgroup('CREATE', key, group, startId, 'MKSTREAM');
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('BUSYGROUP')) return false;
    throw translateRedisError(error, {
      target: connection.target,
      command: 'XGROUP CREATE',
      key,
      expectedType: 'stream',
    });
  }
}
