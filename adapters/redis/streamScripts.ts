import { LUA_CHECK_TYPE, LuaScript } from './luaScript.js';

/**
 * Commits one entry: applies its effects, records it as settled and acknowledges it, all in one script, so either
 * all of it happened or none of it did (the checks run before the first write). An entry already settled is only
 * acknowledged (answer 0); a fresh one answers 1.
 *
 * KEYS: 1 stream, 2 settled set, 3 errors hash, 4.. one key per effect.
 * ARGV: 1 group, 2 entry id, 3 entry time (score), 4 forget settled ids scored below this, 5 effect count, then per
 * effect: op, expected key type ('' for any), argument count, arguments.
 */
export const COMMIT_ENTRY = new LuaScript(`${LUA_CHECK_TYPE}
local err = check_type(KEYS[2], 'zset') or check_type(KEYS[3], 'hash')
if err then return err end
if redis.call('ZSCORE', KEYS[2], ARGV[2]) then
  redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
  return 0
end
local commands = { hset = 'HSET', hincrby = 'HINCRBY', hincrbyfloat = 'HINCRBYFLOAT', incrby = 'INCRBY',
  set = 'SET', rpush = 'RPUSH', sadd = 'SADD', xadd = 'XADD', del = 'DEL' }
local plan = {}
local pos = 6
for i = 1, tonumber(ARGV[5]) do
  local op, expected, argc = ARGV[pos], ARGV[pos + 1], tonumber(ARGV[pos + 2])
  local key = KEYS[3 + i]
  if not commands[op] then return redis.error_reply('BADEFFECT unknown op ' .. op) end
  if expected ~= '' then
    err = check_type(key, expected)
    if err then return err end
  end
  -- A counter whose current value is not a number would fail half-way through the writes: refuse it first.
  local current = nil
  if op == 'hincrby' or op == 'hincrbyfloat' then current = redis.call('HGET', key, ARGV[pos + 3]) end
  if op == 'incrby' then current = redis.call('GET', key) end
  if current then
    local ok = (op == 'hincrbyfloat' and tonumber(current)) or string.match(current, '^%-?%d+$')
    if not ok then return redis.error_reply('NOTANUMBER_AT ' .. key .. ' holds ' .. current) end
  end
  plan[i] = { commands[op], key, pos + 3, argc }
  pos = pos + 3 + argc
end
for _, step in ipairs(plan) do
  redis.call(step[1], step[2], unpack(ARGV, step[3], step[3] + step[4] - 1))
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[3], ARGV[2])
return 1
`);

/**
 * Moves one entry to the dead-letter stream with the reason, its delivery count, its handler's last error and its
 * fields (as a JSON array `[field, value, ...]`), marks it settled and acknowledges it. An entry settled meanwhile
 * is only acknowledged (answer ''); otherwise the answer is the dead-letter entry's id.
 *
 * KEYS: 1 stream, 2 settled set, 3 errors hash, 4 dead-letter stream.
 * ARGV: 1 group, 2 entry id, 3 entry time (score), 4 reason, 5 deliveries, 6 dead-letter MAXLEN (approximate).
 */
export const DEAD_LETTER_ENTRY = new LuaScript(`${LUA_CHECK_TYPE}
local err = check_type(KEYS[2], 'zset') or check_type(KEYS[3], 'hash') or check_type(KEYS[4], 'stream')
if err then return err end
if redis.call('ZSCORE', KEYS[2], ARGV[2]) then
  redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
  return ''
end
local found = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
local fields = 'null'
if found[1] then fields = cjson.encode(found[1][2]) end
local last_error = redis.call('HGET', KEYS[3], ARGV[2]) or ''
local id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[6], '*', 'source_id', ARGV[2], 'reason', ARGV[4],
  'deliveries', ARGV[5], 'last_error', last_error, 'fields', fields)
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[3], ARGV[2])
return id
`);
