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
    LiveFeed live,
    PumpIdentity identity,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<TimerPump> logger) : BatchPump(null, clock, options.Value)
{
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>Fires the timers due now; returns how many fired.</summary>
    protected override async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var due = await timers.ClaimDueAsync(Clock.GetUtcNow(), identity.Owner, _options.Lease, _options.BatchSize, ct);
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
        if (fired > 0) live.Raise();
        return fired;
    }

    protected override void OnBatchFailed(Exception ex) => LogPumpFailed(ex);
}
