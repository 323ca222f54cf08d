using ChatOps.Bot.Live;

namespace ChatOps.Bot.Delivery;

/// <summary>
/// What the outbox, timer and inbound pumps share: one batch at a time (the background loop and a test's
/// <see cref="RunOnceAsync"/> never overlap), and a loop that runs a batch and, unless the batch was full, waits for
/// a wake-up or the poll interval (another process may have written without waking us).
/// </summary>
internal abstract class BatchPump(AsyncSignal? wakeup, TimeProvider clock, DeliveryOptions options) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    protected TimeProvider Clock => clock;

    /// <summary>Runs one batch; returns how many items it settled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            return await RunBatchAsync(ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected abstract Task<int> RunBatchAsync(CancellationToken ct);

    /// <summary>False when this pump has nothing to do in this process (no handler registered).</summary>
    protected virtual bool HasWork => true;

    protected abstract void OnBatchFailed(Exception ex);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunInBackground || !HasWork) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var seen = wakeup?.Version ?? 0;
            var settled = 0;
            try
            {
                settled = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OnBatchFailed(ex);
            }
            if (settled >= options.BatchSize) continue;
            if (wakeup is null) await Task.Delay(options.PollInterval, clock, stoppingToken);
            else await wakeup.WaitAsync(seen, options.PollInterval, stoppingToken);
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
