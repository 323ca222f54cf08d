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

    /// <summary>
    /// Holds <paramref name="key"/> back for every caller on this store for <paramref name="pause"/> from
    /// <paramref name="now"/>: a platform's <c>Retry-After</c> is meant for the app, not for the one replica that
    /// happened to hear it. A shorter pause arriving later never shortens a longer one.
    /// </summary>
    ValueTask PauseAsync(string key, DateTimeOffset now, TimeSpan pause, CancellationToken ct);

    /// <summary>How long <paramref name="key"/> is still paused at <paramref name="now"/>; zero when it is not.</summary>
    ValueTask<TimeSpan> PausedForAsync(string key, DateTimeOffset now, CancellationToken ct);
}
