using System.Collections.Immutable;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Fixtures;

/// <summary>Consistent snapshots at each lifecycle state: the fields a real bridge would have filled by then.</summary>
internal static class Incidents
{
    public static readonly DateTimeOffset DeclaredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly Actor Alice = new("U-alice", "Alice");
    public static readonly Actor Bob = new("U-bob", "Bob");
    public static readonly Actor Carol = new("U-carol", "Carol");

    public static Incident Declared(Severity severity = Severity.Sev2) => new()
    {
        Id = new IncidentId(7),
        Title = "Checkout errors",
        Severity = severity,
        Status = IncidentStatus.Declared,
        Service = "payments",
        Channel = "inc-7-checkout-errors",
        OriginChannel = "ops",
        DeclaredBy = Alice,
        DeclaredAt = DeclaredAt,
        NextUpdateDue = DeclaredAt.AddMinutes(30),
        Version = 1,
    };

    public static Incident At(IncidentStatus status, Severity severity = Severity.Sev2)
    {
        var incident = Declared(severity) with { Status = status };
        if (status == IncidentStatus.Declared) return incident;
        incident = incident with
        {
            AcknowledgedAt = DeclaredAt.AddMinutes(3),
            Roles = ImmutableDictionary<IncidentRole, Actor>.Empty
                .Add(IncidentRole.Commander, Bob)
                .Add(IncidentRole.Scribe, Carol),
            Impact = new Impact(DeclaredAt.AddMinutes(-10), null, 0.1m, 0.2m),
            LastUpdate = "Rolled back the 09:15 deploy; error rate falling.",
            LastUpdateAt = DeclaredAt.AddMinutes(20),
            NextUpdateDue = DeclaredAt.AddMinutes(50),
            Version = 5,
        };
        return status switch
        {
            IncidentStatus.Resolved => Resolved(incident),
            IncidentStatus.Closed => Resolved(incident) with { ClosedAt = DeclaredAt.AddHours(3), ValidatedBy = Alice },
            IncidentStatus.HandedOff => incident with { HandOffLink = "https://tracker.example/PAY-123" },
            IncidentStatus.Cancelled => incident with { CancelReason = "Duplicate of INC-6" },
            _ => incident,
        };
    }

    private static Incident Resolved(Incident incident) => incident with
    {
        ResolvedAt = DeclaredAt.AddMinutes(50),
        ResolutionSummary = "Deploy rolled back; checkout success rate back to normal.",
        Postmortem = new Postmortem { Category = RootCauseCategory.Change, RootCause = "Timeout set to 0 in the 09:15 deploy" },
    };
}
