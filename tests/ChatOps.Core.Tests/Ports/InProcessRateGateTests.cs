using ChatOps.Core.Ports;

namespace ChatOps.Core.Tests.Ports;

/// <summary>The in-process gate forgets conversations whose sends have left every window (the contract suite covers the budget).</summary>
public sealed class InProcessRateGateTests
{
    private static readonly RateLimit[] OneASecond = [new(1, TimeSpan.FromSeconds(1))];
    private readonly DateTimeOffset _t0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ManyConversations_OnceQuiet_AreForgotten()
    {
        var gate = new InProcessRateGate();
        for (var i = 0; i < 1000; i++) await gate.TryAcquireAsync($"old-{i}", _t0, OneASecond, default);
        Assert.Equal(1000, gate.TrackedKeys);

        var later = _t0.AddMinutes(1);
        for (var i = 0; i < 100; i++) await gate.TryAcquireAsync($"new-{i}", later, OneASecond, default);

        Assert.InRange(gate.TrackedKeys, 1, 100);
    }

    [Fact]
    public async Task Sweep_KeepsAConversationStillInItsWindow()
    {
        var gate = new InProcessRateGate();
        await gate.TryAcquireAsync("busy", _t0, [new(1, TimeSpan.FromMinutes(5))], default);
        for (var i = 0; i < 1100; i++) await gate.TryAcquireAsync($"other-{i}", _t0.AddMinutes(1), OneASecond, default);

        var again = await gate.TryAcquireAsync("busy", _t0.AddMinutes(1), [new(1, TimeSpan.FromMinutes(5))], default);

        Assert.Equal(TimeSpan.FromMinutes(4), again);
    }
}
