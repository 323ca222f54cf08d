using ChatOps.Core.Ports;

namespace ChatOps.Testing.StoreContract;

/// <summary>
/// The rate gate every store offers: a sliding window per key, check-and-take in one atomic step, shared by every
/// gate opened on the same store (two opened gates stand for two replicas). <paramref name="openGate"/> opens one.
/// </summary>
public abstract class RateGateContract(Func<IRateGate> openGate) : IAsyncLifetime
{
    private static readonly RateLimit[] SevenASecond = [new(7, TimeSpan.FromSeconds(1))];
    private readonly List<IRateGate> _opened = [];
    private readonly DateTimeOffset _t0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _key = "conversation-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TryAcquire_UpToTheLimit_ThenWaitsUntilTheOldestLeavesTheWindow()
    {
        var gate = Open();
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0.AddMilliseconds(100 * i), SevenASecond, default));

        var wait = await gate.TryAcquireAsync(_key, _t0.AddMilliseconds(700), SevenASecond, default);

        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0.AddMilliseconds(1000), SevenASecond, default));
    }

    [Fact]
    public async Task TryAcquire_OtherKey_HasItsOwnBudget()
    {
        var gate = Open();
        for (var i = 0; i < 7; i++) await gate.TryAcquireAsync(_key, _t0, SevenASecond, default);

        Assert.NotEqual(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0, SevenASecond, default));
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key + "-other", _t0, SevenASecond, default));
    }

    [Fact]
    public async Task TryAcquire_Refused_TakesNothing()
    {
        var gate = Open();
        for (var i = 0; i < 7; i++) await gate.TryAcquireAsync(_key, _t0, SevenASecond, default);
        for (var i = 0; i < 5; i++) Assert.NotEqual(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0.AddMilliseconds(500), SevenASecond, default));

        var later = _t0.AddSeconds(1);
        var granted = 0;
        while (await gate.TryAcquireAsync(_key, later, SevenASecond, default) == TimeSpan.Zero) granted++;

        Assert.Equal(7, granted);
    }

    [Fact]
    public async Task TryAcquire_SeveralLimits_WaitsForTheLongestThatIsFull()
    {
        var gate = Open();
        RateLimit[] limits = [new(2, TimeSpan.FromSeconds(1)), new(3, TimeSpan.FromSeconds(10))];
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0, limits, default));
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0, limits, default));
        Assert.Equal(TimeSpan.FromSeconds(1), await gate.TryAcquireAsync(_key, _t0, limits, default));
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0.AddSeconds(1), limits, default));

        var wait = await gate.TryAcquireAsync(_key, _t0.AddSeconds(1), limits, default);

        Assert.Equal(TimeSpan.FromSeconds(9), wait);
        Assert.Equal(TimeSpan.Zero, await gate.TryAcquireAsync(_key, _t0.AddSeconds(10), limits, default));
    }

    [Fact]
    public async Task TryAcquire_TwoGatesRacing_TogetherNeverExceedTheLimit()
    {
        IRateGate[] replicas = [Open(), Open()];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await replicas[i % 2].TryAcquireAsync(_key, _t0, SevenASecond, default);
        })).ToArray();

        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(7, results.Count(wait => wait == TimeSpan.Zero));
        Assert.All(results.Where(wait => wait != TimeSpan.Zero), wait => Assert.Equal(TimeSpan.FromSeconds(1), wait));
    }

    [Fact]
    public async Task Pause_HoldsTheKeyForEveryGate_UntilItEnds()
    {
        IRateGate[] replicas = [Open(), Open()];

        await replicas[0].PauseAsync(_key, _t0, TimeSpan.FromSeconds(30), default);

        Assert.Equal(TimeSpan.FromSeconds(30), await replicas[1].PausedForAsync(_key, _t0, default));
        Assert.Equal(TimeSpan.FromSeconds(10), await replicas[1].PausedForAsync(_key, _t0.AddSeconds(20), default));
        Assert.Equal(TimeSpan.Zero, await replicas[1].PausedForAsync(_key, _t0.AddSeconds(30), default));
        Assert.Equal(TimeSpan.Zero, await replicas[1].PausedForAsync(_key + "-other", _t0, default));
    }

    [Fact]
    public async Task Pause_AShorterOneLater_NeverShortensALongerOne()
    {
        var gate = Open();
        await gate.PauseAsync(_key, _t0, TimeSpan.FromSeconds(30), default);

        await gate.PauseAsync(_key, _t0.AddSeconds(1), TimeSpan.FromSeconds(5), default);
        var afterShorter = await gate.PausedForAsync(_key, _t0.AddSeconds(10), default);
        await gate.PauseAsync(_key, _t0.AddSeconds(10), TimeSpan.FromSeconds(60), default);

        Assert.Equal(TimeSpan.FromSeconds(20), afterShorter);
        Assert.Equal(TimeSpan.FromSeconds(60), await gate.PausedForAsync(_key, _t0.AddSeconds(10), default));
    }

    private IRateGate Open()
    {
        var gate = openGate();
        _opened.Add(gate);
        return gate;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var gate in _opened.OfType<IAsyncDisposable>()) await gate.DisposeAsync();
        _opened.Clear();
    }
}
