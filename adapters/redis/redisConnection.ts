import type { SystemConfig } from '../../config/system.js';
import { RedisInputError } from './errors.js';

/** Where Redis is and under which prefix this system keeps its keys. */
export interface RedisConnection {
  /** `redis://[user:password@]host:port[/db]` (may carry a password: never logged). */
  readonly url: string;
  /** `host:port` for messages: the URL without its credentials. */
  readonly target: string;
  /** Prepended to every key and stream name (system.yaml `redis.key_prefix`). */
  readonly keyPrefix: string;
}

const PREFIX_PATTERN = /^[A-Za-z0-9._:{}/-]*$/;

/**
 * The connection from REDIS_URL when set (it may carry the password, which never lives in YAML), else from
 * system.yaml's host and port. `keyPrefix` overrides the configured prefix (tests use one per run).
 */
export function resolveRedisConnection(
  settings: SystemConfig['redis'],
  env: Readonly<Record<string, string | undefined>>,
  keyPrefix: string = settings.key_prefix,
): RedisConnection {
  if (!PREFIX_PATTERN.test(keyPrefix)) {
    throw new RedisInputError('redis.key_prefix', 'letters, digits and . _ : { } / - only', keyPrefix);
  }
  const fromEnv = env['REDIS_URL'];
  const url = fromEnv && fromEnv.trim() !== '' ? fromEnv.trim() : `redis://${settings.host}:${settings.port}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    // The URL is not echoed back: it may hold a password.
    throw new RedisInputError('REDIS_URL', 'a URL like redis://host:6379', '<not a URL>', { cause: error });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisInputError('REDIS_URL scheme', 'redis: or rediss:', parsed.protocol);
  }
  return { url, target: `${parsed.hostname}:${parsed.port || '6379'}`, keyPrefix };
}
