using System.Collections.Concurrent;
using ChatOps.Core.Incidents;

namespace ChatOps.Stores.Redis;

/// <summary>Incident channels this process has seen, bounded so a long-running replica does not grow without end.</summary>
internal sealed class ChannelDirectory
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, IncidentId> _known = new(StringComparer.Ordinal);

    public IncidentId? TryGet(string channel) => _known.TryGetValue(channel, out var id) ? id : null;

    public void Remember(string channel, IncidentId id)
    {
        // Forgetting everything at the bound is crude but cheap; the next lookup per channel costs one round trip.
        if (_known.Count >= Capacity) _known.Clear();
        _known.AddOrUpdate(channel, id, (_, known) => known.Number >= id.Number ? known : id);
    }
}
