using ChatOps.Adapters.Teams.Outbound;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Teams.Tests.Outbound;

/// <summary>Teams' per-conversation budget: 7 a second and 60 in 30 seconds (PROTOCOLS.md B7).</summary>
public sealed class ConversationThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EighthSendInOneSecond_Waits()
    {
        var throttle = new ConversationThrottle(_clock);
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, throttle.TryTake("a"));

        var wait = throttle.TryTake("a");

        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("b")); // another conversation has its own budget
        _clock.Advance(wait);
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("a"));
    }

    [Fact]
    public void SixtyFirstSendInThirtySeconds_Waits()
    {
        var throttle = new ConversationThrottle(_clock);
        var sent = 0;
        while (sent < 60)
        {
            if (throttle.TryTake("a") == TimeSpan.Zero) sent++;
            else _clock.Advance(TimeSpan.FromMilliseconds(200));
        }
        Assert.True(_clock.GetUtcNow() - new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero) < TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var wait = throttle.TryTake("a");

        Assert.True(wait > TimeSpan.FromSeconds(1), $"waited only {wait}");
    }

    [Fact]
    public async Task WaitTurn_ReturnsOnceTimeMoves()
    {
        var throttle = new ConversationThrottle(_clock);
        for (var i = 0; i < 7; i++) await throttle.WaitTurnAsync("a", CancellationToken.None);

        var eighth = throttle.WaitTurnAsync("a", CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await eighth;

        Assert.True(eighth.IsCompletedSuccessfully);
    }
}
