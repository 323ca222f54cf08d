using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Incidents;
using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>
/// Redis round trips per command through the real dispatcher, counted (issue target: at most 3 per accepted command).
/// An accepted command costs 2: the snapshot and the idempotency lookup sent together, then the commit script. A
/// declare costs 3: idempotency lookup, id counter, commit. A command typed in an incident channel finds its incident
/// from the replica's memory of incident channels, so it is 2 too (3 the first time a replica sees that channel).
/// </summary>
public sealed class RedisRoundTripTests(RedisServerFixture redis) : RedisStoreTest(redis)
{
    private static readonly Actor Alice = new("U-alice", "Alice");
    private CommandDispatcher _dispatcher = null!;
    private RoundTripCounter _counter = null!;

    [Fact]
    public async Task AcceptedCommands_TakeTwoRoundTrips_AndADeclareThree()
    {
        await WarmUpScriptsAsync();

        var declare = await CountAsync("incident declare Checkout errors --sev 2 --service payments", "ops", "k-declare");
        var note = await CountAsync("note INC-1 Looking at the dashboards", "ops", "k-note");
        var channel = (await Store.GetAsync(new IncidentId(1), CancellationToken.None))!.Channel;
        var inChannel = await CountAsync("ack", channel, "k-ack");
        var update = await CountAsync("update Rolled back the deploy", channel, "k-update");

        Assert.Equal(["GET", "INCR", "EVALSHA"], declare.Commands);
        Assert.Equal(3, declare.RoundTrips);
        Assert.All([note, inChannel, update], command =>
        {
            Assert.Equal(["HGET", "GET", "EVALSHA"], command.Commands);
            Assert.Equal(2, command.RoundTrips);
        });
    }

    [Fact]
    public async Task InAnotherReplica_AChannelCostsOneMoreRoundTripTheFirstTimeOnly()
    {
        await WarmUpScriptsAsync();
        await CountAsync("incident declare Checkout errors --sev 2", "ops", "k-declare");
        var channel = (await Store.GetAsync(new IncidentId(1), CancellationToken.None))!.Channel;
        await using var other = State.Open(Clock);
        var otherCounter = new RoundTripCounter(other.Connection);
        var otherDispatcher = Dispatcher(other);

        var first = await otherCounter.MeasureAsync(() => otherDispatcher.DispatchTextAsync(new CommandRequest("note first", Alice, channel, "api", "k-1"), CancellationToken.None));
        var second = await otherCounter.MeasureAsync(() => otherDispatcher.DispatchTextAsync(new CommandRequest("note second", Alice, channel, "api", "k-2"), CancellationToken.None));

        Assert.Equal(3, first.RoundTrips);
        Assert.Equal(2, second.RoundTrips);
        Assert.Equal(first.Commands.Count - 1, second.Commands.Count); // the channel lookup
    }

    [Fact]
    public async Task RepeatedDelivery_IsAnsweredInOneRoundTrip()
    {
        await WarmUpScriptsAsync();
        await CountAsync("incident declare Checkout errors", "ops", "k-declare");

        var repeat = await CountAsync("incident declare Checkout errors", "ops", "k-declare");

        Assert.Equal(["GET"], repeat.Commands);
        Assert.Equal(1, repeat.RoundTrips);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _counter = new RoundTripCounter(Store.Connection);
        _dispatcher = Dispatcher(Store);
    }

    private CommandDispatcher Dispatcher(RedisStore store)
    {
        var catalog = new ServiceCatalog([new ServiceEntry { Name = "payments", StakeholderChannel = "payments-stakeholders" }]);
        return new CommandDispatcher(store, store, new IncidentBridge(new BridgeSettings(), catalog), new IncidentQueries(store, catalog), Clock);
    }

    /// <summary>The first use of each script on a server sends its text once (EVAL); steady state is EVALSHA.</summary>
    private async Task WarmUpScriptsAsync()
    {
        await _dispatcher.DispatchTextAsync(new CommandRequest("incident declare Warm-up", Alice, "ops", "api", "warm-up"), CancellationToken.None);
        await Store.CommitAsync(Testing.Builders.CommitBuilder.Create(new Testing.Builders.IncidentBuilder(1000)).Build(), CancellationToken.None);
    }

    private async Task<RoundTripCounter.Measured> CountAsync(string text, string channel, string key)
    {
        DispatchResult? result = null;
        var commands = await _counter.MeasureAsync(async () =>
            result = await _dispatcher.DispatchTextAsync(new CommandRequest(text, Alice, channel, "api", key), CancellationToken.None));
        Assert.Equal(DispatchOutcome.Ok, result!.Outcome);
        return commands;
    }
}
