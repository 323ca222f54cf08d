using ChatOps.Core.Ports;

namespace ChatOps.Testing.Fakes;

/// <summary>A hand-written <see cref="IInboundQueue"/> for adapter tests: dedupe by surface + key, claims in arrival order.</summary>
public sealed class InMemoryInboundQueue : IInboundQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _items = [];
    private readonly HashSet<(string Surface, string Key)> _seen = [];

    private sealed class Entry(InboundItem item)
    {
        public InboundItem Item { get; set; } = item;
        public bool Done { get; set; }
        public DateTimeOffset NotBefore { get; set; }
        public string? Owner { get; set; }
        public DateTimeOffset LeaseUntil { get; set; }
    }

    /// <summary>Every item ever recorded, done or not.</summary>
    public IReadOnlyList<InboundItem> All
    {
        get
        {
            lock (_gate) return [.. _items.Select(e => e.Item)];
        }
    }

    public IReadOnlyList<InboundItem> Pending
    {
        get
        {
            lock (_gate) return [.. _items.Where(e => !e.Done).Select(e => e.Item)];
        }
    }

    public Task<bool> EnqueueAsync(string surface, string dedupeKey, string payload, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_seen.Add((surface, dedupeKey))) return Task.FromResult(false);
            _items.Add(new Entry(new InboundItem(_items.Count + 1, surface, dedupeKey, payload, now, 0)) { NotBefore = now });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InboundItem>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct)
    {
        lock (_gate)
        {
            var claimed = _items.Where(e => !e.Done && e.NotBefore <= now && (e.Owner is null || e.LeaseUntil <= now)).Take(max).ToList();
            foreach (var e in claimed)
            {
                e.Owner = owner;
                e.LeaseUntil = now + lease;
                e.Item = e.Item with { Attempts = e.Item.Attempts + 1 };
            }
            return Task.FromResult<IReadOnlyList<InboundItem>>([.. claimed.Select(e => e.Item)]);
        }
    }

    public Task CompleteAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate) _items.Single(e => e.Item.Id == id).Done = true;
        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct)
    {
        lock (_gate)
        {
            var e = _items.Single(x => x.Item.Id == id);
            e.Owner = null;
            e.NotBefore = nextAttemptAt;
        }
        return Task.CompletedTask;
    }
}
