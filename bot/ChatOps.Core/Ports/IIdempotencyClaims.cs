namespace ChatOps.Core.Ports;

/// <summary>
/// Atomic first-wins claims for adapters that must drop redeliveries before doing any work
/// (Slack <c>event_id</c>, Teams activity ids). Commands are also deduplicated inside the commit.
/// </summary>
public interface IIdempotencyClaims
{
    /// <summary>True for the first claim of <paramref name="key"/> within <paramref name="ttl"/>; false for a repeat.</summary>
    Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan ttl, CancellationToken ct);
}
