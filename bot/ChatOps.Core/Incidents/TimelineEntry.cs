namespace ChatOps.Core.Incidents;

/// <summary>
/// One event of an incident; the event log is the timeline. Never edited: a correction is a new entry.
/// <see cref="Sequence"/> is assigned by the store (1, 2, 3... per incident).
/// </summary>
public sealed record TimelineEntry(
    IncidentId Incident,
    long Sequence,
    DateTimeOffset At,
    Actor Actor,
    string Kind,
    string Text,
    string Surface);
