using System.Collections.Concurrent;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

public sealed class InboundConversationTests
{
    /// <summary>Items are "conversation:text"; the item "C1:first" waits until the test lets it finish (a slow reply).</summary>
    private sealed class GatedHandler : IInboundHandler
    {
        public TaskCompletionSource FirstMayFinish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource OtherConversationHandled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<string> Started { get; } = new();

        public string Surface => "gated";

        public string ConversationOf(InboundItem item) => item.Payload.Split(':')[0];

        public async Task HandleAsync(InboundItem item, CancellationToken ct)
        {
            Started.Enqueue(item.Payload);
            if (item.Payload == "C1:first") await FirstMayFinish.Task.WaitAsync(ct);
            if (item.Payload == "C2:other") OtherConversationHandled.TrySetResult();
        }
    }

    [Fact]
    public async Task ASlowItem_HoldsUpItsOwnConversationOnly_AndEachConversationKeepsItsOrder()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var handler = new GatedHandler();
        await using var host = await TestHost.StartAsync(clock: clock, services: s => s.AddSingleton<IInboundHandler>(handler));
        var queue = host.Service<IInboundQueue>();
        var ct = CancellationToken.None;
        await queue.EnqueueAsync("gated", "k1", "C1:first", clock.GetUtcNow(), ct);
        await queue.EnqueueAsync("gated", "k2", "C1:second", clock.GetUtcNow(), ct);
        await queue.EnqueueAsync("gated", "k3", "C2:other", clock.GetUtcNow(), ct);

        var batch = host.Service<InboundPump>().RunOnceAsync(ct);

        // One after another, C2 would wait behind C1's slow item for ever: this guard is what fails then.
        await handler.OtherConversationHandled.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
        Assert.DoesNotContain("C1:second", handler.Started); // C1's second item waits for its first
        handler.FirstMayFinish.SetResult();
        Assert.Equal(3, await batch);
        Assert.Equal(["C1:first", "C1:second"], handler.Started.Where(p => p.StartsWith("C1:", StringComparison.Ordinal)));
        Assert.Empty(await queue.ClaimAsync(clock.GetUtcNow() + TimeSpan.FromHours(1), "check", TimeSpan.FromMinutes(1), 10, ct));
    }
}
