using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Ports;

/// <summary>Everything one accepted command writes. <see cref="ExpectedVersion"/> is 0 for a new incident.</summary>
public sealed record IncidentCommit(
    Incident Snapshot,
    long ExpectedVersion,
    IReadOnlyList<TimelineEntry> Events,
    IReadOnlyList<OutboundMessage> Messages,
    IReadOnlyList<TimerChange> Timers,
    string IdempotencyKey,
    string ResultJson,
    DueTimer? CompletedTimer = null);

public enum CommitOutcome
{
    Committed,
    /// <summary>Another command changed the incident first; nothing was written. Reload and decide again.</summary>
    VersionConflict,
    /// <summary>The idempotency key was already committed; nothing was written. <see cref="CommitResult.PriorResultJson"/> has the first answer.</summary>
    Duplicate,
}

public sealed record CommitResult(CommitOutcome Outcome, string? PriorResultJson = null);
