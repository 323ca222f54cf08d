using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>A row the claim cannot read (another version wrote it, or it was damaged) must not stop the outbox.</summary>
public sealed class UnreadableOutboxRowTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AnUnreadableRow_IsClaimedAsUnreadable_AndTheOthersAsUsual()
    {
        await using var store = _db.Open(_clock);
        IOutboxStore outbox = store;
        await store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1))
            .WithMessage(MessageKind.Notice, "ops", "damaged").WithMessage(MessageKind.Notice, "ops", "after it")
            .WithMessage(MessageKind.Notice, "payments", "elsewhere").Build(), CancellationToken.None);
        _db.Execute("UPDATE outbox SET message_json = '{\"kind\":' WHERE id = 1"); // the first message, cut short

        var claimed = await outbox.ClaimAsync(_clock.GetUtcNow(), "pump", TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        Assert.Equal(3, claimed.Count);
        Assert.NotNull(claimed[0].Unreadable);
        Assert.Equal(["after it", "elsewhere"], claimed.Skip(1).Select(e => e.Message!.Text));
    }

    public void Dispose() => _db.Delete();
}
