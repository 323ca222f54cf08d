using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    /// <summary>An expired claim is taken over inside the same script, so two racing claimers can never both win.</summary>
    public Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan ttl, CancellationToken ct)
    {
        var at = RedisTime.From(now);
        var expires = RedisTime.From(now + ttl);
        var ttlMs = Math.Max(1L, (long)Math.Ceiling(ttl.TotalMilliseconds));
        return Guard(async () => (int)await RedisScripts.TryClaim.RunAsync(_db, Prefix, key, at.Ms, at.Rem, expires.Ms, expires.Rem, ttlMs).ConfigureAwait(false) == 1, ct);
    }
}
