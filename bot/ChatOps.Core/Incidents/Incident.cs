using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ChatOps.Core.Incidents;

/// <summary>
/// The snapshot of one incident bridge after its latest accepted command. Immutable: the bridge returns a new
/// one with <c>with</c>; the store saves it under <see cref="Version"/> (optimistic concurrency).
/// </summary>
public sealed record Incident
{
    public required IncidentId Id { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required IncidentStatus Status { get; init; }
    /// <summary>Catalog name of the affected service.</summary>
    public required string Service { get; init; }
    /// <summary>The incident's own channel (<c>inc-7-db-down</c>); the surface maps it to a real room.</summary>
    public required string Channel { get; init; }
    /// <summary>Where the incident was declared.</summary>
    public required string OriginChannel { get; init; }
    public required Actor DeclaredBy { get; init; }
    public required DateTimeOffset DeclaredAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public ImmutableDictionary<IncidentRole, Actor> Roles { get; init; } = ImmutableDictionary<IncidentRole, Actor>.Empty;
    public Impact Impact { get; init; } = Impact.Full;
    public string? ResolutionSummary { get; init; }
    public string? HandOffLink { get; init; }
    public string? CancelReason { get; init; }
    public Actor? ValidatedBy { get; init; }
    public Postmortem Postmortem { get; init; } = Postmortem.Empty;
    public string? LastUpdate { get; init; }
    public DateTimeOffset? LastUpdateAt { get; init; }
    public DateTimeOffset? NextUpdateDue { get; init; }
    /// <summary>
    /// The declarer asked for a private incident channel. Part of the snapshot, so it is committed with the declare
    /// and frozen into every outbox message: the surface that creates the channel later (after a restart too) sees it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PrivateChannel { get; init; }
    /// <summary>Number of accepted commands; 0 means not yet stored.</summary>
    public long Version { get; init; }

    public Actor? Commander => Roles.GetValueOrDefault(IncidentRole.Commander);
}
