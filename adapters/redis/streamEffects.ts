import { RedisInputError } from './errors.js';
import { checkSize } from './limits.js';

/**
 * A change a stream handler asks for, applied in Redis atomically with the entry's acknowledgement. `key` is a name
 * under the configured prefix (the consumer prepends it). Only these commands exist, because each one's key type
 * and (for the counters) current value can be checked before the first write, and Redis never rolls back a script.
 */
export type StreamEffect =
  | { readonly op: 'hset'; readonly key: string; readonly fields: Readonly<Record<string, string>> }
  | { readonly op: 'hincrby'; readonly key: string; readonly field: string; readonly by: number }
  | { readonly op: 'hincrbyfloat'; readonly key: string; readonly field: string; readonly by: number }
  | { readonly op: 'incrby'; readonly key: string; readonly by: number }
  | { readonly op: 'set'; readonly key: string; readonly value: string }
  | { readonly op: 'rpush'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'sadd'; readonly key: string; readonly members: readonly string[] }
  | {
      readonly op: 'xadd';
      readonly key: string;
      readonly fields: Readonly<Record<string, string>>;
      /** Approximate cap (MAXLEN ~) of the target stream. */
      readonly maxLen?: number;
    }
  | { readonly op: 'del'; readonly key: string };

/** The Redis type each effect needs its key to hold (or be absent); `del` takes any. */
const KEY_TYPE: Record<StreamEffect['op'], string | null> = {
  hset: 'hash',
  hincrby: 'hash',
  hincrbyfloat: 'hash',
  incrby: 'string',
  set: 'string',
  rpush: 'list',
  sadd: 'set',
  xadd: 'stream',
  del: null,
};

/** Most arguments one effect may carry (Lua's unpack() is bounded by its C stack). */
const MAX_EFFECT_ARGS = 2_000;

const KEY_PATTERN = /^\S{1,512}$/;

function pairs(record: Readonly<Record<string, string>>, what: string): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (typeof value !== 'string') throw new RedisInputError(`${what} field ${name}`, 'a string', value);
    out.push(name, value);
  }
  if (out.length === 0) throw new RedisInputError(what, 'at least one field', record);
  return out;
}

function strings(values: readonly string[], what: string): string[] {
  if (values.length === 0 || values.some((v) => typeof v !== 'string')) {
    throw new RedisInputError(what, 'a non-empty list of strings', values);
  }
  return [...values];
}

function number(by: number, what: string, whole: boolean): string {
  if (whole ? !Number.isSafeInteger(by) : !Number.isFinite(by)) {
    throw new RedisInputError(what, whole ? 'a whole number' : 'a finite number', by);
  }
  return String(by);
}

/** The arguments after the key of one effect's command (validated). */
function effectArgs(effect: StreamEffect): string[] {
  const what = `effect ${effect.op} on "${effect.key}"`;
  switch (effect.op) {
    case 'hset':
      return pairs(effect.fields, what);
    case 'hincrby':
      return [effect.field, number(effect.by, what, true)];
    case 'hincrbyfloat':
      return [effect.field, number(effect.by, what, false)];
    case 'incrby':
      return [number(effect.by, what, true)];
    case 'set':
      return [effect.value];
    case 'rpush':
      return strings(effect.values, what);
    case 'sadd':
      return strings(effect.members, what);
    case 'xadd': {
      const cap = effect.maxLen === undefined ? [] : ['MAXLEN', '~', number(effect.maxLen, `${what} maxLen`, true)];
      return [...cap, '*', ...pairs(effect.fields, what)];
    }
    case 'del':
      return [];
    default:
      throw new RedisInputError('effect op', Object.keys(KEY_TYPE).join(', '), (effect as { op: unknown }).op);
  }
}

/**
 * Effects as the commit script's KEYS and ARGV: one key each (prefixed), and `op, expected type, argc, args...`.
 * Throws REDIS_BAD_INPUT for a bad effect, or when one key would need two types in one commit (the type check
 * runs before any write, so it could not catch that), and REDIS_VALUE_TOO_LARGE past the value limit.
 */
export function encodeEffects(prefix: string, effects: readonly StreamEffect[]): { keys: string[]; args: string[] } {
  const keys: string[] = [];
  const args: string[] = [];
  const typeOfKey = new Map<string, string>();
  for (const effect of effects) {
    if (typeof effect.key !== 'string' || !KEY_PATTERN.test(effect.key)) {
      throw new RedisInputError(`key of effect ${effect.op}`, '1-512 characters without spaces', effect.key);
    }
    const type = KEY_TYPE[effect.op];
    const more = effectArgs(effect);
    if (more.length > MAX_EFFECT_ARGS) {
      throw new RedisInputError(
        `effect ${effect.op} on "${effect.key}"`,
        `at most ${MAX_EFFECT_ARGS} arguments`,
        more.length,
      );
    }
    checkSize(`effect ${effect.op} on "${effect.key}"`, more);
    const key = prefix + effect.key;
    if (type !== null) {
      const earlier = typeOfKey.get(key);
      if (earlier !== undefined && earlier !== type) {
        throw new RedisInputError(`effects on "${effect.key}"`, `one key type per commit (${earlier})`, type);
      }
      typeOfKey.set(key, type);
    }
    keys.push(key);
    args.push(effect.op, type ?? '', String(more.length), ...more);
  }
  return { keys, args };
}
