import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run by its SHA1 (EVALSHA), loaded with EVAL the first time a server has not seen it. */
export class LuaScript {
  readonly source: string;
  readonly sha: string;

  constructor(source: string) {
    this.source = source;
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs atomically on the server: no other command runs between the script's first and last write. */
  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Lua that stops the script with `WRONGTYPE_AT <key> <expected> <found>` when KEYS[i] holds another type (a missing
 * key passes). Every script calls it for each key before its first write, because Redis does not roll back a
 * script that fails half-way: checking first is what keeps a bad call from losing data.
 */
export const LUA_CHECK_TYPE = `
local function check_type(key, expected)
  local found = redis.call('TYPE', key)['ok']
  if found ~= 'none' and found ~= expected then
    return redis.error_reply('WRONGTYPE_AT ' .. key .. ' ' .. expected .. ' ' .. found)
  end
  return nil
end
`;
