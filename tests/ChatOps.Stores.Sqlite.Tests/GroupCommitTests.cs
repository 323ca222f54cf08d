using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>Writes that queue up share one transaction; each must still succeed or fail on its own.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FailingWrite_InABatch_FailsAloneAndTheOthersCommit()
    {
        await using var store = _db.Open(_clock);
        IConsoleTranscript transcript = store;

        var writes = Enumerable.Range(0, 30)
            .Select(i => transcript.UpsertAsync($"msg:{i}", i == 15 ? null! : "ops", _clock.GetUtcNow(), "ChatOps", $"m{i}", null, CancellationToken.None))
            .ToList();
        var failure = await Record.ExceptionAsync(() => writes[15]);
        var others = await Task.WhenAll(writes.Where((_, i) => i != 15));

        Assert.IsType<SqliteException>(failure);
        Assert.Equal(29, others.Select(m => m.Sequence).Distinct().Count());
        var stored = await transcript.ReadAsync(null, 0, 100, CancellationToken.None);
        Assert.Equal(29, stored.Count);
        Assert.DoesNotContain(stored, m => m.Text == "m15");
    }

    [Fact]
    public async Task Write_WithCancelledToken_IsCancelledAndWritesNothing()
    {
        await using var store = _db.Open(_clock);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1)).Build(), cancelled.Token));

        Assert.Null(await store.GetAsync(new IncidentId(1), CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_FinishesQueuedCommitsBeforeClosing()
    {
        var store = _db.Open(_clock);
        var commits = Enumerable.Range(1, 50)
            .Select(n => store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(n)).WithEvent("declared", "d").Build(), CancellationToken.None))
            .ToList();

        await store.DisposeAsync();
        await using var reopened = _db.Open(_clock);

        Assert.All(commits, c => Assert.Equal(CommitOutcome.Committed, c.Result.Outcome));
        Assert.Equal(50, (await reopened.ListAsync(new IncidentQuery(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Write_AfterDispose_IsRefused()
    {
        var store = _db.Open(_clock);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AllocateIdAsync(CancellationToken.None));
    }

    public void Dispose() => _db.Delete();
}
