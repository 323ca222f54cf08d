using ChatOps.Core.Ports;

namespace ChatOps.Bot.Live;

/// <summary>
/// A wake-up call between in-process parts: waiters remember the <see cref="Version"/> they saw, so a signal
/// raised between "check for work" and "wait" is never lost, and nobody polls in a busy loop.
/// </summary>
internal abstract class AsyncSignal(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version
    {
        get { lock (_lock) return _version; }
    }

    public void Raise()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            _version++;
            fired = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        fired.TrySetResult();
    }

    /// <summary>True when raised since <paramref name="seenVersion"/>; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(long seenVersion, TimeSpan timeout, CancellationToken ct)
    {
        Task raised;
        lock (_lock)
        {
            if (_version != seenVersion) return true;
            raised = _next.Task;
        }
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, stopDelay.Token);
        var first = await Task.WhenAny(raised, delay);
        await stopDelay.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return first == raised;
    }
}

/// <summary>Raised after a commit: the outbox has new work.</summary>
internal sealed class OutboxWakeup(TimeProvider clock) : AsyncSignal(clock), IOutboxWakeup;

/// <summary>Raised after deliveries and commits: live readers (console, status page) should look again.</summary>
internal sealed class LiveFeed(TimeProvider clock) : AsyncSignal(clock);
