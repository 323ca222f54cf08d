using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>A refused commit leaves every key byte for byte as it was: the script checks everything before it writes.</summary>
public sealed class RedisAtomicityTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisTestStore _state = new(redis);
    private RedisStore _store = null!;
    private CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Commit_OnStaleVersion_ChangesNoKeyAtAll()
    {
        var created = await CreateAsync(1);
        await _store.CommitAsync(CommitBuilder.Update(created).WithEvent("note", "winner").Build(), Ct);
        var before = await DumpAsync();

        var result = await _store.CommitAsync(EverythingOn(CommitBuilder.Update(created)), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Commit_NewIncidentOnATakenNumber_ChangesNoKeyAtAll()
    {
        await CreateAsync(1);
        var before = await DumpAsync();

        var result = await _store.CommitAsync(EverythingOn(CommitBuilder.Create(new IncidentBuilder(1).WithTitle("Second"))), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Commit_DuplicateKey_ChangesNoKeyAtAll()
    {
        var created = await CreateAsync(1);
        await _store.CommitAsync(CommitBuilder.Update(created).WithKey("delivery-1").Build(), Ct);
        var current = (await _store.GetAsync(created.Id, Ct))!;
        var before = await DumpAsync();

        var result = await _store.CommitAsync(EverythingOn(CommitBuilder.Update(current).WithKey("delivery-1")), Ct);

        Assert.Equal(CommitOutcome.Duplicate, result.Outcome);
        Assert.Equal(before, await DumpAsync());
    }

    public Task InitializeAsync()
    {
        _store = _state.Open(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private IncidentCommit EverythingOn(CommitBuilder builder) =>
        builder.WithEvent("note", "must not appear").WithMessage(MessageKind.Notice, "ops", "must not be sent")
            .Schedule("reminder", _clock.GetUtcNow()).Cancel("other").Build();

    private async Task<Core.Incidents.Incident> CreateAsync(long number)
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(number)).WithEvent("declared", "Declared")
            .WithMessage(MessageKind.Acknowledgement, "ops", "ack").Schedule("other", _clock.GetUtcNow().AddHours(1)).Build();
        Assert.Equal(CommitOutcome.Committed, (await _store.CommitAsync(commit, Ct)).Outcome);
        return (await _store.GetAsync(new Core.Incidents.IncidentId(number), Ct))!;
    }

    /// <summary>
    /// Every key of this test's prefix with its content, in key order. Content, not <c>DUMP</c>: a large hash's
    /// serialized field order changes when Redis rehashes it on a mere read.
    /// </summary>
    private async Task<string> DumpAsync()
    {
        var server = _store.Connection.GetServers()[0];
        var db = _store.Connection.GetDatabase();
        var lines = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: _state.KeyPrefix + "*"))
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
