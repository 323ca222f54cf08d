using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>A refused commit leaves every key byte for byte as it was: the script checks everything before it writes.</summary>
public sealed class RedisAtomicityTests(RedisServerFixture redis) : RedisStoreTest(redis)
{

    [Fact]
    public async Task Commit_OnStaleVersion_ChangesNoKeyAtAll()
    {
        var created = await CreateAsync(1);
        await Store.CommitAsync(CommitBuilder.Update(created).WithEvent("note", "winner").Build(), Ct);
        var before = await DumpAsync();

        var result = await Store.CommitAsync(EverythingOn(CommitBuilder.Update(created)), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Commit_NewIncidentOnATakenNumber_ChangesNoKeyAtAll()
    {
        await CreateAsync(1);
        var before = await DumpAsync();

        var result = await Store.CommitAsync(EverythingOn(CommitBuilder.Create(new IncidentBuilder(1).WithTitle("Second"))), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Commit_DuplicateKey_ChangesNoKeyAtAll()
    {
        var created = await CreateAsync(1);
        await Store.CommitAsync(CommitBuilder.Update(created).WithKey("delivery-1").Build(), Ct);
        var current = (await Store.GetAsync(created.Id, Ct))!;
        var before = await DumpAsync();

        var result = await Store.CommitAsync(EverythingOn(CommitBuilder.Update(current).WithKey("delivery-1")), Ct);

        Assert.Equal(CommitOutcome.Duplicate, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    private IncidentCommit EverythingOn(CommitBuilder builder) =>
        builder.WithEvent("note", "must not appear").WithMessage(MessageKind.Notice, "ops", "must not be sent")
            .Schedule("reminder", Clock.GetUtcNow()).Cancel("other").Build();

    private async Task<Core.Incidents.Incident> CreateAsync(long number)
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(number)).WithEvent("declared", "Declared")
            .WithMessage(MessageKind.Acknowledgement, "ops", "ack").Schedule("other", Clock.GetUtcNow().AddHours(1)).Build();
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit, Ct)).Outcome);
        return (await Store.GetAsync(new Core.Incidents.IncidentId(number), Ct))!;
    }

    /// <summary>
    /// Every key of this test's prefix with its content, in key order. Content, not <c>DUMP</c>: a large hash's
    /// serialized field order changes when Redis rehashes it on a mere read.
    /// </summary>
    private async Task<string> DumpAsync()
    {
        var server = Store.Connection.GetServers()[0];
        var db = Store.Connection.GetDatabase();
        var lines = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: State.KeyPrefix + "*"))
        {
            var content = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => (string?)await db.StringGetAsync(key),
                RedisType.Hash => string.Join(',', (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}:{e.Value}").Order(StringComparer.Ordinal)),
                RedisType.List => string.Join(',', await db.ListRangeAsync(key)),
                RedisType.SortedSet => string.Join(',', (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => $"{e.Element}:{e.Score}")),
                RedisType.Set => string.Join(',', (await db.SetMembersAsync(key)).Select(m => (string)m!).Order(StringComparer.Ordinal)),
                var other => throw new InvalidOperationException($"Unexpected key type {other} at {key}"),
            };
            lines.Add($"{key}={content}");
        }
        Assert.NotEmpty(lines);
        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }
}
