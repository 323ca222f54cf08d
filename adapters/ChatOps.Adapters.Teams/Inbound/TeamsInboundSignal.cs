namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>Wakes the inbound worker when an activity was recorded, instead of waiting for its next poll.</summary>
internal sealed class TeamsInboundSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Raise() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct) =>
        Volatile.Read(ref _next).Task.WaitAsync(timeout, clock, ct).ContinueWith(_ => { }, ct, TaskContinuationOptions.None, TaskScheduler.Default);
}
