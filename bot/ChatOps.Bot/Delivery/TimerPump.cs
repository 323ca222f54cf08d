using ChatOps.Bot.Live;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Delivery;

/// <summary>
/// Fires durable timers: claims the due ones under a lease and raises each one's command through the dispatcher,
/// whose commit completes the timer (so a timer fires once, even across restarts).
/// </summary>
internal sealed partial class TimerPump(
    ITimerStore timers,
    CommandDispatcher dispatcher,
    OutboxWakeup wakeup,
    LiveFeed live,
    PumpIdentity identity,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<TimerPump> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>Fires the timers due now; returns how many fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var due = await timers.ClaimDueAsync(clock.GetUtcNow(), identity.Owner, _options.Lease, _options.BatchSize, ct);
            var fired = 0;
            foreach (var timer in due)
            {
                try
                {
                    await dispatcher.FireTimerAsync(timer, ct);
                    LogFired(timer.Key, timer.Incident, timer.DueAt);
                    fired++;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The lease runs out and the timer is claimed again later.
                    LogFireFailed(ex, timer.Key, timer.Incident);
                }
            }
            if (fired > 0)
            {
                wakeup.Raise();
                live.Raise();
            }
            return fired;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunInBackground) return;
        using var ticks = new PeriodicTimer(_options.PollInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPumpFailed(ex);
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
