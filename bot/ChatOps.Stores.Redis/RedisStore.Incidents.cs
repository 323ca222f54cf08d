using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    public Task<IncidentId> AllocateIdAsync(CancellationToken ct) =>
        Guard(async () => new IncidentId(await _db.StringIncrementAsync(_keys.IncidentCounter).ConfigureAwait(false)), ct);

    public Task<Incident?> GetAsync(IncidentId id, CancellationToken ct) =>
        Guard(async () =>
        {
            var json = await _db.HashGetAsync(_keys.Incident(id.Number), "json").ConfigureAwait(false);
            return json.IsNull ? null : ReadSnapshot(json!);
        }, ct);

    /// <summary>
    /// An incident channel's name carries its incident number (<c>inc-7-checkout</c>), so a channel once found keeps
    /// naming the same incident: found channels are remembered, which saves a round trip on every command typed in
    /// an incident channel. "Not an incident channel" is never remembered (another replica may declare one).
    /// </summary>
    public Task<IncidentId?> FindByChannelAsync(string channel, CancellationToken ct)
    {
        if (_channels.TryGet(channel) is { } known) return Task.FromResult<IncidentId?>(known);
        return Guard(async () =>
        {
            var number = await _db.StringGetAsync(_keys.Channel(channel)).ConfigureAwait(false);
            if (number.IsNull) return (IncidentId?)null;
            var id = new IncidentId((long)number);
            _channels.Remember(channel, id);
            return id;
        }, ct);
    }

    public Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard<IReadOnlyList<Incident>>(async () =>
        {
            var result = await RedisScripts.ListIncidents.RunAsync(_db,
                Prefix, query.OpenOnly ? "1" : "0", query.Service?.ToLowerInvariant() ?? "", query.Limit).ConfigureAwait(false);
            return [.. ((RedisResult[])result!).Select(json => ReadSnapshot((string)json!))];
        }, ct);
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken ct) =>
        Guard<IReadOnlyList<TimelineEntry>>(async () =>
        {
            var entries = await _db.ListRangeAsync(_keys.Timeline(id.Number)).ConfigureAwait(false);
            // The list is append-only inside commits, so an entry's position is its sequence number.
            return [.. entries.Select((json, i) => ReadEvent(json!) with { Incident = id, Sequence = i + 1 })];
        }, ct);

    public Task<string?> FindResultAsync(string idempotencyKey, CancellationToken ct) =>
        Guard(async () => (string?)await _db.StringGetAsync(_keys.Result(idempotencyKey)).ConfigureAwait(false), ct);

    public Task<CommandState> GetForCommandAsync(IncidentId id, string idempotencyKey, CancellationToken ct) =>
        Guard(async () =>
        {
            // Both are sent before either answer is awaited: one round trip.
            var snapshot = _db.HashGetAsync(_keys.Incident(id.Number), "json");
            var prior = _db.StringGetAsync(_keys.Result(idempotencyKey));
            var json = await snapshot.ConfigureAwait(false);
            return new CommandState(json.IsNull ? null : ReadSnapshot(json!), await prior.ConfigureAwait(false));
        }, ct);

    private static Incident ReadSnapshot(string json) =>
        IncidentJson.Deserialize<Incident>(json) ?? throw new InvalidOperationException("A stored incident snapshot is unreadable.");

    private static TimelineEntry ReadEvent(string json) =>
        IncidentJson.Deserialize<TimelineEntry>(json) ?? throw new InvalidOperationException("A stored timeline entry is unreadable.");
}
