using System.Collections.Concurrent;
using System.Net;
using ChatOps.Testing.Redis;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis.Tests.Replicas;

/// <summary>
/// Two real bot processes on one real Redis: thousands of commands over fifty incidents, a replica killed with
/// SIGKILL mid-load, Redis killed and restarted mid-load. Bounded by command counts, not by time.
/// </summary>
public sealed class ReplicaTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Incidents = 50;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);
    private readonly string _prefix = RedisServerFixture.NewKeyPrefix();

    [Fact]
    public async Task TwoReplicas_ThousandsOfCommands_OneOrderedHistoryPerIncident_RemindersOnce_MessagesDeliveredOnce()
    {
        await using var a = await BotReplica.StartAsync(redis.Configuration, _prefix);
        await using var b = await BotReplica.StartAsync(redis.Configuration, _prefix);
        await using var watcher = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var transcriptWrites = await WatchTranscriptWritesAsync(watcher);
        BotReplica[] replicas = [a, b];
        var incidents = await ReplicaLoad.DeclareAsync(replicas, Incidents);

        var load = new ReplicaLoad(replicas, incidents);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(16, "two", stop.Token);
        await ReplicaChecks.WaitForAsync(() => load.AnsweredCount >= 2000);
        await stop.CancelAsync();
        await running;
        await LetRemindersFireAsync();
        await ReplicaLoad.CancelAllAsync(replicas, incidents);
        await ReplicaChecks.OutboxDrainsAsync(a, Drain);

        Assert.Empty(load.Refused);
        await ReplicaChecks.TimelinesAreCompleteOrderedAndUniqueAsync(b, incidents, load.Answered);
        Assert.Equal((0, 0), await a.PendingAsync());
        var messages = transcriptWrites.Where(key => key.StartsWith("msg:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(messages);
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    [Fact]
    public async Task ReplicaKilledMidLoad_SurvivorFinishesTheWork_AndTakesOverItsTimersAndMessages()
    {
        await using var a = await BotReplica.StartAsync(redis.Configuration, _prefix);
        await using var b = await BotReplica.StartAsync(redis.Configuration, _prefix);
        BotReplica[] replicas = [a, b];
        var incidents = await ReplicaLoad.DeclareAsync(replicas, Incidents);

        var load = new ReplicaLoad(replicas, incidents);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(12, "kill", stop.Token);
        await ReplicaChecks.WaitForAsync(() => load.AnsweredCount >= 500);
        load.MarkDown(a);
        await a.DisposeAsync();
        var answeredAtKill = load.AnsweredCount;
        await ReplicaChecks.WaitForAsync(() => load.AnsweredCount >= answeredAtKill + 1000);
        await stop.CancelAsync();
        await running;
        // Reminders claimed by the dead replica fire on the survivor once their lease runs out.
        await Task.Delay(BotReplica.Lease + BotReplica.ReminderCadence);
        await ReplicaLoad.CancelAllAsync([b], incidents);
        await ReplicaChecks.OutboxDrainsAsync(b, Drain);

        Assert.Empty(load.Refused);
        await ReplicaChecks.TimelinesAreCompleteOrderedAndUniqueAsync(b, incidents, load.Answered);
        Assert.Equal((0, 0), await b.PendingAsync());
    }

    [Fact]
    public async Task RedisRestartedMidLoad_CommandsFailCleanlyWhileDown_AndEverythingAnsweredSurvives()
    {
        await using var a = await BotReplica.StartAsync(redis.Configuration, _prefix);
        await using var b = await BotReplica.StartAsync(redis.Configuration, _prefix);
        BotReplica[] replicas = [a, b];
        var incidents = await ReplicaLoad.DeclareAsync(replicas, Incidents);

        var load = new ReplicaLoad(replicas, incidents);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(8, "restart", stop.Token);
        await ReplicaChecks.WaitForAsync(() => load.AnsweredCount >= 300);
        await redis.Server.KillAsync();
        await ReplicaChecks.WaitForAsync(() => load.Refused.Count >= 20);
        var healthWhileDown = await a.HealthAsync();
        await redis.Server.StartAgainAsync();
        var answeredAtRestart = load.AnsweredCount;
        await ReplicaChecks.WaitForAsync(() => load.AnsweredCount >= answeredAtRestart + 300);
        var healthAfter = await b.HealthAsync();
        await stop.CancelAsync();
        await running;
        await LetRemindersFireAsync();
        await ReplicaLoad.CancelAllAsync(replicas, incidents);
        await ReplicaChecks.OutboxDrainsAsync(a, Drain);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unhealthy"), healthWhileDown);
        Assert.Equal((HttpStatusCode.OK, "healthy"), healthAfter);
        Assert.All(load.Refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        await ReplicaChecks.TimelinesAreCompleteOrderedAndUniqueAsync(b, incidents, load.Answered);
        Assert.Equal((0, 0), await b.PendingAsync());
    }

    /// <summary>However fast the load ran, every incident has had time for at least one reminder.</summary>
    private static Task LetRemindersFireAsync() => Task.Delay(BotReplica.ReminderCadence + TimeSpan.FromSeconds(1));

    /// <summary>Every console transcript write of this test's replicas, by message key, as Redis announces them.</summary>
    private async Task<ConcurrentQueue<string>> WatchTranscriptWritesAsync(ConnectionMultiplexer connection)
    {
        var writes = new ConcurrentQueue<string>();
        await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_prefix + "events"), (_, message) =>
        {
            var parts = message.ToString().Split(':', 3);
            if (parts[0] == "transcript") writes.Enqueue(parts[2]);
        });
        return writes;
    }
}
