namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Claims the oldest <c>max</c> messages that can be taken now, in id order, each channel's in order. A channel with
    /// pending messages is in one of two sets: {p}outbox:heads, scored by its oldest pending id, when its first message
    /// may be takeable; or {p}outbox:parked, scored by the time (ms) it may become takeable, while that message is
    /// leased to a live owner or waits for its next attempt. A claim first moves the channels whose time has come back to
    /// the heads, then walks the heads oldest first, and in each channel its messages in order until one cannot be
    /// taken; a channel whose first message cannot be taken, or was just claimed, is parked. So a claim looks only at
    /// channels that can give a message, however many others wait behind a lease or a backoff (walking them all cost
    /// milliseconds of Redis's single thread per claim with a hundred busy channels). An expired lease is taken over
    /// (its owner died).
    /// ARGV: prefix, now ms, now rem, until ms, until rem, owner, max. Returns id, json, attempts, created ticks and
    /// "1" when an earlier lease on it ran out (else "0"), each.
    /// </summary>
    public static readonly LuaScript ClaimOutbox = new("""
        local p, now_ms, now_rem = ARGV[1], ARGV[2], ARGV[3]
        local max = tonumber(ARGV[7])
        local heads, parked = p .. 'outbox:heads', p .. 'outbox:parked'
        -- Pending messages written before the per-channel index existed are indexed once.
        if redis.call('EXISTS', p .. 'outbox:indexed') == 0 then
          for _, id in ipairs(redis.call('ZRANGE', p .. 'outbox', 0, -1)) do
            local channel = redis.call('HGET', p .. 'outbox:' .. id, 'channel')
            if channel then
              redis.call('ZADD', p .. 'outbox:ch:' .. channel, id, id)
              redis.call('ZADD', heads, 'NX', id, channel)
            end
          end
          redis.call('SET', p .. 'outbox:indexed', '1')
        end
        -- Channels whose lease ran out or whose retry fell due are looked at again (at ms resolution: one parked to
        -- later in this same ms is looked at and parked again).
        for _, channel in ipairs(redis.call('ZRANGEBYSCORE', parked, '-inf', now_ms)) do
          local head = redis.call('ZRANGE', p .. 'outbox:ch:' .. channel, 0, 0, 'WITHSCORES')
          if #head > 0 then unpark(p, channel, head[2]) else redis.call('ZREM', parked, channel) end
        end
        -- The oldest claimable messages overall: channels come in the order of their oldest message, so once `max`
        -- candidates are held, a channel whose oldest message is newer than the max-th oldest of them cannot add one.
        -- Candidates are sorted and cut back to `max` only when twice that many have gathered; `threshold`, the
        -- max-th oldest at the last cut, can only fall as candidates arrive, so stopping on it is safe.
        local claimed, waiting = {}, {}
        local by_id = function(a, b) return a[1] < b[1] end
        local threshold = nil
        local start, page, done = 0, 256, false
        while not done do
          local page_heads = redis.call('ZRANGE', heads, start, start + page - 1, 'WITHSCORES')
          if #page_heads == 0 then break end
          for k = 1, #page_heads, 2 do
            local channel, oldest = page_heads[k], tonumber(page_heads[k + 1])
            if threshold and oldest > threshold then done = true; break end
            for position, id in ipairs(redis.call('ZRANGE', p .. 'outbox:ch:' .. channel, 0, max - 1)) do
              local n = tonumber(id)
              if threshold and n > threshold then break end
              local f = redis.call('HMGET', p .. 'outbox:' .. id, 'next_ms', 'next_rem', 'until_ms', 'until_rem', 'json', 'attempts', 'created')
              local leased = f[3] and not le(f[3], f[4], now_ms, now_rem)
              if leased or not le(f[1], f[2], now_ms, now_rem) then
                if position == 1 then waiting[#waiting + 1] = {channel, leased and f[3] or f[1]} end
                break
              end
              -- A lease still set here has run out: the pump that held it died before it settled or retried the message.
              claimed[#claimed + 1] = {n, f[5], f[6], f[7], channel, f[3] and '1' or '0'}
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
        -- Parked only after the walk: removing from the heads while paging through them by rank would skip channels.
        for _, c in ipairs(waiting) do park(p, c[1], c[2]) end
        local out = {}
        for _, c in ipairs(claimed) do
          redis.call('HSET', p .. 'outbox:' .. c[1], 'owner', ARGV[6], 'until_ms', ARGV[4], 'until_rem', ARGV[5])
          park(p, c[5], ARGV[4])
          out[#out + 1] = c[1]; out[#out + 1] = c[2]; out[#out + 1] = c[3]; out[#out + 1] = c[4]; out[#out + 1] = c[6]
        end
        return out
        """);

    /// <summary>
    /// Delivered messages leave the store (nothing reads them again); the channel's next message becomes its first:
    /// parked until its lease runs out when it was claimed in the same batch, back among the heads otherwise.
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
            if #head == 0 then
              redis.call('ZREM', p .. 'outbox:heads', channel)
              redis.call('ZREM', p .. 'outbox:parked', channel)
            else
              local until_ms = redis.call('HGET', p .. 'outbox:' .. head[1], 'until_ms')
              if until_ms then park(p, channel, until_ms) else unpark(p, channel, head[2]) end
            end
          end
          redis.call('PUBLISH', p .. 'events', 'delivered:' .. id)
        end
        return 1
        """);

    /// <summary>
    /// Releases the lease and delays the next attempt; when the message is its channel's first, the channel is parked
    /// until then (not until the released lease would have run out). ARGV: prefix, id, next ms, next rem, error.
    /// </summary>
    public static readonly LuaScript RetryLater = new("""
        local p, id = ARGV[1], ARGV[2]
        if redis.call('ZSCORE', p .. 'outbox', id) then
          local h = p .. 'outbox:' .. id
          redis.call('HINCRBY', h, 'attempts', 1)
          redis.call('HSET', h, 'next_ms', ARGV[3], 'next_rem', ARGV[4], 'error', ARGV[5])
          redis.call('HDEL', h, 'owner', 'until_ms', 'until_rem')
          local channel = redis.call('HGET', h, 'channel')
          if channel and redis.call('ZRANGE', p .. 'outbox:ch:' .. channel, 0, 0)[1] == id then park(p, channel, ARGV[3]) end
        end
        return 1
        """);

    /// <summary>
    /// Queues entries, in order, each behind its channel's pending ones, as a commit queues its messages; a claim parks a
    /// channel whose first entry is not yet due. ARGV: prefix, created ticks, due ms, due rem, then channel and json of each.
    /// </summary>
    public static readonly LuaScript EnqueueOutbox = new("""
        local p = ARGV[1]
        for i = 5, #ARGV, 2 do
          local channel = ARGV[i]
          local id = redis.call('INCR', p .. 'seq:outbox')
          redis.call('HSET', p .. 'outbox:' .. id, 'channel', channel, 'json', ARGV[i + 1], 'created', ARGV[2],
            'attempts', '0', 'next_ms', ARGV[3], 'next_rem', ARGV[4])
          redis.call('ZADD', p .. 'outbox', id, id)
          redis.call('ZADD', p .. 'outbox:ch:' .. channel, id, id)
          if not redis.call('ZSCORE', p .. 'outbox:parked', channel) then redis.call('ZADD', p .. 'outbox:heads', 'NX', id, channel) end
        end
        return 1
        """);
}
