import type { Redis } from 'ioredis';
import { RedisInputError } from './errors.js';
import { checkName, checkSize } from './limits.js';
import type { RedisConnection } from './redisConnection.js';
import { runRedis } from './runRedis.js';
import { streamKey } from './streamKeys.js';

/** Default approximate cap of a stream (XADD MAXLEN ~): about a week of 5-minute bars for 500 tickers. */
export const DEFAULT_STREAM_MAX_LEN = 250_000;

/**
 * Appends one entry to a stream (XADD with MAXLEN ~, so the stream stays bounded at little cost) and answers the id
 * the server gave it. Trimming drops the oldest entries: size `maxLen` well above any backlog a consumer may build,
 * because an entry trimmed before a group read it is gone (README, "Limits").
 */
export async function appendEntry(
  client: Redis,
  connection: RedisConnection,
  stream: string,
  fields: Readonly<Record<string, string>>,
  maxLen: number = DEFAULT_STREAM_MAX_LEN,
): Promise<string> {
  const key = streamKey(connection.keyPrefix, checkName('stream', stream));
  if (!Number.isSafeInteger(maxLen) || maxLen < 1) {
    throw new RedisInputError(`maxLen of ${stream}`, 'a whole number >= 1', maxLen);
  }
  const args: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') {
      throw new RedisInputError(`field ${name} of an entry for ${stream}`, 'a string', value);
    }
    args.push(name, value);
  }
  if (args.length === 0) throw new RedisInputError(`entry for ${stream}`, 'at least one field', fields);
  checkSize(`entry for stream ${stream}`, args);
  const id = await runRedis({ target: connection.target, command: 'XADD', key, expectedType: 'stream' }, () =>
    client.xadd(key, 'MAXLEN', '~', maxLen, '*', ...args),
  );
  return id!;
}
