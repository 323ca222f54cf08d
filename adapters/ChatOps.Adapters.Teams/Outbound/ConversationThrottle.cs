namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// Teams' per-bot, per-conversation budget (PROTOCOLS.md B7): 7 operations a second and 60 in 30 seconds. A send
/// waits for its turn instead of earning a 429; the clock is injected so tests move time instead of waiting.
/// </summary>
internal sealed class ConversationThrottle(TimeProvider clock)
{
    internal static readonly (int Limit, TimeSpan Window)[] Budgets = [(7, TimeSpan.FromSeconds(1)), (60, TimeSpan.FromSeconds(30))];
    private static readonly TimeSpan LongestWindow = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task WaitTurnAsync(string conversationId, CancellationToken ct)
    {
        while (true)
        {
            var wait = TryTake(conversationId);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>Records a send now and returns zero, or returns how long to wait before asking again.</summary>
    internal TimeSpan TryTake(string conversationId)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_sends.TryGetValue(conversationId, out var sends)) _sends[conversationId] = sends = new Queue<DateTimeOffset>();
            while (sends.Count > 0 && now - sends.Peek() >= LongestWindow) sends.Dequeue();

            var wait = TimeSpan.Zero;
            foreach (var (limit, window) in Budgets)
            {
                var inWindow = sends.Where(at => now - at < window).ToList();
                if (inWindow.Count >= limit) wait = Max(wait, inWindow[^limit] + window - now);
            }
            if (wait > TimeSpan.Zero) return wait;
            sends.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
