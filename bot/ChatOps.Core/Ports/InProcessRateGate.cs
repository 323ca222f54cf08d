namespace ChatOps.Core.Ports;

/// <summary>
/// <see cref="IRateGate"/> for a single process (the SQLite store runs one replica): the recent operations and pauses of
/// each key in memory, under one lock. Keys whose history has aged out of every window, and pauses that have ended, are
/// forgotten now and then, so a long-running bot does not keep one entry for every conversation it ever wrote to.
/// </summary>
public sealed class InProcessRateGate : IRateGate
{
    private const int SweepEvery = 1024;

    private readonly Dictionary<string, History> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _untilSweep = SweepEvery;

    internal int TrackedKeys
    {
        get
        {
            lock (_gate) return _taken.Count;
        }
    }

    public ValueTask<TimeSpan> TryAcquireAsync(string key, DateTimeOffset now, RateLimit[] limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (--_untilSweep <= 0) Sweep(now);
            return ValueTask.FromResult(TryAcquire(key, now, limits));
        }
    }

    public ValueTask PauseAsync(string key, DateTimeOffset now, TimeSpan pause, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var until = now + pause;
        lock (_gate)
        {
            if (!_pausedUntil.TryGetValue(key, out var current) || until > current) _pausedUntil[key] = until;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<TimeSpan> PausedForAsync(string key, DateTimeOffset now, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_pausedUntil.TryGetValue(key, out var until) && until > now ? until - now : TimeSpan.Zero);
        }
    }

    private TimeSpan TryAcquire(string key, DateTimeOffset now, RateLimit[] limits)
    {
        var longest = limits.Max(l => l.Window);
        if (!_taken.TryGetValue(key, out var history)) _taken[key] = history = new History();
        history.Longest = longest > history.Longest ? longest : history.Longest;
        while (history.Times.Count > 0 && now - history.Times.Peek() >= longest) history.Times.Dequeue();

        var wait = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            var inWindow = history.Times.Where(at => now - at < limit.Window).ToList();
            if (inWindow.Count >= limit.Limit) wait = Max(wait, inWindow[^limit.Limit] + limit.Window - now);
        }
        if (wait > TimeSpan.Zero) return wait;
        history.Times.Enqueue(now);
        return TimeSpan.Zero;
    }

    private void Sweep(DateTimeOffset now)
    {
        _untilSweep = SweepEvery;
        foreach (var (key, history) in _taken.Where(kv => kv.Value.Times.Count == 0 || now - kv.Value.Times.Last() >= kv.Value.Longest).ToList())
        {
            _taken.Remove(key);
        }
        foreach (var key in _pausedUntil.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList()) _pausedUntil.Remove(key);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class History
    {
        public Queue<DateTimeOffset> Times { get; } = new();
        public TimeSpan Longest { get; set; }
    }
}
