import { AppError } from '../../core/AppError.js';
import { RedisCommandError, RedisStoredValueError, RedisUnavailableError, RedisWrongTypeError } from './errors.js';

/** What a failed call was doing, for its error message. */
export interface RedisCallContext {
  /** `host:port` of the server. */
  readonly target: string;
  /** The operation, e.g. `XADD` or `write features`. */
  readonly command: string;
  /** The key it touched first. */
  readonly key: string;
  /** The Redis type the key should hold, for WRONGTYPE replies of plain commands. */
  readonly expectedType?: string;
}

// Messages ioredis and Node use when the connection is down or a command ran out of time.
const UNAVAILABLE = [
  'Command timed out',
  'Connection is closed',
  "Stream isn't writeable",
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'connect ETIMEDOUT',
  'Reached the max retries per request limit',
];

/**
 * Our Lua scripts report a type mismatch as `WRONGTYPE_AT <key> <expected> <found>` before writing anything; the
 * server's own WRONGTYPE (from a plain command) does not name the key or the types, so the context fills them in.
 */
export function translateRedisError(error: unknown, context: RedisCallContext): Error {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const ours = /WRONGTYPE_AT (\S+) (\S+) (\S+)/.exec(message);
  if (ours) return new RedisWrongTypeError(ours[1]!, ours[2]!, ours[3]!);
  const counter = /NOTANUMBER_AT (\S+) holds (.*)/.exec(message);
  if (counter) {
    return new RedisStoredValueError(
      counter[1]!,
      `holds ${JSON.stringify(counter[2])}, not a number to add to; nothing was written`,
    );
  }
  if (message.startsWith('WRONGTYPE')) {
    return new RedisWrongTypeError(context.key, context.expectedType ?? 'different type', 'value of another type');
  }
  if (UNAVAILABLE.some((text) => message.includes(text))) {
    // ioredis neither resends nor fails the commands a broken connection left unanswered: the command timeout does.
    const detail =
      message === 'Command timed out'
        ? 'no reply within the command timeout (the connection is down or the server is busy; a write may or may not have been applied)'
        : message;
    return new RedisUnavailableError(context.target, `${context.command} on "${context.key}"`, detail, {
      cause: error,
    });
  }
  const hint = message.startsWith('NOGROUP') ? ' (create the group first: ensureGroup)' : '';
  return new RedisCommandError(context.command, context.key, message + hint, { cause: error });
}

/** Runs one Redis call and turns its failure into a typed error that names the server, the command and the key. */
export async function runRedis<T>(context: RedisCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateRedisError(error, context);
  }
}
