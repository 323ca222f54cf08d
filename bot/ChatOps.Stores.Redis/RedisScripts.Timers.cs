namespace ChatOps.Stores.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// Claims due timers that nobody holds (or whose holder's lease ran out), ordered by due time then key.
    /// ARGV: prefix, now ms, now rem, until ms, until rem, owner, max. Returns key, incident, due ticks per timer.
    /// </summary>
    public static readonly LuaScript ClaimTimers = new("""
        local p, now_ms, now_rem = ARGV[1], ARGV[2], ARGV[3]
        local max = tonumber(ARGV[7])
        local candidates = {}
        for _, key in ipairs(redis.call('ZRANGEBYSCORE', p .. 'timers', '-inf', now_ms)) do
          local f = redis.call('HMGET', p .. 'timer:' .. key, 'due_ms', 'due_rem', 'until_ms', 'until_rem', 'incident', 'due')
          if f[1] and le(f[1], f[2], now_ms, now_rem) and ((not f[3]) or le(f[3], f[4], now_ms, now_rem)) then
            candidates[#candidates + 1] = {key = key, ms = tonumber(f[1]), rem = tonumber(f[2]), incident = f[5], due = f[6]}
          end
        end
        table.sort(candidates, function(a, b)
          if a.ms ~= b.ms then return a.ms < b.ms end
          if a.rem ~= b.rem then return a.rem < b.rem end
          return a.key < b.key
        end)
        local out = {}
        for i = 1, math.min(max, #candidates) do
          local c = candidates[i]
          redis.call('HSET', p .. 'timer:' .. c.key, 'owner', ARGV[6], 'until_ms', ARGV[4], 'until_rem', ARGV[5])
          out[#out + 1] = c.key; out[#out + 1] = c.incident; out[#out + 1] = c.due
        end
        return out
        """);

    /// <summary>Deletes the timer only if it is still the one that fired. ARGV: prefix, key, due ticks.</summary>
    public static readonly LuaScript CompleteTimer = new("""
        local p, key = ARGV[1], ARGV[2]
        if redis.call('HGET', p .. 'timer:' .. key, 'due') == ARGV[3] then
          redis.call('DEL', p .. 'timer:' .. key)
          redis.call('ZREM', p .. 'timers', key)
          return 1
        end
        return 0
        """);

    /// <summary>
    /// First-wins claim with its expiry judged by the caller's clock (like every other lease here); Redis's own TTL
    /// only cleans the key up afterwards. ARGV: prefix, key, now ms, now rem, expires ms, expires rem, ttl ms.
    /// </summary>
    public static readonly LuaScript TryClaim = new("""
        local k = ARGV[1] .. 'claim:' .. ARGV[2]
        local f = redis.call('HMGET', k, 'ms', 'rem')
        if f[1] and not le(f[1], f[2], ARGV[3], ARGV[4]) then return 0 end
        redis.call('HSET', k, 'ms', ARGV[5], 'rem', ARGV[6])
        redis.call('PEXPIRE', k, ARGV[7])
        return 1
        """);
}
