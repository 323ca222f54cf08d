namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>
/// For state a real host's pumps reach on their own (the store, the outbox), where no stand-in call marks the moment:
/// waits until <c>condition</c> holds, failing after 15 s.
/// </summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition()) await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
    }
}
