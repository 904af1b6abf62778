import { LUA_CHECK_TYPE, LuaScript } from './luaScript.js';

// HSET in slices: Lua's unpack() is limited by the C stack (about 8,000 values).
const LUA_HSET_PAIRS = `
local function hset_pairs(key, from)
  local last = #ARGV
  local i = from
  while i <= last do
    local stop = math.min(i + 399, last)
    redis.call('HSET', key, unpack(ARGV, i, stop))
    i = stop + 1
  end
end
`;

/**
 * Replaces a feature snapshot unless a later bar is stored. KEYS[1] = the ticker's hash; ARGV[1] = bar start (ms),
 * ARGV[2..] = name, value pairs. DEL and HSET run inside one script, so a reader (HGETALL) sees the old snapshot
 * or the new one, never a mix of two bars. Answers 1 when written, 0 when a later bar was already there.
 */
export const WRITE_FEATURES = new LuaScript(`${LUA_CHECK_TYPE}${LUA_HSET_PAIRS}
local err = check_type(KEYS[1], 'hash')
if err then return err end
local current = redis.call('HGET', KEYS[1], '@ts')
if current and tonumber(current) > tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], '@ts', ARGV[1])
hset_pairs(KEYS[1], 2)
return 1
`);

/**
 * Writes field/value pairs into a hash. KEYS[1] = the hash; ARGV[1] = 'replace' (the hash becomes exactly these
 * pairs) or 'merge'; ARGV[2] = a channel to PUBLISH the first field name on, or ''; ARGV[3..] = pairs.
 */
export const WRITE_HASH = new LuaScript(`${LUA_CHECK_TYPE}${LUA_HSET_PAIRS}
local err = check_type(KEYS[1], 'hash')
if err then return err end
if ARGV[1] == 'replace' then redis.call('DEL', KEYS[1]) end
if #ARGV >= 3 then hset_pairs(KEYS[1], 3) end
if ARGV[2] ~= '' and #ARGV >= 3 then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
return 1
`);

/**
 * Sets the kill switch and records the change. KEYS[1] = state hash, KEYS[2] = history list; ARGV = engaged ('1' or
 * '0'), by, reason, at, the change as JSON, history length to keep, channel to PUBLISH the JSON on.
 */
export const SET_KILL_SWITCH = new LuaScript(`${LUA_CHECK_TYPE}
local err = check_type(KEYS[1], 'hash') or check_type(KEYS[2], 'list')
if err then return err end
redis.call('HSET', KEYS[1], 'engaged', ARGV[1], 'by', ARGV[2], 'reason', ARGV[3], 'at', ARGV[4])
redis.call('LPUSH', KEYS[2], ARGV[5])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[6]) - 1)
redis.call('PUBLISH', ARGV[7], ARGV[5])
return 1
`);
