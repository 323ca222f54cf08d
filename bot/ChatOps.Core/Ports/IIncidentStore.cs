using ChatOps.Core.Incidents;

namespace ChatOps.Core.Ports;

/// <summary>
/// Incident snapshots, their timelines and the commit that writes a command's effects atomically.
/// Every implementation passes the shared contract suite (tests/ChatOps.Testing/StoreContract).
/// </summary>
public interface IIncidentStore
{
    /// <summary>Takes the next incident number from an atomic counter (gaps are possible, repeats never).</summary>
    Task<IncidentId> AllocateIdAsync(CancellationToken ct);

    Task<Incident?> GetAsync(IncidentId id, CancellationToken ct);

    /// <summary>The incident whose own channel is <paramref name="channel"/>, if any.</summary>
    Task<IncidentId?> FindByChannelAsync(string channel, CancellationToken ct);

    Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken ct);

    /// <summary>The whole timeline in sequence order.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken ct);

    /// <summary>The stored result of a command already committed under this idempotency key.</summary>
    Task<string?> FindResultAsync(string idempotencyKey, CancellationToken ct);

    /// <summary>
    /// What a command needs before it decides: the incident's snapshot and the result already stored under the
    /// command's idempotency key (a redelivery). On a networked store both travel in one round trip.
    /// </summary>
    Task<CommandState> GetForCommandAsync(IncidentId id, string idempotencyKey, CancellationToken ct);

    /// <summary>
    /// One atomic commit: the snapshot (only if the stored version equals <see cref="IncidentCommit.ExpectedVersion"/>),
    /// the events numbered after the last one, the outbox messages, the timer changes, the completed timer and the
    /// idempotency claim. All or nothing.
    /// </summary>
    Task<CommitResult> CommitAsync(IncidentCommit commit, CancellationToken ct);
}

/// <summary>The incident as stored (null: there is none) and the prior result of the command's key (null: none).</summary>
public sealed record CommandState(Incident? Incident, string? PriorResultJson);

/// <summary>Filters for <see cref="IIncidentStore.ListAsync"/>; null means any. Results are ordered by id.</summary>
public sealed record IncidentQuery(bool OpenOnly = false, string? Service = null, int Limit = 1000);
