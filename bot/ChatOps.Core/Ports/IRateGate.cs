namespace ChatOps.Core.Ports;

/// <summary>At most <see cref="Limit"/> operations in any <see cref="Window"/> (a sliding window).</summary>
public sealed record RateLimit(int Limit, TimeSpan Window);

/// <summary>
/// A rate budget shared by everyone who sends on behalf of the bot: with several replicas on one store, a platform's
/// per-conversation limit (Teams: 7 a second, 60 in 30 seconds) holds for all of them together, not per process.
/// </summary>
public interface IRateGate
{
    /// <summary>
    /// Takes one operation from <paramref name="key"/>'s budget at <paramref name="now"/> and returns zero when every
    /// limit allows it; otherwise takes nothing and returns how long to wait before asking again. Check and take are
    /// one atomic step, so two callers can never both take the last slot.
    /// </summary>
    ValueTask<TimeSpan> TryAcquireAsync(string key, DateTimeOffset now, RateLimit[] limits, CancellationToken ct);
}
