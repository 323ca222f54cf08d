namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Walks the channels with pending messages in the order of their oldest one ({p}outbox:heads), and in each
    /// channel its messages in order ({p}outbox:ch:{channel}) until one cannot be taken now (not due, or leased to a
    /// live owner): each channel sees its messages in order, and a channel that waits costs one look however long
    /// its queue is. Of what can be taken, the oldest <c>max</c> messages are claimed, in id order. An expired lease is
    /// taken over (its owner died).
    /// ARGV: prefix, now ms, now rem, until ms, until rem, owner, max. Returns id, json, attempts, created ticks each.
    /// </summary>
    public static readonly LuaScript ClaimOutbox = new("""
        local p, now_ms, now_rem = ARGV[1], ARGV[2], ARGV[3]
        local max = tonumber(ARGV[7])
        -- Pending messages written before the per-channel index existed are indexed once.
        if redis.call('EXISTS', p .. 'outbox:indexed') == 0 then
          for _, id in ipairs(redis.call('ZRANGE', p .. 'outbox', 0, -1)) do
            local channel = redis.call('HGET', p .. 'outbox:' .. id, 'channel')
            if channel then
              redis.call('ZADD', p .. 'outbox:ch:' .. channel, id, id)
              redis.call('ZADD', p .. 'outbox:heads', 'NX', id, channel)
            end
          end
          redis.call('SET', p .. 'outbox:indexed', '1')
        end
        -- The oldest claimable messages overall: channels come in the order of their oldest message, so once `max`
        -- candidates are held, a channel whose oldest message is newer than the max-th oldest of them cannot add one.
        -- Candidates are sorted and cut back to `max` only when twice that many have gathered (sorting after every
        -- channel made one claim cost milliseconds with a hundred busy channels); `threshold`, the max-th oldest at the
        -- last cut, can only fall as candidates arrive, so stopping on it is safe.
        local claimed = {}
        local by_id = function(a, b) return a[1] < b[1] end
        local threshold = nil
        local start, page, done = 0, 256, false
        while not done do
          local heads = redis.call('ZRANGE', p .. 'outbox:heads', start, start + page - 1, 'WITHSCORES')
          if #heads == 0 then break end
          for k = 1, #heads, 2 do
            local channel, oldest = heads[k], tonumber(heads[k + 1])
            if threshold and oldest > threshold then done = true; break end
            for _, id in ipairs(redis.call('ZRANGE', p .. 'outbox:ch:' .. channel, 0, max - 1)) do
              local n = tonumber(id)
              if threshold and n > threshold then break end
              local f = redis.call('HMGET', p .. 'outbox:' .. id, 'next_ms', 'next_rem', 'until_ms', 'until_rem', 'json', 'attempts', 'created')
              local leased = f[3] and not le(f[3], f[4], now_ms, now_rem)
              if leased or not le(f[1], f[2], now_ms, now_rem) then break end
              claimed[#claimed + 1] = {n, f[5], f[6], f[7]}
            end
            if #claimed >= 2 * max then
              table.sort(claimed, by_id)
              for j = #claimed, max + 1, -1 do claimed[j] = nil end
              threshold = claimed[max][1]
            end
          end
          start = start + page
        end
        table.sort(claimed, by_id)
        for j = #claimed, max + 1, -1 do claimed[j] = nil end
        local out = {}
        for _, c in ipairs(claimed) do
          redis.call('HSET', p .. 'outbox:' .. c[1], 'owner', ARGV[6], 'until_ms', ARGV[4], 'until_rem', ARGV[5])
          out[#out + 1] = c[1]; out[#out + 1] = c[2]; out[#out + 1] = c[3]; out[#out + 1] = c[4]
        end
        return out
        """);

    /// <summary>
    /// Delivered messages leave the store (nothing reads them again); the channel's next message becomes its head.
    /// ARGV: prefix, id.
    /// </summary>
    public static readonly LuaScript MarkDelivered = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZREM', p .. 'outbox', id) == 1 then
          local h = p .. 'outbox:' .. id
          local channel = redis.call('HGET', h, 'channel')
          redis.call('DEL', h)
          if channel then
            local queue = p .. 'outbox:ch:' .. channel
            redis.call('ZREM', queue, id)
            local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
            if #head == 0 then redis.call('ZREM', p .. 'outbox:heads', channel) else redis.call('ZADD', p .. 'outbox:heads', head[2], channel) end
          end
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
