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
}
