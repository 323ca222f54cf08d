using System.Collections.Concurrent;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.WebApi;

/// <summary>
/// Slack rate-limits "per API method per workspace per app": a 429's <c>Retry-After</c> pauses every call of that
/// method (one bot token = one workspace here), not the whole client, and it pauses it for every replica: the pause is
/// kept in the store's <see cref="IRateGate"/> (Redis when replicas share one), so a replica that never saw the 429
/// does not spend its own call to learn of it. Posts to one channel are also spaced to Slack's ~1 message per second
/// and never overlap, so a burst of timeline messages keeps its order. The spacing holds across replicas the same way:
/// each post takes the channel's slot in the shared gate, because one replica's inbound pump may reply in a channel
/// while another's outbox posts there.
/// </summary>
internal sealed class SlackRateGate(TimeProvider clock, IRateGate shared)
{
    private readonly ConcurrentDictionary<string, ChannelSlot> _channels = new(StringComparer.Ordinal);

    public ValueTask PauseAsync(string method, TimeSpan retryAfter, CancellationToken ct) =>
        shared.PauseAsync(MethodKey(method), clock.GetUtcNow(), retryAfter, ct);

    public async Task WaitForMethodAsync(string method, CancellationToken ct)
    {
        while (await shared.PausedForAsync(MethodKey(method), clock.GetUtcNow(), ct).ConfigureAwait(false) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct).ConfigureAwait(false);
        }
    }

    private static string MethodKey(string method) => "slack:method:" + method;

    /// <summary>
    /// Holds the channel until the returned handle is disposed, no sooner than <paramref name="interval"/> after this
    /// process's last post there and after any replica's last start of a post there.
    /// </summary>
    public async Task<IDisposable> EnterChannelAsync(string channel, TimeSpan interval, CancellationToken ct)
    {
        var slot = _channels.GetOrAdd(channel, _ => new ChannelSlot());
        await slot.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = slot.LastPost + interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct).ConfigureAwait(false);
            await TakeSharedTurnAsync(channel, interval, ct).ConfigureAwait(false);
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }
        return new Release(slot, clock);
    }

    private async Task TakeSharedTurnAsync(string channel, TimeSpan interval, CancellationToken ct)
    {
        RateLimit[] onePerInterval = [new(1, interval)];
        while (await shared.TryAcquireAsync("slack:channel:" + channel, clock.GetUtcNow(), onePerInterval, ct).ConfigureAwait(false) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct).ConfigureAwait(false);
        }
    }

    private sealed class ChannelSlot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset LastPost { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Release(ChannelSlot slot, TimeProvider clock) : IDisposable
    {
        public void Dispose()
        {
            slot.LastPost = clock.GetUtcNow();
            slot.Lock.Release();
        }
    }
}
