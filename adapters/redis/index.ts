export { appendEntry, DEFAULT_STREAM_MAX_LEN } from './appendEntry.js';
export {
  createRedisClient,
  REDIS_CLIENT_DEFAULTS,
  reconnectDelay,
  type RedisClientOptions,
  type RedisConnectionEvent,
} from './createRedisClient.js';
export { ensureGroup } from './ensureGroup.js';
export {
  RedisCommandError,
  RedisInputError,
  RedisStoredValueError,
  RedisUnavailableError,
  RedisValueTooLargeError,
  RedisWrongTypeError,
} from './errors.js';
export { hotStateKeys, type HotStateKeys } from './hotStateKeys.js';
export { checkName, MAX_VALUE_BYTES } from './limits.js';
export { readDeadLetters, type DeadLetter } from './readDeadLetters.js';
export { RedisHotState, KILL_SWITCH_HISTORY_LENGTH } from './RedisHotState.js';
export { resolveRedisConnection, type RedisConnection } from './redisConnection.js';
export { runRedis, translateRedisError, type RedisCallContext } from './runRedis.js';
export { StreamConsumer } from './StreamConsumer.js';
export type {
  BatchResult,
  RecoveredEntries,
  StreamConsumerOptions,
  StreamHandler,
  StreamReport,
} from './streamConsumerTypes.js';
export type { StreamEffect } from './streamEffects.js';
export { compareIds, entryTime, type StreamEntry } from './StreamEntry.js';
export { streamKey, streamKeys, type StreamKeys } from './streamKeys.js';
