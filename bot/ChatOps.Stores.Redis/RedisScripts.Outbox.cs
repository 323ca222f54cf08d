namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Walks the pending ids in order. A message that cannot be taken now (not due, or leased to a live owner)
    /// blocks every later message to its channel, so each channel sees its messages in order; an expired lease is
    /// taken over (its owner died). ARGV: prefix, now ms, now rem, until ms, until rem, owner, max.
    /// Returns id, json, attempts, created ticks for each claimed message.
    /// </summary>
    public static readonly LuaScript ClaimOutbox = new("""
        local p, now_ms, now_rem = ARGV[1], ARGV[2], ARGV[3]
        local max = tonumber(ARGV[7])
        local out, claimed, blocked = {}, 0, {}
        local start, page = 0, 256
        while claimed < max do
          local ids = redis.call('ZRANGE', p .. 'outbox', start, start + page - 1)
          if #ids == 0 then break end
          for _, id in ipairs(ids) do
            if claimed >= max then break end
            local h = p .. 'outbox:' .. id
            local f = redis.call('HMGET', h, 'channel', 'next_ms', 'next_rem', 'until_ms', 'until_rem', 'json', 'attempts', 'created')
            local channel = f[1]
            if channel and not blocked[channel] then
              local due = le(f[2], f[3], now_ms, now_rem)
              local leased = f[4] and not le(f[4], f[5], now_ms, now_rem)
              if due and not leased then
                redis.call('HSET', h, 'owner', ARGV[6], 'until_ms', ARGV[4], 'until_rem', ARGV[5])
                out[#out + 1] = id; out[#out + 1] = f[6]; out[#out + 1] = f[7]; out[#out + 1] = f[8]
                claimed = claimed + 1
              else
                blocked[channel] = true
              end
            end
          end
          start = start + page
        end
        return out
        """);

    /// <summary>Delivered messages leave the store (nothing reads them again). ARGV: prefix, id.</summary>
    public static readonly LuaScript MarkDelivered = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZREM', p .. 'outbox', id) == 1 then
          redis.call('DEL', p .. 'outbox:' .. id)
          redis.call('PUBLISH', p .. 'events', 'delivered:' .. id)
        end
        return 1
        """);

    /// <summary>Releases the lease and delays the next attempt. ARGV: prefix, id, next ms, next rem, error.</summary>
    public static readonly LuaScript RetryLater = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZSCORE', p .. 'outbox', id) then
          local h = p .. 'outbox:' .. id
          redis.call('HINCRBY', h, 'attempts', 1)
          redis.call('HSET', h, 'next_ms', ARGV[3], 'next_rem', ARGV[4], 'error', ARGV[5])
          redis.call('HDEL', h, 'owner', 'until_ms', 'until_rem')
        end
        return 1
        """);
}
