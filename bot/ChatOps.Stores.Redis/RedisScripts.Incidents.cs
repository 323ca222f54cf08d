namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Snapshots in number order, filtered on the server so a list is one round trip.
    /// ARGV: prefix, open only (1/0), service in lower case ('' for any), limit (negative for no limit).
    /// </summary>
    public static readonly LuaScript ListIncidents = new("""
        local p, service, limit = ARGV[1], ARGV[3], tonumber(ARGV[4])
        local set = p .. (ARGV[2] == '1' and 'open' or 'incidents')
        local out, start, page = {}, 0, 256
        while limit < 0 or #out < limit do
          local numbers = redis.call('ZRANGE', set, start, start + page - 1)
          if #numbers == 0 then break end
          for _, n in ipairs(numbers) do
            if limit >= 0 and #out >= limit then break end
            local f = redis.call('HMGET', p .. 'incident:' .. n, 'service', 'json')
            if f[2] and (service == '' or f[1] == service) then out[#out + 1] = f[2] end
          end
          start = start + page
        end
        return out
        """);

    /// <summary>
    /// Upserts one console message under a fresh sequence; an existing key keeps its channel (as the SQLite store
    /// does) and moves to the end. ARGV: prefix, key, channel, at ticks, author, text, has card (1/0), card deflated (StoredJson; kept as `cardz`).
    /// Returns the sequence and the stored channel.
    /// </summary>
    public static readonly LuaScript UpsertTranscript = new("""
        local p, key = ARGV[1], ARGV[2]
        local h = p .. 'tmsg:' .. key
        local seq = redis.call('INCR', p .. 'seq:transcript')
        local channel = redis.call('HGET', h, 'channel') or ARGV[3]
        redis.call('HSET', h, 'seq', seq, 'channel', channel, 'at', ARGV[4], 'author', ARGV[5], 'text', ARGV[6])
        redis.call('HDEL', h, 'card')
        if ARGV[7] == '1' then redis.call('HSET', h, 'cardz', ARGV[8]) else redis.call('HDEL', h, 'cardz') end
        redis.call('ZADD', p .. 'transcript', seq, key)
        redis.call('ZADD', p .. 'transcript:ch:' .. channel, seq, key)
        redis.call('SADD', p .. 'transcript:channels', channel)
        redis.call('PUBLISH', p .. 'events', 'transcript:' .. seq .. ':' .. key)
        return {seq, channel}
        """);

    /// <summary>
    /// Messages after a sequence, in order. ARGV: prefix, channel ('' for all), after, max.
    /// Returns key, seq, channel, at ticks, author, text, card ('' when none), its form (StoredJson: 0 none, 1 plain, 2 deflated) per message.
    /// </summary>
    public static readonly LuaScript ReadTranscript = new("""
        local p = ARGV[1]
        local set = ARGV[2] == '' and (p .. 'transcript') or (p .. 'transcript:ch:' .. ARGV[2])
        local out = {}
        for _, key in ipairs(redis.call('ZRANGEBYSCORE', set, '(' .. ARGV[3], '+inf', 'LIMIT', 0, ARGV[4])) do
          local f = redis.call('HMGET', p .. 'tmsg:' .. key, 'seq', 'channel', 'at', 'author', 'text', 'card', 'cardz')
          out[#out + 1] = key
          for j = 1, 5 do out[#out + 1] = f[j] end
          out[#out + 1] = f[7] or f[6] or ''
          out[#out + 1] = f[7] and '2' or (f[6] and '1' or '0')
        end
        return out
        """);
}
