using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Teams.Tests.Outbound;

/// <summary>Teams' per-conversation budget: 7 a second and 60 in 30 seconds (PROTOCOLS.md B7).</summary>
public sealed class ConversationThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EighthSendInOneSecond_Waits()
    {
        var throttle = new ConversationThrottle(new InProcessRateGate(), _clock);
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, await throttle.TryTakeAsync("a", default));

        var wait = await throttle.TryTakeAsync("a", default);

        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, await throttle.TryTakeAsync("b", default)); // another conversation has its own budget
        _clock.Advance(wait);
        Assert.Equal(TimeSpan.Zero, await throttle.TryTakeAsync("a", default));
    }

    [Fact]
    public async Task SixtyFirstSendInThirtySeconds_Waits()
    {
        var throttle = new ConversationThrottle(new InProcessRateGate(), _clock);
        var sent = 0;
        while (sent < 60)
        {
            if (await throttle.TryTakeAsync("a", default) == TimeSpan.Zero) sent++;
            else _clock.Advance(TimeSpan.FromMilliseconds(200));
        }
        Assert.True(_clock.GetUtcNow() - new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero) < TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var wait = await throttle.TryTakeAsync("a", default);

        Assert.True(wait > TimeSpan.FromSeconds(1), $"waited only {wait}");
    }

    [Fact]
    public async Task WaitTurn_ReturnsOnceTimeMoves()
    {
        var throttle = new ConversationThrottle(new InProcessRateGate(), _clock);
        for (var i = 0; i < 7; i++) await throttle.WaitTurnAsync("a", CancellationToken.None);

        var eighth = throttle.WaitTurnAsync("a", CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await eighth;

        Assert.True(eighth.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TwoReplicasSharingTheStoresGate_TogetherKeepTheBudget()
    {
        var shared = new InProcessRateGate();
        var replicaA = new ConversationThrottle(shared, _clock);
        var replicaB = new ConversationThrottle(shared, _clock);
        for (var i = 0; i < 4; i++) Assert.Equal(TimeSpan.Zero, await replicaA.TryTakeAsync("a", default));
        for (var i = 0; i < 3; i++) Assert.Equal(TimeSpan.Zero, await replicaB.TryTakeAsync("a", default));

        Assert.Equal(TimeSpan.FromSeconds(1), await replicaA.TryTakeAsync("a", default));
        Assert.Equal(TimeSpan.FromSeconds(1), await replicaB.TryTakeAsync("a", default));
    }
}
