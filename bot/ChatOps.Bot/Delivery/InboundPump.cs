using ChatOps.Bot.Live;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Delivery;

/// <summary>Raised by an adapter after it recorded an inbound item: the inbound pump has new work.</summary>
internal sealed class InboundWakeup(TimeProvider clock) : AsyncSignal(clock), IInboundWakeup;

/// <summary>
/// Works off what the chat adapters recorded and acknowledged (<see cref="IInboundQueue"/>): claims items in arrival
/// order under a lease and hands each to the <see cref="IInboundHandler"/> of its surface, one conversation's items in
/// order and up to <see cref="DeliveryOptions.ChannelsInParallel"/> conversations at a time. A failure is retried with
/// backoff; an item that keeps failing is given up after <see cref="MaxAttempts"/> so it cannot block the queue.
/// </summary>
internal sealed partial class InboundPump(
    IInboundQueue queue,
    IEnumerable<IInboundHandler> handlers,
    InboundWakeup wakeup,
    PumpIdentity identity,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<InboundPump> logger) : BatchPump(wakeup, clock, options.Value)
{
    public const int MaxAttempts = 8;

    private readonly Dictionary<string, IInboundHandler> _handlers = handlers.ToDictionary(h => h.Surface, StringComparer.Ordinal);
    private readonly DeliveryOptions _options = options.Value;

    protected override bool HasWork => _handlers.Count > 0;

    protected override async Task<int> RunBatchAsync(CancellationToken ct)
    {
        if (_handlers.Count == 0) return 0;
        var now = Clock.GetUtcNow();
        var batch = await queue.ClaimAsync(now, identity.Owner, _options.Lease, _options.BatchSize, ct);
        // Each conversation in order, conversations side by side: a reply waiting on Slack or the Bot Connector
        // (hundreds of milliseconds each in production) must not hold up the commands typed in every other channel.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ChannelsInParallel, CancellationToken = ct };
        await Parallel.ForEachAsync(batch.GroupBy(ConversationOf), parallel, async (conversation, token) =>
        {
            foreach (var item in conversation) await HandleAsync(item, token);
        });
        return batch.Count;
    }

    private (string Surface, string Conversation) ConversationOf(InboundItem item) =>
        (item.Surface, _handlers.TryGetValue(item.Surface, out var handler) ? handler.ConversationOf(item) : "");

    private async Task HandleAsync(InboundItem item, CancellationToken ct)
    {
        if (!_handlers.TryGetValue(item.Surface, out var handler))
        {
            // Recorded by an adapter this process does not run (another replica's configuration): leave it for a while.
            await queue.RetryLaterAsync(item.Id, Clock.GetUtcNow() + _options.MaxBackoff, $"no handler for surface '{item.Surface}'", ct);
            return;
        }
        try
        {
            await handler.HandleAsync(item, ct);
            await queue.CompleteAsync(item.Id, Clock.GetUtcNow(), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            if (item.Attempts >= MaxAttempts)
            {
                LogGivenUp(ex, item.Id, item.Surface, item.Attempts);
                await queue.CompleteAsync(item.Id, Clock.GetUtcNow(), ct);
                return;
            }
            var next = Clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, item.Attempts), _options.MaxBackoff.TotalSeconds));
            if (RemoteFailure.IsRoutine(ex)) LogFailed(item.Id, item.Surface, item.Attempts, next, ex.Message);
            else LogBroke(ex, item.Id, item.Surface, item.Attempts, next);
            await queue.RetryLaterAsync(item.Id, next, ex.Message, ct);
        }
    }

    protected override void OnBatchFailed(Exception ex) => LogPumpFailed(ex);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Inbound item {ItemId} from {Surface} failed (attempt {Attempt}): {Reason}; retrying at {NextAttemptAt}")]
    private partial void LogFailed(long itemId, string surface, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Inbound item {ItemId} from {Surface} failed unexpectedly (attempt {Attempt}); retrying at {NextAttemptAt}")]
    private partial void LogBroke(Exception ex, long itemId, string surface, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Inbound item {ItemId} from {Surface} failed {Attempts} times; giving up on it")]
    private partial void LogGivenUp(Exception ex, long itemId, string surface, int attempts);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "The inbound pump failed; it tries again at the next poll")]
    private partial void LogPumpFailed(Exception ex);
}
