using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Sqlite.Tests;

public sealed class SqliteStoreFactoryTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Open_MissingDirectory_CreatesTheFileInWalMode()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_db.FilePath)));

        using (_db.Open(_clock)) { }

        Assert.True(File.Exists(_db.FilePath));
        Assert.Equal("wal", Pragma("journal_mode"));
    }

    [Fact]
    public async Task Open_Twice_KeepsDataAndSchema()
    {
        var created = new IncidentBuilder(1).Build();
        await using (var store = _db.Open(_clock))
        {
            await store.CommitAsync(CommitBuilder.Create(created).WithEvent("declared", "x").Build(), CancellationToken.None);
        }

        await using var reopened = _db.Open(_clock);

        Assert.NotNull(await reopened.GetAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public void Open_AFileFromBeforeTheChannelIndex_GetsIt()
    {
        using (_db.Open(_clock)) { }
        // As the previous release left the file: the outbox indexed by id only.
        Execute("DROP INDEX outbox_pending_channel; CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL;");

        using (_db.Open(_clock)) { }

        Assert.Equal(1L, Execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'outbox_pending_channel'"));
        Assert.Equal(0L, Execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'outbox_pending'"));
    }

    [Fact]
    public void Open_DatabaseFromANewerSchema_IsRefused()
    {
        using (_db.Open(_clock)) { }
        Execute("PRAGMA user_version=99");

        var error = Assert.Throws<InvalidOperationException>(() => _db.Open(_clock));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OFF")]
    [InlineData("EXTRA; DROP TABLE incidents")]
    public void Open_UnsupportedSynchronousSetting_IsRefused(string synchronous)
    {
        var error = Assert.Throws<ArgumentException>(() => _db.Open(_clock, synchronous));

        Assert.Contains("NORMAL or FULL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commit_StampsOutboxMessagesWithTheInjectedClock()
    {
        await using var store = _db.Open(_clock);
        _clock.Advance(TimeSpan.FromMinutes(7));
        await store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1)).WithMessage(Core.Bridge.MessageKind.Notice, "ops", "hi").Build(), CancellationToken.None);

        var entry = Assert.Single(await ((IOutboxStore)store).ClaimAsync(_clock.GetUtcNow(), "pump", TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        Assert.Equal(_clock.GetUtcNow(), entry.CreatedAt);
    }

    public void Dispose() => _db.Delete();

    private string? Pragma(string name) => Execute($"PRAGMA {name}") as string;

    private object? Execute(string sql) => _db.Execute(sql);
}
