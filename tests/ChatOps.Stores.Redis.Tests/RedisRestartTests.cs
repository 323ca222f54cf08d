using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>
/// Redis killed with SIGKILL and started again: with <c>appendfsync always</c> every answered commit is still there,
/// calls while it is down fail fast with <see cref="StoreUnavailableException"/>, and the same store recovers by itself.
/// </summary>
public sealed class RedisRestartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisTestStore _state = new(redis);
    private CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task KilledRedis_FailsCleanlyWhileDown_ThenTheSameStoreRecoversWithEveryAnsweredCommit()
    {
        await using var store = _state.Open(_clock);
        var answered = new List<long>();
        for (var n = 1; n <= 50; n++)
        {
            var commit = CommitBuilder.Create(new IncidentBuilder(n)).WithEvent("declared", $"incident {n}").Schedule($"r{n}", _clock.GetUtcNow()).Build();
            if ((await store.CommitAsync(commit, Ct)).Outcome == CommitOutcome.Committed) answered.Add(n);
        }

        await redis.Server.KillAsync();
        var whileDown = await Record.ExceptionAsync(() => store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(99)).Build(), Ct));
        var readWhileDown = await Record.ExceptionAsync(() => store.GetAsync(new Core.Incidents.IncidentId(1), Ct));
        await redis.Server.StartAgainAsync();
        var afterRestart = await EventuallyAsync(() => store.ListAsync(new IncidentQuery(), Ct));

        Assert.IsType<StoreUnavailableException>(whileDown);
        Assert.IsType<StoreUnavailableException>(readWhileDown);
        Assert.Equal(answered, afterRestart.Select(i => i.Id.Number));
        Assert.Equal(50, await ((ITimerStore)store).CountPendingAsync(Ct));
        Assert.Equal("incident 50", Assert.Single(await store.GetTimelineAsync(new Core.Incidents.IncidentId(50), Ct)).Text);
        Assert.Null(await store.GetAsync(new Core.Incidents.IncidentId(99), Ct));
        Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(51)).Build(), Ct)).Outcome);
    }

    /// <summary>Retries while the client reconnects; real time, because reconnecting is real I/O.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await read();
            }
            catch (StoreUnavailableException) when (waited.Elapsed < RecoveryTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}
