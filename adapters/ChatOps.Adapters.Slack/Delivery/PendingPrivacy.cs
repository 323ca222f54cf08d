using System.Collections.Concurrent;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// A <c>--private</c> declare, remembered from just before the dispatch until its channel is created: the outbox
/// pump may deliver the first message before the handler learns the channel's name, so the creator asks here too.
/// </summary>
internal sealed class PendingPrivacy
{
    private readonly ConcurrentDictionary<(string Declarer, string Title), byte> _expected = new();

    public void Expect(string declarerId, string title) => _expected[(declarerId, title)] = 0;

    public bool IsPrivate(Incident? snapshot) =>
        snapshot is not null && _expected.TryRemove((snapshot.DeclaredBy.Id, snapshot.Title), out _);
}
