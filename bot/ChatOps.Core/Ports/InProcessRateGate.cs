namespace ChatOps.Core.Ports;

/// <summary>
/// <see cref="IRateGate"/> for a single process (the SQLite store runs one replica): the recent operations of each key
/// in memory, under one lock. A key's history is dropped once it is older than its longest window.
/// </summary>
public sealed class InProcessRateGate : IRateGate
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _taken = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ValueTask<TimeSpan> TryAcquireAsync(string key, DateTimeOffset now, RateLimit[] limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(TryAcquire(key, now, limits));
    }

    private TimeSpan TryAcquire(string key, DateTimeOffset now, RateLimit[] limits)
    {
        var longest = limits.Max(l => l.Window);
        if (!_taken.TryGetValue(key, out var taken)) _taken[key] = taken = new Queue<DateTimeOffset>();
        while (taken.Count > 0 && now - taken.Peek() >= longest) taken.Dequeue();

        var wait = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            var inWindow = taken.Where(at => now - at < limit.Window).ToList();
            if (inWindow.Count >= limit.Limit) wait = Max(wait, inWindow[^limit.Limit] + limit.Window - now);
        }
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }
        taken.Enqueue(now);
        return TimeSpan.Zero;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
