import { AppError } from '../../core/AppError.js';

/** Redis did not answer in time or the connection is down; the outcome of a write may be unknown. */
export class RedisUnavailableError extends AppError {
  constructor(target: string, command: string, detail: string, options?: { cause?: unknown }) {
    super(
      'REDIS_UNAVAILABLE',
      `Redis at ${target} did not complete ${command}: ${detail}. The client keeps reconnecting; retry the call ` +
        `(every write here is safe to retry)`,
      options,
    );
  }
}

/** A key holds another Redis type than the one the hot state or a stream expects; nothing was written. */
export class RedisWrongTypeError extends AppError {
  readonly key: string;

  constructor(key: string, expected: string, found: string) {
    super('REDIS_WRONG_TYPE', `Redis key "${key}" holds a ${found}, expected a ${expected}; nothing was written`);
    this.key = key;
  }
}

/** A value is larger than the documented limit (see limits.ts); nothing was written. */
export class RedisValueTooLargeError extends AppError {
  constructor(what: string, bytes: number, limit: number) {
    super(
      'REDIS_VALUE_TOO_LARGE',
      `${what} is ${bytes} bytes, above the limit of ${limit} bytes for one Redis value; nothing was written`,
    );
  }
}

/** A call's input breaks a rule (empty name, non-finite time, unknown effect command); nothing was written. */
export class RedisInputError extends AppError {
  constructor(what: string, expected: string, was: unknown, options?: { cause?: unknown }) {
    super('REDIS_BAD_INPUT', `${what} must be ${expected}, was ${JSON.stringify(was) ?? String(was)}`, options);
  }
}

/** A stored value could not be read back (written by something else, or damaged). */
export class RedisStoredValueError extends AppError {
  constructor(key: string, detail: string) {
    super('REDIS_BAD_STORED_VALUE', `Redis key "${key}": ${detail}`);
  }
}

/** Redis refused a command for another reason (the server's message is kept). */
export class RedisCommandError extends AppError {
  constructor(command: string, key: string, detail: string, options?: { cause?: unknown }) {
    super('REDIS_COMMAND_FAILED', `Redis ${command} on "${key}" failed: ${detail}`, options);
  }
}
