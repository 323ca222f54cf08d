namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Records an inbound request unless its surface and dedupe key were seen before (the key is remembered for
    /// its own TTL, past completion). ARGV: prefix, surface, dedupe key, payload, now ticks, now ms, now rem, dedupe ttl ms.
    /// </summary>
    public static readonly LuaScript EnqueueInbound = new("""
        local p = ARGV[1]
        if not redis.call('SET', p .. 'inbound:key:' .. ARGV[2] .. ':' .. ARGV[3], '1', 'NX', 'PX', ARGV[8]) then return 0 end
        local id = redis.call('INCR', p .. 'seq:inbound')
        redis.call('HSET', p .. 'inbound:' .. id, 'surface', ARGV[2], 'key', ARGV[3], 'payload', ARGV[4], 'received', ARGV[5],
          'attempts', '0', 'next_ms', ARGV[6], 'next_rem', ARGV[7])
        redis.call('ZADD', p .. 'inbound', id, id)
        return 1
        """);

    /// <summary>
    /// Claims due, unleased (or lease-expired) items in arrival order, counting the attempt.
    /// ARGV: prefix, now ms, now rem, until ms, until rem, owner, max. Returns id, surface, key, payload, received ticks, attempts.
    /// </summary>
    public static readonly LuaScript ClaimInbound = new("""
        local p, now_ms, now_rem = ARGV[1], ARGV[2], ARGV[3]
        local max = tonumber(ARGV[7])
        local out, claimed, start, page = {}, 0, 0, 256
        while claimed < max do
          local ids = redis.call('ZRANGE', p .. 'inbound', start, start + page - 1)
          if #ids == 0 then break end
          for _, id in ipairs(ids) do
            if claimed >= max then break end
            local h = p .. 'inbound:' .. id
            local f = redis.call('HMGET', h, 'next_ms', 'next_rem', 'until_ms', 'until_rem', 'surface', 'key', 'payload', 'received')
            if f[1] and le(f[1], f[2], now_ms, now_rem) and ((not f[3]) or le(f[3], f[4], now_ms, now_rem)) then
              local attempts = redis.call('HINCRBY', h, 'attempts', 1)
              redis.call('HSET', h, 'owner', ARGV[6], 'until_ms', ARGV[4], 'until_rem', ARGV[5])
              out[#out + 1] = id; out[#out + 1] = f[5]; out[#out + 1] = f[6]; out[#out + 1] = f[7]; out[#out + 1] = f[8]
              out[#out + 1] = tostring(attempts)
              claimed = claimed + 1
            end
          end
          start = start + page
        end
        return out
        """);

    /// <summary>ARGV: prefix, id.</summary>
    public static readonly LuaScript CompleteInbound = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZREM', p .. 'inbound', id) == 1 then redis.call('DEL', p .. 'inbound:' .. id) end
        return 1
        """);

    /// <summary>ARGV: prefix, id, next ms, next rem, error.</summary>
    public static readonly LuaScript RetryInbound = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZSCORE', p .. 'inbound', id) then
          local h = p .. 'inbound:' .. id
          redis.call('HSET', h, 'next_ms', ARGV[3], 'next_rem', ARGV[4], 'error', ARGV[5])
          redis.call('HDEL', h, 'owner', 'until_ms', 'until_rem')
        end
        return 1
        """);

    /// <summary>
    /// Binds a neutral channel to a platform channel, keeping the reverse index (a sorted set per platform channel,
    /// so the smallest name answers, as SQLite's ORDER BY does) in step. ARGV: prefix, surface, channel, platform channel.
    /// </summary>
    public static readonly LuaScript BindChannel = new("""
        local p, surface, channel, platform = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local forward = p .. 'dir:ch:' .. surface
        local old = redis.call('HGET', forward, channel)
        if old then redis.call('ZREM', p .. 'dir:pch:' .. surface .. ':' .. old, channel) end
        redis.call('HSET', forward, channel, platform)
        redis.call('ZADD', p .. 'dir:pch:' .. surface .. ':' .. platform, 0, channel)
        return 1
        """);
}
