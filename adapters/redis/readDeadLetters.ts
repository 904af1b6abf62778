import type { Redis } from 'ioredis';
import { RedisStoredValueError } from './errors.js';
import type { RedisConnection } from './redisConnection.js';
import { runRedis } from './runRedis.js';
import { parseEntries } from './StreamEntry.js';
import type { StreamKeys } from './streamKeys.js';

/** An entry that failed too often, as the dead-letter stream keeps it. */
export interface DeadLetter {
  /** Id in the dead-letter stream. */
  readonly id: string;
  /** Id the entry had in its own stream. */
  readonly sourceId: string;
  readonly reason: string;
  readonly deliveries: number;
  /** The handler's last error, '' when the consumer died instead of failing. */
  readonly lastError: string;
  /** The entry's fields; null when the stream had already trimmed it. */
  readonly fields: Readonly<Record<string, string>> | null;
}

/** The oldest `count` dead letters of a group (XRANGE over its dead-letter stream). */
export async function readDeadLetters(
  client: Redis,
  connection: RedisConnection,
  keys: StreamKeys,
  count = 100,
): Promise<DeadLetter[]> {
  const key = keys.deadLetter;
  const raw = await runRedis({ target: connection.target, command: 'XRANGE', key, expectedType: 'stream' }, () =>
    client.xrange(key, '-', '+', 'COUNT', count),
  );
  return parseEntries(key, raw).entries.map(({ id, fields }) => {
    const list = JSON.parse(fields['fields'] ?? 'null') as string[] | null;
    const deliveries = Number(fields['deliveries']);
    if (fields['source_id'] === undefined || !Number.isSafeInteger(deliveries)) {
      throw new RedisStoredValueError(key, `entry ${id} is not a dead letter: ${JSON.stringify(fields)}`);
    }
    let original: Record<string, string> | null = null;
    if (list !== null) {
      original = {};
      for (let i = 0; i + 1 < list.length; i += 2) original[list[i]!] = list[i + 1]!;
    }
    return {
      id,
      sourceId: fields['source_id'],
      reason: fields['reason'] ?? '',
      deliveries,
      lastError: fields['last_error'] ?? '',
      fields: original,
    };
  });
}
