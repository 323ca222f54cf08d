using ChatOps.Core.Ports;

namespace ChatOps.Bot.Delivery;

/// <summary>
/// The messages of one outbox batch that were delivered or superseded, settled in one store write instead of one
/// each: on Redis every write is a turn of its event loop and a sync of its append-only file, and the marks were a
/// quarter of its write calls. Until it is marked, a delivered message stays leased to this pump, so no one else
/// claims it; if the process dies first it is delivered again, which the sinks tolerate (the console upserts by key,
/// the chat sinks remember what they posted). A batch that runs long (a channel held back by Slack's pacing) settles
/// what it has each time a quarter of the lease has passed, so no mark waits until its lease could run out.
/// </summary>
internal sealed class DeliveredMarks(IOutboxStore outbox, TimeProvider clock, DateTimeOffset deliveredAt, TimeSpan lease)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _settleEvery = lease / 4;
    private readonly DateTimeOffset _deliveredAt = deliveredAt;
    private List<long> _pending = [];
    private DateTimeOffset _lastSettled = deliveredAt;

    public Task AddAsync(long id, CancellationToken ct)
    {
        bool due;
        lock (_gate)
        {
            _pending.Add(id);
            due = clock.GetUtcNow() - _lastSettled >= _settleEvery;
        }
        return due ? SettleAsync(ct) : Task.CompletedTask;
    }

    /// <summary>Marks everything added so far; called at the end of the batch and before a failed channel is put back.</summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        List<long> ids;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            ids = _pending;
            _pending = [];
            _lastSettled = clock.GetUtcNow();
        }
        await outbox.MarkDeliveredAsync(ids, _deliveredAt, ct);
    }
}
