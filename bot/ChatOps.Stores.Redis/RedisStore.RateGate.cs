using System.Globalization;
using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

/// <summary>
/// The rate gate on the shared Redis, so a platform's per-conversation limit holds for all replicas together. Times
/// are the replicas' own clocks (kept in step by NTP, as the leases already assume) in whole milliseconds.
/// </summary>
public sealed partial class RedisStore : IRateGate
{
    public ValueTask<TimeSpan> TryAcquireAsync(string key, DateTimeOffset now, RateLimit[] limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var args = new List<RedisValue>(4 + 2 * limits.Length)
        {
            Prefix, key, RedisTime.From(now).Ms, Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        };
        foreach (var limit in limits)
        {
            args.Add(limit.Limit);
            args.Add(Math.Max(1L, (long)Math.Ceiling(limit.Window.TotalMilliseconds)));
        }
        return new ValueTask<TimeSpan>(Guard(async () =>
            TimeSpan.FromMilliseconds((long)await RedisScripts.TryAcquireRate.RunAsync(_db, [.. args]).ConfigureAwait(false)), ct));
    }

    /// <summary><c>{p}pause:{key}</c> holds the end in milliseconds and expires with it.</summary>
    public ValueTask PauseAsync(string key, DateTimeOffset now, TimeSpan pause, CancellationToken ct)
    {
        var lasts = Math.Max(1L, (long)Math.Ceiling(pause.TotalMilliseconds));
        return new ValueTask(Guard(() => RedisScripts.PauseRate.RunAsync(_db, Prefix, key, RedisTime.From(now).Ms + lasts, lasts), ct));
    }

    public ValueTask<TimeSpan> PausedForAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        new(Guard(async () =>
        {
            var until = await _db.StringGetAsync(_keys.Prefix + "pause:" + key).ConfigureAwait(false);
            var left = until.IsNull ? 0 : (long)until - RedisTime.From(now).Ms;
            return left > 0 ? TimeSpan.FromMilliseconds(left) : TimeSpan.Zero;
        }, ct));
}
