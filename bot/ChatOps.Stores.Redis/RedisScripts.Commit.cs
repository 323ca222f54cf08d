namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// The whole commit of one command, atomic because a script runs alone. Every check (idempotency key, expected
    /// version) happens before the first write, so a refused commit writes nothing.
    /// ARGV: 1 prefix, 2 idempotency key, 3 result json, 4 incident number, 5 expected version, 6 snapshot json,
    /// 7 channel, 8 service (lower case), 9 open (1/0), 10 now ticks, 11 now ms, 12 now rem, 13 completed timer key
    /// ('' for none), 14 its due ticks, then a count and the events (json each), a count and the messages
    /// (channel, json each), a count and the timer changes (key, incident, due ticks or '' to cancel, due ms, due rem).
    /// Returns {1} committed, {2} version conflict, {3, prior result} duplicate.
    /// </summary>
    public static readonly LuaScript Commit = new("""
        local p = ARGV[1]
        local result_key = p .. 'result:' .. ARGV[2]
        local prior = redis.call('GET', result_key)
        if prior then return {3, prior} end

        local n = ARGV[4]
        local incident = p .. 'incident:' .. n
        local expected = tonumber(ARGV[5])
        local stored = redis.call('HGET', incident, 'version')
        if expected == 0 then
          if stored then return {2} end
        elseif (not stored) or tonumber(stored) ~= expected then
          return {2}
        end

        redis.call('SET', result_key, ARGV[3])
        local channel = ARGV[7]
        local old_channel = redis.call('HGET', incident, 'channel')
        redis.call('HSET', incident, 'version', tostring(expected + 1), 'json', ARGV[6], 'channel', channel, 'service', ARGV[8], 'open', ARGV[9])
        redis.call('ZADD', p .. 'incidents', n, n)
        if ARGV[9] == '1' then redis.call('ZADD', p .. 'open', n, n) else redis.call('ZREM', p .. 'open', n) end
        if old_channel and old_channel ~= channel and redis.call('GET', p .. 'channel:' .. old_channel) == n then
          redis.call('DEL', p .. 'channel:' .. old_channel)
        end
        local owner = redis.call('GET', p .. 'channel:' .. channel)
        if (not owner) or tonumber(owner) <= tonumber(n) then redis.call('SET', p .. 'channel:' .. channel, n) end

        local i = 15
        local count = tonumber(ARGV[i]); i = i + 1
        for _ = 1, count do
          redis.call('RPUSH', p .. 'timeline:' .. n, ARGV[i]); i = i + 1
        end

        count = tonumber(ARGV[i]); i = i + 1
        for _ = 1, count do
          local id = redis.call('INCR', p .. 'seq:outbox')
          redis.call('HSET', p .. 'outbox:' .. id, 'channel', ARGV[i], 'json', ARGV[i + 1], 'created', ARGV[10],
            'attempts', '0', 'next_ms', ARGV[11], 'next_rem', ARGV[12])
          redis.call('ZADD', p .. 'outbox', id, id)
          redis.call('ZADD', p .. 'outbox:ch:' .. ARGV[i], id, id)
          if not redis.call('ZSCORE', p .. 'outbox:parked', ARGV[i]) then redis.call('ZADD', p .. 'outbox:heads', 'NX', id, ARGV[i]) end
          i = i + 2
        end

        -- Complete the fired timer before applying changes: a command that reschedules the same key keeps the new one.
        if ARGV[13] ~= '' and redis.call('HGET', p .. 'timer:' .. ARGV[13], 'due') == ARGV[14] then
          redis.call('DEL', p .. 'timer:' .. ARGV[13])
          redis.call('ZREM', p .. 'timers', ARGV[13])
        end
        count = tonumber(ARGV[i]); i = i + 1
        for _ = 1, count do
          local key = ARGV[i]
          redis.call('DEL', p .. 'timer:' .. key)
          if ARGV[i + 2] == '' then
            redis.call('ZREM', p .. 'timers', key)
          else
            redis.call('HSET', p .. 'timer:' .. key, 'incident', ARGV[i + 1], 'due', ARGV[i + 2], 'due_ms', ARGV[i + 3], 'due_rem', ARGV[i + 4])
            redis.call('ZADD', p .. 'timers', ARGV[i + 3], key)
          end
          i = i + 5
        end

        redis.call('PUBLISH', p .. 'events', 'commit:' .. n)
        return {1}
        """);
}
