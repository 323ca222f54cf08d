using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// Teams' per-bot, per-conversation budget (PROTOCOLS.md B7): 7 operations a second and 60 in 30 seconds. A send
/// waits for its turn instead of earning a 429. The budget lives in the store's <see cref="IRateGate"/>: replicas
/// sharing a Redis store share it, because the inbound pump of one replica may reply in a conversation while another
/// replica's outbox pump updates the card there. The clock is injected so tests move time instead of waiting.
/// </summary>
internal sealed class ConversationThrottle(IRateGate gate, TimeProvider clock)
{
    internal static readonly RateLimit[] Budgets = [new(7, TimeSpan.FromSeconds(1)), new(60, TimeSpan.FromSeconds(30))];

    public async Task WaitTurnAsync(string conversationId, CancellationToken ct)
    {
        while (true)
        {
            var wait = await TryTakeAsync(conversationId, ct);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>Records a send now and returns zero, or returns how long to wait before asking again.</summary>
    internal ValueTask<TimeSpan> TryTakeAsync(string conversationId, CancellationToken ct) =>
        gate.TryAcquireAsync("teams:conversation:" + conversationId, clock.GetUtcNow(), Budgets, ct);
}
