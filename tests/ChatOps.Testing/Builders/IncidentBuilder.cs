using System.Collections.Immutable;
using ChatOps.Core.Incidents;

namespace ChatOps.Testing.Builders;

/// <summary>A valid incident snapshot with sensible defaults; override only what a test is about.</summary>
public sealed class IncidentBuilder
{
    public static readonly DateTimeOffset DefaultDeclaredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly Actor Alice = new("U-alice", "Alice");
    public static readonly Actor Bob = new("U-bob", "Bob");

    private Incident _incident;

    public IncidentBuilder(long number = 1)
    {
        _incident = new Incident
        {
            Id = new IncidentId(number),
            Title = $"Checkout errors {number}",
            Severity = Severity.Sev2,
            Status = IncidentStatus.Declared,
            Service = "payments",
            Channel = $"inc-{number}-checkout-errors",
            OriginChannel = "ops",
            DeclaredBy = Alice,
            DeclaredAt = DefaultDeclaredAt,
        };
    }

    public IncidentBuilder WithTitle(string title) => With(i => i with { Title = title });

    public IncidentBuilder WithSeverity(Severity severity) => With(i => i with { Severity = severity });

    public IncidentBuilder WithStatus(IncidentStatus status) => With(i => i with { Status = status });

    public IncidentBuilder WithService(string service) => With(i => i with { Service = service });

    public IncidentBuilder WithChannel(string channel) => With(i => i with { Channel = channel });

    public IncidentBuilder DeclaredAt(DateTimeOffset at) => With(i => i with { DeclaredAt = at });

    public IncidentBuilder WithRole(IncidentRole role, Actor actor) => With(i => i with { Roles = i.Roles.SetItem(role, actor) });

    public IncidentBuilder WithVersion(long version) => With(i => i with { Version = version });

    /// <summary>Fills the fields that rarely matter, so round-trip tests cover the whole shape.</summary>
    public IncidentBuilder Detailed() => With(i => i with
    {
        AcknowledgedAt = i.DeclaredAt.AddMinutes(3),
        Roles = i.Roles.SetItem(IncidentRole.Commander, Bob).SetItem(IncidentRole.Scribe, Alice),
        Impact = new Impact(i.DeclaredAt.AddMinutes(-10), null, 0.1m, 0.2m),
        LastUpdate = "Rolled back the deploy",
        LastUpdateAt = i.DeclaredAt.AddMinutes(20),
        NextUpdateDue = i.DeclaredAt.AddMinutes(50),
        Postmortem = new Postmortem
        {
            Summary = "Bad config",
            Category = RootCauseCategory.Configuration,
            RootCause = "Timeout set to 0",
            Contributing = ["No canary"],
            FollowUps = ImmutableList.Create(new FollowUp("Bob", new DateOnly(2026, 3, 20), "Add a canary")),
        },
    });

    public IncidentBuilder With(Func<Incident, Incident> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _incident = change(_incident);
        return this;
    }

    public Incident Build() => _incident;

    public static implicit operator Incident(IncidentBuilder builder) => builder?.Build() ?? throw new ArgumentNullException(nameof(builder));
}
