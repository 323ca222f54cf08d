namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// A sliding-window budget shared by every replica: <c>{p}rate:{key}</c> is a sorted set of the operations taken,
    /// scored by their time in whole milliseconds. Entries older than the longest window are dropped; if any limit is
    /// full, nothing is taken and the wait in milliseconds until its oldest counted entry leaves the window is returned;
    /// otherwise the operation is recorded and 0 returned. ARGV: prefix, key, now ms, member, then limit, window ms pairs.
    /// </summary>
    public static readonly LuaScript TryAcquireRate = new("""
        local k = ARGV[1] .. 'rate:' .. ARGV[2]
        local now = tonumber(ARGV[3])
        local longest = 0
        for i = 5, #ARGV, 2 do
          local window = tonumber(ARGV[i + 1])
          if window > longest then longest = window end
        end
        redis.call('ZREMRANGEBYSCORE', k, '-inf', now - longest)
        local wait = 0
        for i = 5, #ARGV, 2 do
          local limit, window = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
          local counted = redis.call('ZREVRANGEBYSCORE', k, '+inf', '(' .. (now - window), 'WITHSCORES', 'LIMIT', limit - 1, 1)
          if #counted > 0 then
            local w = tonumber(counted[2]) + window - now
            if w > wait then wait = w end
          end
        end
        if wait > 0 then return wait end
        redis.call('ZADD', k, now, ARGV[4])
        redis.call('PEXPIRE', k, longest)
        return 0
        """);

    /// <summary>
    /// Pauses a key for every replica: <c>{p}pause:{key}</c> holds the end in milliseconds and is only ever moved later.
    /// ARGV: prefix, key, until ms, how long that is from now in ms (the key's expiry).
    /// </summary>
    public static readonly LuaScript PauseRate = new("""
        local k = ARGV[1] .. 'pause:' .. ARGV[2]
        local current = tonumber(redis.call('GET', k) or '0')
        if tonumber(ARGV[3]) > current then redis.call('SET', k, ARGV[3], 'PX', ARGV[4]) end
        return 1
        """);
}
